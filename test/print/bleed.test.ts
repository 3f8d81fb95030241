import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBleed, CROP_MARK, slugWidth } from '../../src/print/bleed.js';
import { MM } from '../../src/print/units.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { syntheticBooklet } from './synthetic-booklet.js';

const A5 = { width: 419.53, height: 595.28 };
const bleed = 3 * MM;
const date = new Date(Date.UTC(2026, 2, 1));
const band = { height: 30, color: [0x0b / 255, 0x4f / 255, 0x8a / 255] as [number, number, number] };
// The same band as the layout describes it: y from the top of the page.
const backgrounds = [{ page: 1, x: 0, y: A5.height - band.height, width: A5.width, height: band.height, color: '#0b4f8a' }];

type Box = { x: number; y: number; width: number; height: number };

/** A page rendered at `scale` pixels per point, read back pixel by pixel in PDF coordinates (y up). */
async function renderPage(pdf: Uint8Array, page: number, scale: number) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const shot = (await parser.getScreenshot({ partial: [page], scale, imageBuffer: true, imageDataUrl: false })).pages[0]!;
  await parser.destroy();
  const { data, info } = await sharp(Buffer.from(shot.data)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (column: number, row: number): [number, number, number] => {
    const offset = (row * info.width + column) * 3;
    return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
  };
  const pixel = (x: number, y: number) => at(Math.round(x * scale), Math.round(info.height - y * scale));
  /** The darkest pixel within 2 pixels: a 0.25 pt hairline is antialiased over its neighbours. */
  const darkest = (x: number, y: number) => {
    const column = Math.round(x * scale);
    const row = Math.round(info.height - y * scale);
    let best = at(column, row);
    for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) {
      const candidate = at(column + dx, row + dy);
      if (candidate[0] + candidate[1] + candidate[2] < best[0] + best[1] + best[2]) best = candidate;
    }
    return best;
  };
  return Object.assign(pixel, { darkest });
}

const isWhite = ([r, g, b]: [number, number, number]) => r > 240 && g > 240 && b > 240;
const isAccent = ([r, g, b]: [number, number, number]) => Math.abs(r - 0x0b) < 20 && Math.abs(g - 0x4f) < 20 && Math.abs(b - 0x8a) < 20;
const isDark = ([r, g, b]: [number, number, number]) => r < 110 && g < 110 && b < 110;

describe('bleed and crop marks', () => {
  let print: Uint8Array;
  let document: PDFDocument;
  const slug = slugWidth(bleed, true);

  beforeAll(async () => {
    print = await addBleed(await syntheticBooklet(4, { bandOnCover: band }), { bleed, cropMarks: true, backgrounds, date });
    document = await PDFDocument.load(print, { updateMetadata: false });
  });

  it('sets the TrimBox to the A5 page and the BleedBox 3 mm around it, on every page', () => {
    expect(document.getPageCount()).toBe(4);
    for (const page of document.getPages()) {
      const trim: Box = page.getTrimBox();
      const bleedBox: Box = page.getBleedBox();
      const media: Box = page.getMediaBox();
      expect(trim.width).toBeCloseTo(A5.width, 2);
      expect(trim.height).toBeCloseTo(A5.height, 2);
      expect(bleedBox.x).toBeCloseTo(trim.x - bleed, 2);
      expect(bleedBox.y).toBeCloseTo(trim.y - bleed, 2);
      expect(bleedBox.width).toBeCloseTo(A5.width + 2 * bleed, 2);
      expect(bleedBox.height).toBeCloseTo(A5.height + 2 * bleed, 2);
      // The MediaBox holds the bleed and the crop marks beyond it.
      expect(media).toEqual({ x: 0, y: 0, width: A5.width + 2 * slug, height: A5.height + 2 * slug });
      expect(trim.x - bleedBox.x).toBeLessThan(slug - CROP_MARK.length);
    }
  });

  it('moves the page content onto the trim box, unscaled', async () => {
    const readback = await readPdf(print);
    const label = readback.pages[1]!.runs.find((run) => run.text === 'Page 2 sur 4')!;
    expect(label.fontSize).toBe(14);
    expect(label.x + label.width / 2).toBeCloseTo(slug + A5.width / 2, 0);
  });

  it('extends the cover band into the bleed, not beyond it', async () => {
    const pixel = await renderPage(print, 1, 4);
    const inBand = slug + band.height / 2;
    expect(isAccent(pixel(slug + 20, inBand))).toBe(true);
    // Left and bottom bleed, outside the trim.
    expect(isAccent(pixel(slug - bleed / 2, inBand))).toBe(true);
    expect(isAccent(pixel(slug + 20, slug - bleed / 2))).toBe(true);
    // Beyond the bleed: white slug.
    expect(isWhite(pixel(slug - bleed - 2, inBand))).toBe(true);
    expect(isWhite(pixel(slug + 20, slug - bleed - 2))).toBe(true);
    // Above the band, the page stays white up to the top of the bleed.
    expect(isWhite(pixel(slug + 20, slug + band.height + 20))).toBe(true);
  });

  it('draws crop marks on the trim lines, outside the bleed, and nothing inside the bleed of a plain page', async () => {
    const pixel = await renderPage(print, 2, 4);
    const top = slug + A5.height;
    const right = slug + A5.width;
    const along = slug - (bleed + CROP_MARK.gapOutsideBleed + CROP_MARK.length / 2);
    // Bottom-left corner: one vertical mark below the trim, one horizontal mark left of it.
    expect(isDark(pixel.darkest(slug, along))).toBe(true);
    expect(isDark(pixel.darkest(along, slug))).toBe(true);
    // Top-right corner.
    expect(isDark(pixel.darkest(right, top + (slug - along)))).toBe(true);
    expect(isDark(pixel.darkest(right + (slug - along), top))).toBe(true);
    // Between the trim and the marks (inside the bleed) the same lines are not drawn.
    expect(isWhite(pixel.darkest(slug, slug - bleed / 2))).toBe(true);
    // Inside the bleed, at the corner: white (no background on this page, no mark).
    expect(isWhite(pixel(slug - bleed / 2, slug - bleed / 2))).toBe(true);
  });

  it('without crop marks, grows the page by the bleed only', async () => {
    const bare = await PDFDocument.load(await addBleed(await syntheticBooklet(4), { bleed, cropMarks: false, backgrounds: [], date }));
    const page = bare.getPage(0);
    expect(page.getMediaBox().width).toBeCloseTo(A5.width + 2 * bleed, 2);
    expect(page.getBleedBox()).toEqual(page.getMediaBox());
    expect(page.getTrimBox().x).toBeCloseTo(bleed, 2);
  });

  it('gives the same bytes twice', async () => {
    const pages = await syntheticBooklet(4, { bandOnCover: band });
    const again = await addBleed(pages, { bleed, cropMarks: true, backgrounds, date });
    expect(Buffer.from(again).equals(Buffer.from(print))).toBe(true);
  });

  it('refuses a negative bleed', async () => {
    await expect(addBleed(await syntheticBooklet(4), { bleed: -1, cropMarks: false, backgrounds: [], date })).rejects.toThrow(/bleed/);
  });
});
