import { PDFDocument } from '../vendor/pdf-lib.js';
import { blankPagesNeeded } from './saddle-stitch.js';

/** Renders the booklet with that many blank pages before the back cover (undefined: the plain layout). */
export type RenderWithBlankPages = (blankPages: number | undefined) => Promise<Uint8Array>;

export interface PaddedBooklet {
  pdf: Uint8Array;
  pageCount: number;
  blankPages: number;
}

export async function countPages(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * A saddle-stitched booklet needs a multiple of 4 pages. Rather than guess
 * page breaks, render, count, and render again with the missing pages added
 * as blank pages before the back cover (never inside a chapter). Putting the
 * back cover on its own page can itself add a page, hence a second try.
 */
export async function padToMultipleOfFour(render: RenderWithBlankPages): Promise<PaddedBooklet> {
  const plain = await render(undefined);
  const plainCount = await countPages(plain);
  if (blankPagesNeeded(plainCount) === 0) return { pdf: plain, pageCount: plainCount, blankPages: 0 };
  let blankPages = blankPagesNeeded(plainCount);
  for (let attempt = 0; attempt < 2; attempt++) {
    const pdf = await render(blankPages);
    const pageCount = await countPages(pdf);
    if (blankPagesNeeded(pageCount) === 0) return { pdf, pageCount, blankPages };
    blankPages = blankPagesNeeded(pageCount - blankPages);
  }
  throw new Error(`could not pad the booklet to a multiple of 4 pages (last try: ${blankPages} blank pages)`);
}
