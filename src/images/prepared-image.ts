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

/** A screenshot ready for the layout: the whole screen, and what is known of each highlight's text. */
export interface PreparedScreenshot extends PreparedImage {
  /** Where the source picture (its crop) lies in the PNG, in pixels (white bands may stand around it for callout numbers). */
  content: { x: number; y: number; width: number; height: number };
  /** One per highlight, in the order written. */
  highlights: PreparedHighlight[];
}

export interface PreparedHighlight {
  /** Type size of its text in source pixels; null when it holds none (an empty field) or a mask hides it. */
  textPixels: number | null;
  /** Printed points per source pixel in the whole screen. */
  scale: number;
  /** Its enlarged copy, printed under the screen, when the screen prints its text under 14 pt. */
  inset: (PreparedImage & { scale: number }) | null;
}

/** Images of a booklet, by screenshot (the layout never reads files). */
export type ImageLookup = (screenshot: Screenshot) => PreparedScreenshot;
