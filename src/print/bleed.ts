import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  concatTransformationMatrix,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setLineWidth,
  setStrokingCmykColor,
  stroke,
  type PDFOperator,
  type PDFPage,
} from '../vendor/pdf-lib.js';
import { loadForPrint, saveReproducibly } from './pdf-lib-output.js';
import { MM } from './units.js';

/**
 * Print-shop pages: each page grown by the bleed (and, with crop marks, by a
 * slug that holds them), with TrimBox = the page as laid out and BleedBox =
 * trim + bleed. Colour areas that touch the edge of the page are extended
 * into the bleed, so a trim a little off the line leaves no white edge.
 */

/** A coloured area laid out on a page, in points, y from the top (as pdfmake places it). */
export interface EdgeBackground {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `#rrggbb`. */
  color: string;
}

export interface BleedOptions {
  /** Bleed in points (3 mm is 8.5 pt); may be 0 with crop marks only. */
  bleed: number;
  cropMarks: boolean;
  /** Areas to extend into the bleed where they touch the trim edge. */
  backgrounds: readonly EdgeBackground[];
  date: Date;
}

/** Crop marks: hairlines in registration black, starting a little outside the bleed. */
export const CROP_MARK = { lineWidth: 0.25, length: 5 * MM, gapOutsideBleed: 1 * MM, minimumOffset: 3 * MM, outerMargin: 1 * MM } as const;

/** Distance from the trim edge to the edge of the grown page. */
export function slugWidth(bleed: number, cropMarks: boolean): number {
  if (!cropMarks) return bleed;
  return cropMarkOffset(bleed) + CROP_MARK.length + CROP_MARK.outerMargin;
}

function cropMarkOffset(bleed: number): number {
  return Math.max(bleed + CROP_MARK.gapOutsideBleed, CROP_MARK.minimumOffset);
}

export async function addBleed(pages: Uint8Array, options: BleedOptions): Promise<Uint8Array> {
  if (!(options.bleed >= 0)) throw new RangeError(`bleed must be 0 or more points, not ${options.bleed}`);
  const document = await loadForPrint(pages);
  const slug = slugWidth(options.bleed, options.cropMarks);
  document.getPages().forEach((page, index) => {
    const backgrounds = options.backgrounds.filter((background) => background.page === index + 1);
    growPage(page, slug, options, backgrounds);
  });
  return saveReproducibly(document, options.date);
}

function growPage(page: PDFPage, slug: number, options: BleedOptions, backgrounds: readonly EdgeBackground[]): void {
  const { width, height } = page.getSize();
  const trim = { x: slug, y: slug, width, height };
  const { bleed } = options;
  page.setMediaBox(0, 0, width + 2 * slug, height + 2 * slug);
  page.setCropBox(0, 0, width + 2 * slug, height + 2 * slug);
  page.setBleedBox(slug - bleed, slug - bleed, width + 2 * bleed, height + 2 * bleed);
  page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
  // Backgrounds first (under the page), then the page moved onto the trim box, then the marks on top.
  const before = [...backgrounds.flatMap((background) => extendedBackground(background, trim, bleed)), pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, slug, slug)];
  const after = [popGraphicsState(), ...(options.cropMarks ? cropMarks(trim, cropMarkOffset(bleed)) : [])];
  const context = page.doc.context;
  page.node.normalize();
  const wrapped = page.node.wrapContentStreams(context.register(context.contentStream(before)), context.register(context.contentStream(after)));
  if (!wrapped) throw new Error('page has no content array');
  moveAnnotations(page, slug);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The background in grown-page coordinates, each edge that touches the trim pushed out by the bleed. */
function extendedBackground(background: EdgeBackground, trim: Box, bleed: number): PDFOperator[] {
  const touches = 0.5;
  let left = trim.x + background.x;
  let right = left + background.width;
  let top = trim.y + trim.height - background.y;
  let bottom = top - background.height;
  if (background.x <= touches) left -= bleed;
  if (background.x + background.width >= trim.width - touches) right += bleed;
  if (background.y <= touches) top += bleed;
  if (background.y + background.height >= trim.height - touches) bottom -= bleed;
  const [red, green, blue] = rgb(background.color);
  return [pushGraphicsState(), setFillingRgbColor(red, green, blue), rectangle(left, bottom, right - left, top - bottom), fill(), popGraphicsState()];
}

function rgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`colour must be #rrggbb, not ${hex}`);
  return [1, 2, 3].map((group) => parseInt(match[group] ?? '0', 16) / 255) as [number, number, number];
}

/** Eight hairlines, two at each corner, on the lines of the trim, outside the bleed. */
function cropMarks(trim: Box, offset: number): PDFOperator[] {
  const { length } = CROP_MARK;
  const xs = [trim.x, trim.x + trim.width];
  const ys = [trim.y, trim.y + trim.height];
  const operators: PDFOperator[] = [pushGraphicsState(), setLineWidth(CROP_MARK.lineWidth), setStrokingCmykColor(1, 1, 1, 1)];
  for (const x of xs) {
    for (const y of ys) {
      const outwardX = x === trim.x ? -1 : 1;
      const outwardY = y === trim.y ? -1 : 1;
      // Vertical mark: on the trim's vertical line, beyond its top or bottom edge.
      operators.push(moveTo(x, y + outwardY * offset), lineTo(x, y + outwardY * (offset + length)), stroke());
      // Horizontal mark: on the trim's horizontal line, beyond its left or right edge.
      operators.push(moveTo(x + outwardX * offset, y), lineTo(x + outwardX * (offset + length), y), stroke());
    }
  }
  operators.push(popGraphicsState());
  return operators;
}

/** Links (the table of contents) follow the page onto the trim box. */
function moveAnnotations(page: PDFPage, distance: number): void {
  const annotations = page.node.Annots();
  if (!annotations) return;
  for (let index = 0; index < annotations.size(); index++) {
    const annotation = annotations.lookup(index);
    if (!(annotation instanceof PDFDict)) continue;
    const rect = annotation.lookup(PDFName.of('Rect'));
    if (!(rect instanceof PDFArray)) continue;
    const moved = rect.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() + distance : 0));
    annotation.set(PDFName.of('Rect'), page.doc.context.obj(moved));
  }
}
