import { besidePictoWidth, textWidth, type LayoutPreset } from './presets.js';
import { THEME } from './theme.js';

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
  /** Width of the text column the insets stand in, under the picture. */
  insetColumnWidth: number;
  /** Largest width of an enlarged inset: the page's text width, for an inset that cannot print 14 pt in the column. */
  insetMaxWidth: number;
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
  // A map is drawn for print: its own height limit keeps its names at 14 pt or more (presets.ts).
  const maxHeight = slot === 'map' ? preset.mapMaxHeight : preset.maxScreenshotHeight;
  return { maxWidth: fit(column.landscape), portraitMaxWidth: fit(column.portrait), maxHeight, insetColumnWidth: fit(column.landscape), insetMaxWidth: textWidth(preset) - FRAME_ALLOWANCE };
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

/**
 * Enlarged insets. A highlighted part of a screenshot whose text would print
 * smaller than THEME.minSize (14 pt) in the whole screen is repeated under
 * it, cut out and enlarged so that its text prints at INSET.textSize
 * (15 pt), or as large as the text column (else the page's width) allows. The whole screen shows where the
 * part is; the inset lets the reader read it.
 */
export const INSET = {
  /** Type size the inset aims for, in points. */
  textSize: 15,
  /** Smallest printed type size that needs no inset (and that `picture-text-size` asks for). */
  minTextSize: THEME.minSize,
  /** Room around the highlight inside the inset, in points (its frame is drawn there). */
  margin: 6,
  /** Space between two insets side by side, and above the first row. */
  gap: 10,
  /** A landscape screen with insets prints at this share of its slot: it shows where; its insets are read. */
  wholeScreen: 0.7,
} as const;

/** A rectangle in pixels of the source picture. */
export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InsetPlan {
  /** The part of the source picture shown: the framed text and its margin. */
  rect: SourceRect;
  /** The frame drawn in the inset: around the text, within the highlight. */
  frame: SourceRect;
  /** Printed points per source pixel. */
  scale: number;
}

/** Printed points per source pixel of a screenshot in the whole screen. */
export function wholeScale(placedWidth: number, sourceWidth: number): number {
  return placedWidth / sourceWidth;
}

/** Whether text of `textPixels` prints too small at `scale` (points per pixel). */
export function needsInset(textPixels: number, scale: number): boolean {
  return textPixels * scale < INSET.minTextSize;
}

/**
 * The inset of a highlight, in the text column when it prints its text at
 * 14 pt or more there, else across the page's text width (`widths`).
 */
export function insetPlanIn(highlight: SourceRect, textBox: SourceRect, textPixels: number, bounds: SourceRect, widths: { column: number; page: number }): InsetPlan {
  const inColumn = insetPlan(highlight, textBox, textPixels, bounds, widths.column);
  return textPixels * inColumn.scale >= INSET.minTextSize ? inColumn : insetPlan(highlight, textBox, textPixels, bounds, widths.page);
}

/**
 * The inset of a highlight: its text (`textBox`, with a quarter of its type
 * size around it, within the highlight: a wide field with a short name is
 * not enlarged whole), enlarged so it prints at INSET.textSize, or less when
 * the inset would be wider than `maxWidth` points; the margin for its frame
 * stays within `bounds` (the crop, else the whole picture).
 */
function insetPlan(highlight: SourceRect, textBox: SourceRect, textPixels: number, bounds: SourceRect, maxWidth: number): InsetPlan {
  // The air may pass the writer's frame a little: a letter at its very edge keeps its room.
  const air = Math.ceil(textPixels / 4);
  const frame = intersect(grow(textBox, air), intersect(grow(highlight, air), bounds));
  const wanted = INSET.textSize / textPixels;
  const fitting = (maxWidth - 2 * INSET.margin) / frame.width;
  const scale = Math.min(wanted, fitting);
  const rect = intersect(grow(frame, Math.ceil(INSET.margin / scale)), bounds);
  return { rect, frame, scale: Math.min(scale, maxWidth / rect.width) };
}

function grow(rect: SourceRect, by: number): SourceRect {
  return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}

function intersect(a: SourceRect, b: SourceRect): SourceRect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}
