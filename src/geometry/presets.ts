import { MM } from './units.js';

/**
 * Page presets. Type sizes never change with the page (easy-read); only the
 * page, its margins and the pictogram column do.
 */
export type PageFormat = 'a4' | 'a5';

export interface LayoutPreset {
  format: PageFormat;
  /** Page size in points. */
  width: number;
  height: number;
  /** [left, top, right, bottom] in points. */
  margins: [number, number, number, number];
  /** Width of the pictogram column on the left of each idea. */
  pictoSize: number;
  pictoGap: number;
  /** Largest height of a screenshot, so a step with its picture fits one page. */
  maxScreenshotHeight: number;
  /** Width of a portrait (phone) screenshot placed beside a step's text. */
  portraitScreenshotWidth: number;
  /**
   * Largest height of the agencies' map: low enough for the map and its
   * legend to share an A4 page, high enough for its names to print at 14 pt
   * or more (the Orne map's names are 52 px in 1200: 17.3 pt at 260 pt high).
   * A5 gives it the whole text width (its names print at 14.6 pt there).
   */
  mapMaxHeight: number;
  coverPictoSize: number;
}


export const PRESETS: Readonly<Record<PageFormat, LayoutPreset>> = {
  a4: {
    format: 'a4',
    width: 595.28,
    height: 841.89,
    margins: [18 * MM, 18 * MM, 18 * MM, 22 * MM],
    pictoSize: 52,
    pictoGap: 14,
    maxScreenshotHeight: 250,
    portraitScreenshotWidth: 130,
    mapMaxHeight: 260,
    coverPictoSize: 190,
  },
  a5: {
    format: 'a5',
    width: 419.53,
    height: 595.28,
    margins: [14 * MM, 14 * MM, 14 * MM, 20 * MM],
    pictoSize: 44,
    pictoGap: 12,
    maxScreenshotHeight: 180,
    portraitScreenshotWidth: 100,
    mapMaxHeight: 360,
    coverPictoSize: 100,
  },
};

export function textWidth(preset: LayoutPreset): number {
  return preset.width - preset.margins[0] - preset.margins[2];
}

/** Width left for text beside the pictogram column. */
export function besidePictoWidth(preset: LayoutPreset): number {
  return textWidth(preset) - preset.pictoSize - preset.pictoGap;
}
