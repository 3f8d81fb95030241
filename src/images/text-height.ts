/**
 * How large the text inside a rectangle of a picture is, measured from its
 * pixels, so `picture-text-size` and the enlarged insets work on any
 * screenshot a writer adds, not only on the sample ones livret draws.
 *
 * The letters are the marks that differ from the rectangle's own background
 * and do not touch its top or bottom edge (frames, field borders and a
 * button's corners do). In each line of letters, the cap height runs from the baseline (where
 * most letters end) to the top of the letters standing on it (accents and
 * i-dots stand above, apart). A type size is that height over the cap height
 * of a sans-serif face.
 */
export interface PixelRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A picture's luminance, one byte a pixel, row by row. */
export interface Luminance {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Height of a sans-serif face's tall letters over its type size: ascenders
 * (l, d) reach 0.76 em in DejaVu and Arial, capitals 0.72. The larger ratio
 * errs on the small side, so text is never judged larger than it prints.
 */
export const CAP_HEIGHT_EM = 0.76;

/** A pixel is ink when its luminance is this far from the background's. */
const INK_CONTRAST = 64;
/** A line needs this many letters on its baseline (an icon alone is not text). */
const MIN_LETTERS = 2;
/** Letters end on the baseline within this share of the line's height. */
const BASELINE_TOLERANCE = 0.12;

interface Mark {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A line of text: its cap height in pixels, how many letters stand on its baseline, and where it is (picture pixels). */
export interface TextLine {
  capHeight: number;
  letters: number;
  box: PixelRegion;
}

/** The text found in a region: its type size in pixels and the box around all its lines. */
export interface RegionText {
  size: number;
  box: PixelRegion;
}

/**
 * The type size, in pixels, of the text inside `region`: that of its line
 * with the most letters (the button's label, the field's content; a dotted
 * rule or a lone icon is not it), the smaller on a tie. Undefined when the
 * region holds no text (an empty field, a masked number).
 */
export function textSizeInRegion(picture: Luminance, region: PixelRegion): number | undefined {
  return textInRegion(picture, region)?.size;
}

/** The text of `region` (see textSizeInRegion) and the box around its lines, in picture pixels. */
export function textInRegion(picture: Luminance, region: PixelRegion): RegionText | undefined {
  const lines = textLinesInRegion(picture, region);
  if (lines.length === 0) return undefined;
  const main = lines.reduce((best, line) => (line.letters > best.letters || (line.letters === best.letters && line.capHeight < best.capHeight) ? line : best));
  const left = Math.min(...lines.map((line) => line.box.x));
  const top = Math.min(...lines.map((line) => line.box.y));
  const right = Math.max(...lines.map((line) => line.box.x + line.box.width));
  const bottom = Math.max(...lines.map((line) => line.box.y + line.box.height));
  return { size: Math.round((main.capHeight / CAP_HEIGHT_EM) * 10) / 10, box: { x: left, y: top, width: right - left, height: bottom - top } };
}

/** The lines of text inside `region`, top to bottom. */
export function textLinesInRegion(picture: Luminance, region: PixelRegion): TextLine[] {
  const box = clip(region, picture);
  if (box.width < 3 || box.height < 3) return [];
  const ink = inkOf(picture, box);
  const { letters, wide } = letterMarks(ink, box.width, box.height);
  const marks = withoutContainers(letters);
  return linesOf(marks).flatMap((line) => {
    const found = capHeight(line);
    if (found === undefined) return [];
    // Its box holds the wide marks across its rows too: an underline and the letters it touches ("Je n'ai pas").
    const rows = { top: Math.min(...line.map((mark) => mark.top)), bottom: Math.max(...line.map((mark) => mark.bottom)) };
    const all = [...line, ...wide.filter((mark) => mark.top <= rows.bottom && mark.bottom >= rows.top)];
    const left = Math.min(...all.map((mark) => mark.left));
    const top = Math.min(...all.map((mark) => mark.top));
    const right = Math.max(...all.map((mark) => mark.right));
    const bottom = Math.max(...all.map((mark) => mark.bottom));
    return [{ ...found, box: { x: box.x + left, y: box.y + top, width: right - left + 1, height: bottom - top + 1 } }];
  });
}

/** A mark around another (a character cell, a checkbox) is a box, not a letter. */
function withoutContainers(marks: Mark[]): Mark[] {
  const contains = (outer: Mark, inner: Mark) =>
    outer !== inner && outer.left < inner.left && outer.right > inner.right && outer.top < inner.top && outer.bottom > inner.bottom;
  return marks.filter((mark) => !marks.some((other) => contains(mark, other)));
}

function clip(region: PixelRegion, picture: Luminance): PixelRegion {
  const x = Math.max(0, Math.round(region.x));
  const y = Math.max(0, Math.round(region.y));
  const right = Math.min(picture.width, Math.round(region.x + region.width));
  const bottom = Math.min(picture.height, Math.round(region.y + region.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** Ink pixels of the box (1) against its most frequent luminance, the background. */
function inkOf(picture: Luminance, box: PixelRegion): Uint8Array {
  const histogram = new Uint32Array(256);
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) histogram[picture.data[y * picture.width + x]!]! += 1;
  }
  let background = 0;
  for (let level = 1; level < 256; level += 1) if (histogram[level]! > histogram[background]!) background = level;
  const ink = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      const level = picture.data[(box.y + y) * picture.width + box.x + x]!;
      ink[y * box.width + x] = Math.abs(level - background) >= INK_CONTRAST ? 1 : 0;
    }
  }
  return ink;
}

/**
 * Connected marks (8 neighbours) not touching the edges (frames, borders):
 * `letters` could be letters; `wide` ones are too wide or tall for a letter
 * (a rule, an underline with the letters it touches).
 */
function letterMarks(ink: Uint8Array, width: number, height: number): { letters: Mark[]; wide: Mark[] } {
  const seen = new Uint8Array(ink.length);
  const marks: Mark[] = [];
  const wide: Mark[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start += 1) {
    if (!ink[start] || seen[start]) continue;
    const mark = { top: height, bottom: -1, left: width, right: -1 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const index = stack.pop()!;
      const x = index % width;
      const y = (index - x) / width;
      mark.top = Math.min(mark.top, y);
      mark.bottom = Math.max(mark.bottom, y);
      mark.left = Math.min(mark.left, x);
      mark.right = Math.max(mark.right, x);
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (ink[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    // A frame, a field's box, a button's corner touch the top or bottom edge, or both sides; a letter at a
    // tight frame's left or right edge (the "J" of "Je confirme …") is still a letter.
    const touchesEdge = mark.top === 0 || mark.bottom === height - 1 || (mark.left === 0 && mark.right === width - 1);
    const tooLarge = mark.right - mark.left + 1 > width / 2 || mark.bottom - mark.top + 1 > height * 0.9;
    if (!touchesEdge) (tooLarge ? wide : marks).push(mark);
  }
  return { letters: marks, wide };
}

/** Marks grouped into lines: marks whose rows overlap are on one line. */
function linesOf(marks: Mark[]): Mark[][] {
  const sorted = [...marks].sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Array<{ top: number; bottom: number; marks: Mark[] }> = [];
  for (const mark of sorted) {
    const line = lines.find((candidate) => mark.top <= candidate.bottom && mark.bottom >= candidate.top);
    if (line) {
      line.marks.push(mark);
      line.top = Math.min(line.top, mark.top);
      line.bottom = Math.max(line.bottom, mark.bottom);
    } else lines.push({ top: mark.top, bottom: mark.bottom, marks: [mark] });
  }
  return lines.map((line) => line.marks);
}

/** Baseline (the bottom most letters share) minus the top of the letters standing on it; undefined if too few letters. */
function capHeight(line: Mark[]): Omit<TextLine, 'box'> | undefined {
  const tallest = Math.max(...line.map((mark) => mark.bottom - mark.top + 1));
  const tolerance = Math.max(1, Math.round(tallest * BASELINE_TOLERANCE));
  const bodies = line.filter((mark) => mark.bottom - mark.top + 1 >= tallest * 0.4);
  const bottoms = new Map<number, number>();
  for (const mark of bodies) bottoms.set(mark.bottom, (bottoms.get(mark.bottom) ?? 0) + 1);
  let baseline = -1;
  let best = 0;
  for (const [bottom] of bottoms) {
    const near = bodies.filter((mark) => Math.abs(mark.bottom - bottom) <= tolerance).length;
    if (near > best || (near === best && bottom > baseline)) {
      best = near;
      baseline = bottom;
    }
  }
  const letters = bodies.filter((mark) => Math.abs(mark.bottom - baseline) <= tolerance);
  if (letters.length < MIN_LETTERS) return undefined;
  const top = Math.min(...letters.map((mark) => mark.top));
  // From the middle of the top row to the middle of the baseline row: the antialiased edges add about a pixel, which matters at small sizes.
  return { capHeight: baseline - top, letters: letters.length };
}
