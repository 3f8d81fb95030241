import * as fontkit from 'fontkit';
import { decodedFont } from '../fonts/fonts.js';

/**
 * What livret draws on a screenshot, as SVG that sharp composites: callouts
 * (a thick rounded frame with a white halo, and a numbered disc at its
 * top-left corner) and masks over personal data. Sizes are given in points
 * at print size and converted with `pixelsPerPoint`, so a callout looks the
 * same whatever the resolution of the screenshot. Digits are glyph outlines
 * of the booklet's font: no system font is involved, the output is the same
 * on every machine.
 */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Dark orange: readable on the blue and white of ameli pages; white digits on it have 6:1 contrast. */
export const CALLOUT_COLOR = '#a84300';
/** In grayscale the orange would turn mid-gray, like the buttons it frames: near-black stays distinct. */
export const CALLOUT_COLOR_GRAY = '#1a1a1a';
export const CALLOUT_HALO = '#ffffff';
export const MASK_FILL = '#8c8c8c';
export const MASK_HATCH = '#6b6b6b';

/** Callout geometry in points at print size. */
const CALLOUT = { stroke: 1.6, halo: 1, gap: 1.2, radius: 3, discRadius: 9, digitSize: 12 } as const;

let boldFont: fontkit.Font | undefined;
function font(): fontkit.Font {
  boldFont ??= fontkit.create(Buffer.from(decodedFont(700)));
  return boldFont;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** `text` as SVG paths, centred on (cx, cy), `size` pixels high em. */
function centredText(text: string, cx: number, cy: number, size: number, fill: string): string {
  const run = font().layout(text);
  const scale = size / font().unitsPerEm;
  const advance = run.positions.reduce((sum, position) => sum + position.xAdvance, 0) * scale;
  let x = cx - advance / 2;
  const baseline = cy + (font().capHeight * scale) / 2;
  const paths = run.glyphs.map((glyph, index) => {
    const path = `<path transform="translate(${round(x)} ${round(baseline)}) scale(${round(scale * 10000) / 10000} ${-round(scale * 10000) / 10000})" d="${glyph.path.toSVG()}"/>`;
    x += run.positions[index]!.xAdvance * scale;
    return path;
  });
  return `<g fill="${fill}">${paths.join('')}</g>`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export interface Callout {
  rect: PixelRect;
  /** The number on the disc; undefined: a frame without a disc. */
  number: number | undefined;
  /** Where its disc goes when the caller decided it (in a white band beside the picture); else found by discCentre. */
  discAt?: { cx: number; cy: number };
}

/** The picture's own pixels (raw, 8 bits a channel), where a number should not cover dark marks. */
export interface InkMap {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Below this luminance a pixel is ink: text, a button, a rule; not a light fill. */
const INK_LUMINANCE = 160;

/** How many ink pixels a disc of radius `reach` at (cx, cy) would cover (sampled every 2 pixels). */
function inkUnder(ink: InkMap | undefined, cx: number, cy: number, reach: number): number {
  if (!ink) return 0;
  let count = 0;
  for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(ink.height, cy + reach); y += 2) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(ink.width, cx + reach); x += 2) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > reach * reach) continue;
      const at = (y * ink.width + x) * ink.channels;
      const luminance = ink.channels >= 3 ? 0.2126 * ink.data[at]! + 0.7152 * ink.data[at + 1]! + 0.0722 * ink.data[at + 2]! : ink.data[at]!;
      if (luminance < INK_LUMINANCE) count++;
    }
  }
  return count;
}

/** A callout's drawn geometry in pixels: its frame, and its disc when it has a number. */
interface PlacedCallout {
  frame: PixelRect;
  number: number | undefined;
  /** The disc's centre and how many ink pixels of the picture it covers (sampled). */
  disc: { cx: number; cy: number; ink: number } | undefined;
}

/**
 * Callout sizes in pixels. `frameScale` (at most 1) thins the frame of a
 * screen printed small, where a full-size frame would hide the labels next
 * to what it frames; the number's disc keeps its size (it must stay legible).
 */
