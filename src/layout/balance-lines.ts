import * as fontkit from 'fontkit';
import { decodedFont } from '../fonts/fonts.js';

/**
 * Balanced title lines: a title that takes two lines is cut where both lines
 * are about as long ("Bienvenue à la / CPAM de l'Orne", not "Bienvenue à la
 * CPAM de / l'Orne"). Widths come from the booklet's bold font (the titles'
 * weight), measured with fontkit as pdfmake's engine measures them.
 */
const fonts = new Map<400 | 700, fontkit.Font>();
function fontOf(weight: 400 | 700): fontkit.Font {
  let font = fonts.get(weight);
  if (!font) {
    font = fontkit.create(Buffer.from(decodedFont(weight)));
    fonts.set(weight, font);
  }
  return font;
}

export function textWidthOf(text: string, fontSize: number, weight: 400 | 700 = 700): number {
  const font = fontOf(weight);
  const run = font.layout(text);
  return (run.positions.reduce((sum, position) => sum + position.xAdvance, 0) * fontSize) / font.unitsPerEm;
}

/** Greedy line filling of words (separated by plain spaces) in `width`: the number of lines, or undefined when a word is wider. */
function greedyLineCount(widths: readonly number[], space: number, width: number): number | undefined {
  let lines = 1;
  let line = 0;
  for (let index = 0; index < widths.length; index++) {
    const word = widths[index]!;
    if (word > width) return undefined;
    if (index > 0 && line + space + word > width) {
      lines++;
      line = word;
    } else line = index === 0 ? word : line + space + word;
  }
  return lines;
}

/** pdfmake and fontkit may round a little differently: the balanced width keeps some slack. */
const SLACK = 1.02;

/**
 * The width at which `text` (one title, set in `fontSize` bold) prints on as
 * many lines as in `width`, each as short as that line count allows: a
 * title laid out in it has balanced lines. `width` itself when the title
 * holds on one line. The text is not changed, so the table of contents and
 * the bookmarks show it whole.
 */
export function balancedWidth(text: string, width: number, fontSize: number, weight: 400 | 700 = 700): number {
  const words = text.split(' ');
  if (words.length < 2) return width;
  const widths = words.map((word) => textWidthOf(word, fontSize, weight));
  const space = textWidthOf(' ', fontSize, weight);
  const lines = greedyLineCount(widths, space, width);
  if (lines === undefined || lines === 1) return width;
  let low = Math.max(...widths);
  let high = width;
  for (let round = 0; round < 20; round++) {
    const middle = (low + high) / 2;
    const count = greedyLineCount(widths, space, middle);
    if (count !== undefined && count <= lines) high = middle;
    else low = middle;
  }
  return Math.min(width, Math.ceil(high * SLACK + 1));
}
