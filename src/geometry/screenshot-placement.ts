import { besidePictoWidth, textWidth, type LayoutPreset } from './presets.js';

/**
 * Where a screenshot is placed, and at what size. The image stage and the
 * layout both use these functions: images are prepared at 300 dpi for exactly
 * the size the layout gives them.
 */
export type ScreenshotSlot = 'block' | 'step' | 'map';

/** Width of the step number column (the blue square) in points. */
export const STEP_NUMBER_WIDTH = 34;

/** The largest box a screenshot may fill, in points. */
export interface PlacementBox {
  /** Largest width of a landscape picture. */
  maxWidth: number;
  /** Largest width of a portrait picture (a phone screen, beside a step's text). */
  portraitMaxWidth: number;
  maxHeight: number;
}

/** The thin frame drawn around a screenshot takes this much of the column. */
const FRAME_ALLOWANCE = 4;

export function placementBox(slot: ScreenshotSlot, preset: LayoutPreset): PlacementBox {
  const columns: Record<ScreenshotSlot, { landscape: number; portrait: number }> = {
    block: { landscape: besidePictoWidth(preset), portrait: besidePictoWidth(preset) },
    step: { landscape: stepTextWidth(preset), portrait: preset.portraitScreenshotWidth },
    map: { landscape: textWidth(preset), portrait: textWidth(preset) },
  };
  const column = columns[slot];
  const fit = (width: number) => Math.min(width - FRAME_ALLOWANCE, textWidth(preset));
  // A map is drawn for print across the text column (its labels are 14 pt at that width): only the page limits its height.
  const maxHeight = slot === 'map' ? Math.max(preset.maxScreenshotHeight, textWidth(preset)) : preset.maxScreenshotHeight;
  return { maxWidth: fit(column.landscape), portraitMaxWidth: fit(column.portrait), maxHeight };
}

/** Width of a step's text (beside the step number and the pictogram). */
export function stepTextWidth(preset: LayoutPreset): number {
  return besidePictoWidth(preset) - STEP_NUMBER_WIDTH - preset.pictoGap;
}

/** Phone screens (clearly taller than wide) stand beside a step's text. */
export function isPortrait(width: number, height: number): boolean {
  return height > width * 1.2;
}

/** The printed size in points of a picture of `width` × `height` pixels (any resolution: only the ratio counts). */
export function placedSize(box: PlacementBox, width: number, height: number): { width: number; height: number } {
  const maxWidth = isPortrait(width, height) ? box.portraitMaxWidth : box.maxWidth;
  const scale = Math.min(maxWidth / width, box.maxHeight / height);
  const placedWidth = Math.round(width * scale * 100) / 100;
  return { width: placedWidth, height: Math.round(height * scale * 100) / 100 };
}
