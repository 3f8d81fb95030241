import sharp from 'sharp';
import type { PagePicture } from './render-pages.js';

export interface ContactSheetOptions {
  /** Width of one page thumbnail, in pixels. */
  thumbnailWidth?: number;
  /** Spreads (pairs of facing pages) per row. */
  spreadsPerRow?: number;
}

const GAP_IN_SPREAD = 2;
const GAP_BETWEEN = 24;
const MARGIN = 24;
const BACKGROUND = { r: 200, g: 200, b: 200, alpha: 1 };

/** Where each page goes on the contact sheet: the cover alone on the right, then facing pages 2-3, 4-5 … as in the printed booklet. */
export function spreadCells(pageCount: number): Array<{ page: number; spread: number; side: 'left' | 'right' }> {
  return Array.from({ length: pageCount }, (_, index) => {
    const page = index + 1;
    return { page, spread: Math.floor(page / 2), side: page % 2 === 0 ? 'left' : 'right' };
  });
}

/**
 * All pages on one PNG, laid out as the reader sees the open booklet: the
 * cover, then facing pages side by side, on a grey background so that white
 * pages stand out. The writer sees the whole booklet at a glance.
 */
export async function contactSheet(pages: readonly PagePicture[], options: ContactSheetOptions = {}): Promise<Buffer> {
  const first = pages[0];
  if (!first) throw new RangeError('a contact sheet needs at least one page');
  const thumbnailWidth = options.thumbnailWidth ?? 180;
  const thumbnailHeight = Math.round((first.height / first.width) * thumbnailWidth);
  const spreadsPerRow = options.spreadsPerRow ?? 4;
  const spreadWidth = 2 * thumbnailWidth + GAP_IN_SPREAD;
  const cells = spreadCells(pages.length);
  const spreads = Math.max(...cells.map((cell) => cell.spread)) + 1;
  const rows = Math.ceil(spreads / spreadsPerRow);
  const width = 2 * MARGIN + spreadsPerRow * spreadWidth + (spreadsPerRow - 1) * GAP_BETWEEN;
  const height = 2 * MARGIN + rows * thumbnailHeight + (rows - 1) * GAP_BETWEEN;
  const thumbnails = await Promise.all(
    pages.map((picture) => sharp(picture.png).resize(thumbnailWidth, thumbnailHeight, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer()),
  );
  const composites = cells.map((cell, index) => {
    const column = cell.spread % spreadsPerRow;
    const row = Math.floor(cell.spread / spreadsPerRow);
    const left = MARGIN + column * (spreadWidth + GAP_BETWEEN) + (cell.side === 'right' ? thumbnailWidth + GAP_IN_SPREAD : 0);
    return { input: thumbnails[index]!, left, top: MARGIN + row * (thumbnailHeight + GAP_BETWEEN) };
  });
  return sharp({ create: { width, height, channels: 4, background: BACKGROUND } }).composite(composites).flatten({ background: BACKGROUND }).png().toBuffer();
}
