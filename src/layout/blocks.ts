import type { Content, ContentText } from 'pdfmake/interfaces.js';
import type { Inline, Pictogram, Screenshot, Sentence } from '../model/booklet.js';
import type { ImageLookup } from '../images/prepared-image.js';
import type { LayoutPreset } from './presets.js';
import { THEME } from './theme.js';
import { frenchSpacing } from './typography.js';

/**
 * Building bricks shared by every block layout: sentences, the pictogram
 * column, framed screenshots. Each sentence is its own paragraph, so it
 * starts on a new line (easy-read).
 */
export interface LayoutContext {
  preset: LayoutPreset;
  images: ImageLookup;
}

/** A word with hyphens ("rendez-vous", "Alpes-de-Haute-Provence"): pdfmake would break a line after a hyphen. */
const HYPHENATED_WORD = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+)/u;

/**
 * One inline as pdfmake text runs: bold where the source is bold, and every
 * hyphenated word as an unbreakable run, because easy-read never cuts a word
 * across two lines (People First; UNE 153101), not even at its hyphen.
 */
function inlineRuns(inline: Inline): Array<ContentText | string> {
  const bold = inline.bold || inline.kind === 'term';
  return frenchSpacing(inline.text)
    .split(HYPHENATED_WORD)
    .filter((part) => part.length > 0)
    .map((part) => {
      const noWrap = HYPHENATED_WORD.test(part);
      if (!bold && !noWrap) return part;
      return { text: part, ...(bold ? { bold: true } : {}), ...(noWrap ? { noWrap: true } : {}) };
    });
}

export function sentenceContent(sentence: Sentence, extra: Partial<ContentText> = {}): ContentText {
  return {
    text: sentence.inlines.flatMap(inlineRuns),
    margin: [0, 0, 0, THEME.sentenceGap],
    ...extra,
  };
}

export function sentencesStack(sentences: readonly Sentence[], extra: Partial<ContentText> = {}): Content {
  return { stack: sentences.map((sentence) => sentenceContent(sentence, extra)) };
}

export function pictogramContent(pictogram: Pictogram | undefined, size: number): Content {
  if (!pictogram) return { text: '' };
  return { svg: pictogram.svg, width: size, height: size };
}

/** The easy-read row: the picture on the left, the text on the right. */
export function besidePicto(pictogram: Pictogram | undefined, text: Content, context: LayoutContext): Content {
  const { pictoSize, pictoGap } = context.preset;
  return {
    columns: [
      { width: pictoSize, stack: [pictogramContent(pictogram, pictoSize)] },
      { width: '*', stack: [text] },
    ],
    columnGap: pictoGap,
  };
}

/** A screenshot in a thin frame, at the size the image stage prepared it for (screenshot-placement.ts). */
export function screenshotContent(screenshot: Screenshot, context: LayoutContext): Content {
  const image = context.images(screenshot);
  const { width } = image.placed;
  return {
    table: { widths: [width], body: [[{ image: image.key, width, margin: [0, 0, 0, 0] }]] },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => THEME.colors.frame,
      vLineColor: () => THEME.colors.frame,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [0, 6, 0, 4],
  };
}

/** A coloured box (warnings, explanations). */
export function box(content: Content, fill: string, border: string | undefined): Content {
  const borderWidth = border ? 2 : 0;
  return {
    table: { widths: ['*'], body: [[{ stack: [content], fillColor: fill }]] },
    layout: {
      hLineWidth: () => borderWidth,
      vLineWidth: () => borderWidth,
      hLineColor: () => border ?? fill,
      vLineColor: () => border ?? fill,
      paddingLeft: () => 12,
      paddingRight: () => 12,
      paddingTop: () => 10,
      paddingBottom: () => 6,
    },
  };
}

export function unbreakable(stack: Content[], marginBottom: number = THEME.blockGap): Content {
  return { stack, unbreakable: true, margin: [0, 0, 0, marginBottom] };
}
