import type { Screenshot } from '../model/booklet.js';

/** An image ready for pdfmake: PNG bytes at print resolution, flattened, not interlaced. */
export interface PreparedImage {
  /** Its name in the pdfmake document (the cache key: identical pictures are embedded once). */
  key: string;
  png: Buffer;
  /** Pixel size of the prepared PNG. */
  width: number;
  height: number;
  /** Printed size in points, the one the image was prepared for. */
  placed: { width: number; height: number };
}

/** Images of a booklet, by screenshot (the layout never reads files). */
export type ImageLookup = (screenshot: Screenshot) => PreparedImage;
