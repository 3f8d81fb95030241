import path from 'node:path';
import { z } from 'zod';
import { INSET } from '../../geometry/screenshot-placement.js';
import { t } from '../../i18n/index.js';
import type { PreparedHighlight } from '../../images/prepared-image.js';
import type { ScreenshotRegion, SourcePosition } from '../../model/booklet.js';
import { definePdfRule, type PdfFinding } from './pdf-rule.js';

/**
 * The part of a screenshot a step points at (a highlight) prints its text at
 * 14 pt or more: in the whole screen, or in its enlarged inset (INSET in
 * geometry/screenshot-placement.ts). Computed from what livret knows: the
 * text's type size in pixels, measured on the picture
 * (images/text-height.ts), times the printed points per pixel.
 */
export interface PictureHighlightFacts {
  /** The screenshot's file name, for the message. */
  picture: string;
  /** The directive that shows it. */
  source: SourcePosition;
  highlight: ScreenshotRegion;
  /** 1 for the first highlight written. */
  index: number;
  text: PreparedHighlight;
}

/** The largest size the highlight's text prints at, in points; undefined when it holds no text. */
export function printedTextSize(text: PreparedHighlight): number | undefined {
  if (text.textPixels === null) return undefined;
  return text.textPixels * Math.max(text.scale, text.inset?.scale ?? 0);
}

/** "12,5": one decimal, French style. */
const points = (value: number) => (Math.floor(value * 10) / 10).toLocaleString('fr-FR');

export function pictureTextFindings(pictures: readonly PictureHighlightFacts[], min: number): PdfFinding[] {
  return pictures.flatMap((facts) => {
    const size = printedTextSize(facts.text);
    if (size === undefined || size >= min - 0.05) return [];
    const { x, y, width, height } = facts.highlight;
    return [{ ...facts.source, message: t('finding.pictureTextSize', { picture: facts.picture, index: facts.index, size: points(size), min, highlight: `${x},${y},${width},${height}` }) }];
  });
}

export const pictureTextSize = definePdfRule({
  id: 'picture-text-size',
  description: 'The text of each highlighted part of a screenshot prints at 14 pt or more, in the screen or in its enlarged inset.',
  severity: 'error',
  options: z.strictObject({ min: z.number().positive().default(INSET.minTextSize) }),
  check({ pictures }, { min }) {
    return pictureTextFindings(pictures ?? [], min);
  },
});

/** The facts of every highlight of a booklet's screenshots, in reading order. */
export function pictureHighlightFacts(screenshots: ReadonlyArray<{ screenshot: { path: string; source: SourcePosition; highlights: ScreenshotRegion[] }; prepared: { highlights: PreparedHighlight[] } }>): PictureHighlightFacts[] {
  return screenshots.flatMap(({ screenshot, prepared }) =>
    screenshot.highlights.map((highlight, index) => ({
      picture: path.basename(screenshot.path),
      source: screenshot.source,
      highlight,
      index: index + 1,
      text: prepared.highlights[index]!,
    })),
  );
}
