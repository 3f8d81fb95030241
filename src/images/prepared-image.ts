import type { Screenshot } from '../model/booklet.js';

/** An image ready for pdfmake: PNG bytes at print resolution, flattened, not interlaced. */
export interface PreparedImage {
  key: string;
  png: Buffer;
  /** Pixel size of the prepared PNG. */
  width: number;
  height: number;
}

/** Images of a booklet, by screenshot (the layout never reads files). */
export type ImageLookup = (screenshot: Screenshot) => PreparedImage;
