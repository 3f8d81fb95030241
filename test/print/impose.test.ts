import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE, imposeSaddleStitch } from '../../src/print/impose.js';
import { saddleStitchSheets } from '../../src/print/saddle-stitch.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { pageNumbersOnSide, syntheticBooklet } from './synthetic-booklet.js';

const date = new Date(Date.UTC(2026, 2, 1));

describe('saddle-stitch imposition', () => {
  it('puts 12 A5 pages on 3 A4 landscape sheets, front and back, in saddle-stitch order', async () => {
    const imposed = await imposeSaddleStitch(await syntheticBooklet(12), { date });
    const readback = await readPdf(imposed);
    expect(readback.pageCount).toBe(6);
    for (const side of readback.pages) {
      expect(side.width).toBeCloseTo(A4_LANDSCAPE.width, 1);
      expect(side.height).toBeCloseTo(A4_LANDSCAPE.height, 1);
    }
    const read = readback.pages.map(pageNumbersOnSide);
    const expected = saddleStitchSheets(12).flatMap((sheet) => [sheet.front, sheet.back]).map((side) => ({ left: [side.left], right: [side.right] }));
    expect(read).toEqual(expected);
    expect(read[0]).toEqual({ left: [12], right: [1] });
    expect(read[1]).toEqual({ left: [2], right: [11] });
  });

  it('keeps the pages at their size (no scaling), the fold in the middle of the sheet', async () => {
    const readback = await readPdf(await imposeSaddleStitch(await syntheticBooklet(4), { date }));
    const runs = readback.pages[0]!.runs;
    expect(runs.every((run) => run.fontSize === 14)).toBe(true);
    const left = runs.find((run) => run.text.startsWith('Page 4'))!;
    const right = runs.find((run) => run.text.startsWith('Page 1'))!;
    // Each label is centred on its own half: the two centres are one A5 width apart, around the fold.
    const fold = A4_LANDSCAPE.width / 2;
    expect(fold - (left.x + left.width / 2)).toBeCloseTo(419.53 / 2, 0);
    expect(right.x + right.width / 2 - fold).toBeCloseTo(419.53 / 2, 0);
  });

  it('keeps the title and the language of the booklet', async () => {
    const imposed = await PDFDocument.load(await imposeSaddleStitch(await syntheticBooklet(4), { date }), { updateMetadata: false });
    expect(imposed.getTitle()).toBe('Livret de test');
    expect(imposed.getCreationDate()?.toISOString()).toBe(date.toISOString());
    expect(imposed.getProducer()).toBe('livret');
  });

  it('gives the same bytes twice', async () => {
    const pages = await syntheticBooklet(8);
    const first = await imposeSaddleStitch(pages, { date });
    const second = await imposeSaddleStitch(pages, { date });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('refuses a page count that is not a multiple of 4', async () => {
    await expect(imposeSaddleStitch(await syntheticBooklet(6), { date })).rejects.toThrow(/multiple of 4/);
  });

  it('refuses pages too wide to stand two by two on the sheet', async () => {
    const wide = await PDFDocument.create({ updateMetadata: false });
    for (let index = 0; index < 4; index++) wide.addPage([595.28, 841.89]);
    await expect(imposeSaddleStitch(await wide.save(), { date })).rejects.toThrow(/do not fit/);
  });
});