function calloutPixels(pixelsPerPoint: number, frameScale = 1) {
  const px = (points: number) => Math.max(1, points * pixelsPerPoint);
  const frame = (points: number) => px(points * frameScale);
  const stroke = Math.max(2, frame(CALLOUT.stroke));
  const halo = frame(CALLOUT.halo);
  const outset = frame(CALLOUT.gap) + stroke / 2;
  const discRadius = px(CALLOUT.discRadius);
  return { px, stroke, halo, outset, discRadius, margin: outset + stroke / 2 + halo, reach: discRadius + halo * 2.5 + stroke / 2 };
}

/**
 * Where each callout's frame and disc go (see discCentre).
 * `masks`: hidden fields; a number may sit on one (it holds no words to read), even when it is framed.
 * `ink`: the picture under the callouts, so that a number goes where it covers the fewest dark pixels.
 */
export function placeCallouts(width: number, height: number, callouts: readonly Callout[], pixelsPerPoint: number, masks: readonly PixelRect[] = [], ink?: InkMap, frameScale = 1): PlacedCallout[] {
  const { outset, stroke, reach } = calloutPixels(pixelsPerPoint, frameScale);
  // Another frame's stroke is an obstacle; a disc's halo may touch its halo (they are both white).
  const edge = outset + stroke / 2;
  const frames = callouts.map(({ rect }) => ({ x: rect.x - edge, y: rect.y - edge, width: rect.width + 2 * edge, height: rect.height + 2 * edge }));
  return callouts.map(({ rect, number, discAt }, index) => {
    const frame = { x: round(rect.x - outset), y: round(rect.y - outset), width: round(rect.width + 2 * outset), height: round(rect.height + 2 * outset) };
    if (number === undefined) return { frame, number, disc: undefined };
    // A hidden field holds no words to read: a number may sit on it rather than on a label.
    const hidden = (rect: PixelRect) => masks.some((mask) => mask.x <= rect.x && mask.y <= rect.y && mask.x + mask.width >= rect.x + rect.width && mask.y + mask.height >= rect.y + rect.height);
    const obstacles = frames.filter((_, other) => other !== index && !hidden(callouts[other]!.rect));
    const { cx, cy } = discAt ?? discCentre(frame, reach, width, height, obstacles, (place, radius) => inkUnder(ink, place.cx, place.cy, radius));
    return { frame, number, disc: { cx, cy, ink: inkUnder(ink, cx, cy, reach) } };
  });
}

/** How far a disc reaches from its centre, in pixels (its radius, halo and a frame's half stroke). */
export function discReach(pixelsPerPoint: number, frameScale = 1): number {
  return calloutPixels(pixelsPerPoint, frameScale).reach;
}

/**
 * An SVG of `width` × `height` pixels with every callout drawn on a transparent background.
 * `masks` and `ink`: see placeCallouts.
 */
export function calloutsSvg(width: number, height: number, callouts: readonly Callout[], pixelsPerPoint: number, color: string = CALLOUT_COLOR, masks: readonly PixelRect[] = [], ink?: InkMap, frameScale = 1): string {
  const { px, stroke, halo, discRadius } = calloutPixels(pixelsPerPoint, frameScale);
  const shapes = placeCallouts(width, height, callouts, pixelsPerPoint, masks, ink, frameScale).map(({ frame: { x, y, width: w, height: h }, number, disc }) => {
    const r = round(px(CALLOUT.radius * frameScale));
    const frame =
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="none" stroke="${CALLOUT_HALO}" stroke-width="${round(stroke + 2 * halo)}"/>` +
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="none" stroke="${color}" stroke-width="${round(stroke)}"/>`;
    if (number === undefined || !disc) return frame;
    const { cx, cy } = disc;
    const circle =
      `<circle cx="${cx}" cy="${cy}" r="${round(discRadius)}" fill="${color}" stroke="${CALLOUT_HALO}" stroke-width="${round(halo * 1.5)}"/>` +
      centredText(String(number), cx, cy, px(CALLOUT.digitSize), '#ffffff');
    return frame + circle;
  });
  return svgDocument(width, height, shapes.join(''));
}

/**
 * Where a callout's numbered disc goes: outside its frame, so that it never
 * covers the words the frame points at ("Mon nom" read as "on nom"), nor
 * another frame, and where it covers the fewest dark pixels of the picture
 * (`inkAt`: "BIC" beside an IBAN). In order of preference, among places of
 * equal ink: left of the frame at its middle, right of it, below it (from
 * its left end to its right end), above it (a form's label is above its
 * field), then along its left and right sides. A frame touching every edge
 * of the picture keeps its disc on its top-left corner, inside the picture.
 */
