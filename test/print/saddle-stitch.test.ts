import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankPagesNeeded, imposedSides, saddleStitchSheets } from '../../src/print/saddle-stitch.js';

describe('saddle-stitch page order', () => {
  it('puts the back cover and the cover on the front of the outside sheet, pages 2 and n-1 on its back', () => {
    expect(saddleStitchSheets(8)).toEqual([
      { front: { left: 8, right: 1 }, back: { left: 2, right: 7 } },
      { front: { left: 6, right: 3 }, back: { left: 4, right: 5 } },
    ]);
  });

  it('gives one sheet for 4 pages and lists the sides in print order', () => {
    expect(imposedSides(4)).toEqual([
      { left: 4, right: 1 },
      { left: 2, right: 3 },
    ]);
  });

  it('uses every page exactly once, on pages / 4 sheets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (sheets) => {
        const pageCount = sheets * 4;
        const placed = imposedSides(pageCount).flatMap((side) => [side.left, side.right]);
        expect(saddleStitchSheets(pageCount)).toHaveLength(sheets);
        expect([...placed].sort((a, b) => a - b)).toEqual(Array.from({ length: pageCount }, (_, index) => index + 1));
      }),
    );
  });

  it('prints each odd page and the next even page back to back (short-edge flip: right of the front is left of the back)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (sheets) => {
        for (const sheet of saddleStitchSheets(sheets * 4)) {
          expect(sheet.back.left).toBe(sheet.front.right + 1);
          expect(sheet.back.right).toBe(sheet.front.left - 1);
        }
      }),
    );
  });

  it('makes facing pages read in order once folded: the inside sheet shows two consecutive pages', () => {
    const sheets = saddleStitchSheets(12);
    const inside = sheets[sheets.length - 1]!;
    expect(inside.back).toEqual({ left: 6, right: 7 });
  });

  it.each([0, 3, 6, 10, -4, 2.5])('refuses %s pages (not a positive multiple of 4)', (pageCount) => {
    expect(() => saddleStitchSheets(pageCount)).toThrow(/multiple of 4/);
  });
});

describe('blank pages to reach a multiple of 4', () => {
  it.each([
    [12, 0],
    [13, 3],
    [14, 2],
    [15, 1],
    [1, 3],
  ])('%i pages need %i blank pages', (pageCount, blanks) => {
    expect(blankPagesNeeded(pageCount)).toBe(blanks);
  });
});
