import { FONT_LINE_HEIGHT_EM } from '../fonts/fonts.js';

/**
 * The booklet's look, from EASY-READ.md: 16 pt body, nothing under 14 pt,
 * line spacing 1.5 (baseline to baseline, in font sizes), dark text on white with at least 7:1 contrast (the accent
 * blue #0B4F8A on white is 8.6:1; white on it too), bold for emphasis only.
 */
export const THEME = {
  bodySize: 16,
  minSize: 14,
  /** Baseline-to-baseline distance in font sizes (WCAG 1.4.8/1.4.12: at least 1.5). */
  lineSpacing: 1.5,
  coverTitleSize: 34,
  coverSubtitleSize: 22,
  chapterTitleSize: 26,
  headingSize: 20,
  stepNumberSize: 22,
  footerSize: 14,
  colors: {
    text: '#1a1a1a',
    accent: '#0b4f8a',
    onAccent: '#ffffff',
    warningBackground: '#fff3d1',
    warningBorder: '#8a4b00',
    explanationBackground: '#eaf2fb',
    rule: '#8c8c8c',
    frame: '#5c5c5c',
    exampleMark: '#8a1c1c',
  },
  /** Space between two blocks (ideas), in points. */
  blockGap: 18,
  /** Space between two sentences of one block. */
  sentenceGap: 4,
} as const;

export type Theme = typeof THEME;

/**
 * pdfmake's `lineHeight` for a baseline distance of `spacing` × font size.
 * pdfmake multiplies the font's own line height (1.3 em), not the font size.
 */
export function lineHeight(spacing: number): number {
  return Math.round((spacing / FONT_LINE_HEIGHT_EM) * 1000) / 1000;
}
