import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';

/** One PDF page drawn as a PNG. */
export interface PagePicture {
  /** 1-based. */
  page: number;
  png: Buffer;
  width: number;
  height: number;
}

/** Screen resolution by default: a page is readable and the file stays small. */
export const DEFAULT_PREVIEW_DPI = 96;

/**
 * Draws every page of a PDF as a PNG (pdf-parse's screenshots: pdfjs on
 * @napi-rs/canvas, no browser). `dpi` is pixels per inch of the printed page.
 * `pages` (1-based) draws only those pages; none at all when it is empty.
 */
export async function renderPages(pdf: Uint8Array, dpi: number = DEFAULT_PREVIEW_DPI, pages?: readonly number[]): Promise<PagePicture[]> {
  if (!(dpi > 0 && dpi <= 600)) throw new RangeError(`dpi must be between 1 and 600, not ${dpi}`);
  if (pages?.length === 0) return [];
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getScreenshot({ scale: dpi / 72, imageBuffer: true, imageDataUrl: false, ...(pages ? { partial: [...pages] } : {}) });
    return await Promise.all(
      result.pages.map(async (shot) => {
        const png = Buffer.from(shot.data);
        // The canvas drops the fraction of the viewport's size: read the picture's own.
        const { width = 0, height = 0 } = await sharp(png).metadata();
        return { page: shot.pageNumber, png, width, height };
      }),
    );
  } finally {
    await parser.destroy();
  }
}
