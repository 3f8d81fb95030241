/**
 * Saddle-stitch page order. A booklet of n pages (n a multiple of 4) is
 * printed on n / 4 sheets, each folded once, nested, and stapled on the fold.
 * Sheet 1 is the outside one: its front holds the back cover (page n) on the
 * left and the cover (page 1) on the right; its back holds page 2 on the left
 * and page n − 1 on the right.
 *
 * The back is laid out for duplex printing with short-edge flip: the sheet
 * turns over around its short (left or right) edge, so what is on the right
 * of the front is on the left of the back, and the back is not rotated.
 */

/** Page numbers are 1-based; `left` and `right` as seen when that side faces you. */
export interface SheetSide {
  left: number;
  right: number;
}

export interface Sheet {
  front: SheetSide;
  back: SheetSide;
}

export const PAGES_PER_SHEET = 4;

/** How many blank pages make `pageCount` a multiple of 4 (0 when it already is). */
export function blankPagesNeeded(pageCount: number): number {
  return (PAGES_PER_SHEET - (pageCount % PAGES_PER_SHEET)) % PAGES_PER_SHEET;
}

/** The sheets of a saddle-stitched booklet, outside sheet first. */
export function saddleStitchSheets(pageCount: number): Sheet[] {
  if (!Number.isInteger(pageCount) || pageCount <= 0 || pageCount % PAGES_PER_SHEET !== 0) {
    throw new RangeError(`a saddle-stitched booklet needs a multiple of 4 pages, not ${pageCount}`);
  }
  return Array.from({ length: pageCount / PAGES_PER_SHEET }, (_, k) => ({
    front: { left: pageCount - 2 * k, right: 2 * k + 1 },
    back: { left: 2 * k + 2, right: pageCount - 2 * k - 1 },
  }));
}

/** The imposed sides in print order: sheet 1 front, sheet 1 back, sheet 2 front … */
export function imposedSides(pageCount: number): SheetSide[] {
  return saddleStitchSheets(pageCount).flatMap((sheet) => [sheet.front, sheet.back]);
}