export function discCentre(
  frame: PixelRect,
  reach: number,
  width: number,
  height: number,
  obstacles: readonly PixelRect[] = [],
  inkAt: (place: { cx: number; cy: number }, reach: number) => number = () => 0,
): { cx: number; cy: number } {
  const middleY = clamp(frame.y + frame.height / 2, reach, height - reach);
  const alongWidth = steps(frame.x + reach, frame.x + frame.width - reach, reach);
  const alongHeight = steps(frame.y + reach, frame.y + frame.height - reach, reach);
  const places = [
    { cx: frame.x - reach, cy: middleY },
    { cx: frame.x + frame.width + reach, cy: middleY },
    ...alongWidth.map((cx) => ({ cx: clamp(cx, reach, width - reach), cy: frame.y + frame.height + reach })),
    ...alongWidth.map((cx) => ({ cx: clamp(cx, reach, width - reach), cy: frame.y - reach })),
    ...alongHeight.map((cy) => ({ cx: frame.x - reach, cy })),
    ...alongHeight.map((cy) => ({ cx: frame.x + frame.width + reach, cy })),
  ];
  const inside = (place: { cx: number; cy: number }) => place.cx - reach >= 0 && place.cy - reach >= 0 && place.cx + reach <= width && place.cy + reach <= height;
  // Nor on another frame: the number would seem to point at it.
  const clear = (place: { cx: number; cy: number }) =>
    obstacles.every((rect) => place.cx + reach <= rect.x || place.cx - reach >= rect.x + rect.width || place.cy + reach <= rect.y || place.cy - reach >= rect.y + rect.height);
  const leastInk = (candidates: Array<{ cx: number; cy: number }>) => {
    let best: { cx: number; cy: number } | undefined;
    let bestInk = Infinity;
    for (const candidate of candidates) {
      const covered = inkAt(candidate, reach);
      if (covered < bestInk) [best, bestInk] = [candidate, covered];
      if (covered === 0) break;
    }
    return best;
  };
  const place = leastInk(places.filter((candidate) => inside(candidate) && clear(candidate))) ?? leastInk(places.filter(inside)) ?? { cx: clamp(frame.x, reach, width - reach), cy: clamp(frame.y, reach, height - reach) };
  return { cx: round(place.cx), cy: round(place.cy) };
}

/** From `from` to `to` every `step` (at least `from`). */
function steps(from: number, to: number, step: number): number[] {
  const out = [from];
  for (let at = from + step; at <= to; at += step) out.push(at);
  return out;
}

/** White over everything but the frames (and their halo): an inset shows the framed words, not halves of their neighbours. */
export function outsideFramesSvg(width: number, height: number, rects: readonly PixelRect[], pixelsPerPoint: number): string {
  const { margin, px, halo, stroke } = calloutPixels(pixelsPerPoint);
  // The hole has the frame's own rounded corners (at its halo's outer edge): no square corner of a button shows past it.
  const radius = round(px(CALLOUT.radius) + stroke / 2 + halo);
  const holes = rects.map((rect) => {
    const x = round(rect.x - margin);
    const y = round(rect.y - margin);
    const w = round(rect.width + 2 * margin);
    const h = round(rect.height + 2 * margin);
    const r = Math.min(radius, w / 2, h / 2);
    return `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`;
  });
  return svgDocument(width, height, `<path fill="#ffffff" fill-rule="evenodd" d="M0 0H${width}V${height}H0z${holes.join('')}"/>`);
}

/** Flat gray boxes with diagonal hatching over personal data: plainly "hidden", never mistaken for a button. */
export function filledMasksSvg(width: number, height: number, masks: readonly PixelRect[], pixelsPerPoint: number): string {
  const spacing = round(Math.max(4, 4 * pixelsPerPoint));
  const pattern =
    `<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}" patternTransform="rotate(45)">` +
    `<rect width="${spacing}" height="${spacing}" fill="${MASK_FILL}"/><rect width="${round(spacing / 2)}" height="${spacing}" fill="${MASK_HATCH}"/></pattern></defs>`;
  const boxes = masks.map((rect) => `<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" fill="url(#hatch)"/>`);
  return svgDocument(width, height, pattern + boxes.join(''));
}

function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
