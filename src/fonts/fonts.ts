import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { woffToSfnt } from './woff.js';

/**
 * The embedded font: Atkinson Hyperlegible Next, designed for low-vision
 * readers (distinct I/l/1, O/0), sans-serif as easy-read guidance asks. Its
 * Latin subset covers French (accents, œ, €, typographic apostrophe).
 * Only the upright weights ship: the render stage maps italics to them
 * (src/render/render-pdf.ts), since easy-read forbids italics.
 */
const require = createRequire(import.meta.url);
const fontsFolder = path.join(
  path.dirname(require.resolve('@fontsource/atkinson-hyperlegible-next/package.json')),
  'files',
);

export const FONT_FAMILY = 'AtkinsonHyperlegibleNext';

/**
 * The font's own line height in em ((ascender − descender) / units per em:
 * (984 + 316) / 1000 for Atkinson Hyperlegible Next). pdfmake's `lineHeight`
 * multiplies this, so spacing "in font sizes" is converted through it.
 */
export const FONT_LINE_HEIGHT_EM = 1.3;

export function fontFile(weight: 400 | 700): string {
  return path.join(fontsFolder, `atkinson-hyperlegible-next-latin-${weight}-normal.woff`);
}

const decodedFonts = new Map<400 | 700, Uint8Array>();

/**
 * The font as plain OpenType, decoded once per thread: from the WOFF file,
 * fontkit would inflate every table again for each document.
 */
export function decodedFont(weight: 400 | 700): Uint8Array {
  let font = decodedFonts.get(weight);
  if (!font) {
    font = woffToSfnt(readFileSync(fontFile(weight)));
    decodedFonts.set(weight, font);
  }
  return font;
}

/**
 * Characters the embedded subset can draw (from @fontsource's unicode ranges
 * for the "latin" subset). Used to refuse text that would print as empty boxes.
 */
const DRAWABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], [0x00a0, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153],
  [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da], [0x02dc, 0x02dc],
  [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191],
  [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215],
];

export function canDraw(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return DRAWABLE_RANGES.some(([low, high]) => code >= low && code <= high);
}

/** The first character of `text` the font cannot draw, or undefined. */
export function firstUndrawable(text: string): string | undefined {
  for (const character of text) if (character !== '\n' && !canDraw(character)) return character;
  return undefined;
}
