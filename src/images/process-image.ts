import sharp, { type Metadata, type OverlayOptions, type SharpOptions } from 'sharp';
import { LivretError, type SourceLocation } from '../errors.js';
import { INSET, insetPlanIn, isPortrait, needsInset, placedSize, wholeScale, type PlacementBox } from '../geometry/screenshot-placement.js';
import { INPUT_LIMITS } from '../content/input-limits.js';
import { isGzip, looksLikeSvg, readSafeSvg, svgRefusal } from '../pictograms/svg-safety.js';
import type { ScreenshotRegion } from '../model/booklet.js';
import { CALLOUT_COLOR, CALLOUT_COLOR_GRAY, calloutsSvg, discReach, filledMasksSvg, outsideFramesSvg, placeCallouts, type PixelRect } from './overlays.js';
import { textInRegion, type Luminance, type RegionText } from './text-height.js';

/** Print resolution for screenshots. */
export const PRINT_DPI = 300;

/** Larger pictures are refused: a screenshot never needs 50 megapixels, and decoding one could exhaust memory. */
export const MAX_INPUT_PIXELS = INPUT_LIMITS.picturePixels;

/** Every sharp input is opened with these: the pixel limit, and a corrupt file is an error, not a half picture. */
export const SHARP_INPUT: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' };

export type MaskStyle = 'fill' | 'blur';

/** Everything that decides the prepared picture, apart from the file's bytes (this is the cache key's content). */
export interface ImageJob {
  crop: ScreenshotRegion | undefined;
  highlights: ScreenshotRegion[];
  /** The number on each highlight's disc (null: a frame without a disc). */
  calloutNumbers: Array<number | null>;
  masks: ScreenshotRegion[];
  maskStyle: MaskStyle;
  box: PlacementBox;
  grayscale: boolean;
}

/** A PNG at print resolution, and its size in pixels. */
export interface DrawnPicture {
  png: Buffer;
  width: number;
  height: number;
}

/** An enlarged copy of one highlighted part (see INSET in screenshot-placement.ts). */
export interface ProcessedInset extends DrawnPicture {
  /** Printed points per source pixel. */
  scale: number;
  placed: { width: number; height: number };
}

/** What livret knows of a highlight's text: how large it is, and how large it prints. */
export interface HighlightText {
  /** Type size of its text in source pixels (measured); null when it holds no text or is hidden by a mask. */
  textPixels: number | null;
  /** Printed points per source pixel in the whole screen. */
  scale: number;
  inset: ProcessedInset | null;
}

export interface ProcessedImage extends DrawnPicture {
  /** Printed size in points. */
  placed: { width: number; height: number };
  /** Where the source picture (its crop) lies in the PNG, in pixels: inside white bands when a number needed one. */
  content: { x: number; y: number; width: number; height: number };
  /** One per highlight, in the order written. */
  highlights: HighlightText[];
}

/** Where the image comes from, for messages: its project path and the directive that uses it. */
export interface ImageOrigin {
  file: string;
  where: SourceLocation;
}

function refuse(origin: ImageOrigin, message: string): never {
  throw new LivretError(`${origin.file}: ${message}`, origin.where);
}

/**
 * One screenshot → a PNG pdfmake embeds without decoding it in JavaScript:
 * flattened on white (no alpha), 8 bits, not interlaced, at 300 dpi for its
 * printed size (never upscaled); masks, then callouts drawn; gray if asked.
 */
export async function processImage(file: Buffer, job: ImageJob, origin: ImageOrigin): Promise<ProcessedImage> {
  // An SVG (plain or gzip-compressed) is drawn from the text that was checked, never from bytes sharp would sniff itself.
  const svg = isGzip(file) || looksLikeSvg(file) ? checkedSvg(file, origin) : undefined;
  const input = svg ?? file;
  const { width: sourceWidth, height: sourceHeight } = await readSize(input, origin, svg !== undefined);
  const crop = job.crop ?? { x: 0, y: 0, width: sourceWidth, height: sourceHeight };
  checkInside(crop, sourceWidth, sourceHeight, 'crop', origin);
  for (const region of [...job.highlights, ...job.masks]) checkInside(region, sourceWidth, sourceHeight, job.highlights.includes(region) ? 'highlight' : 'mask', origin);

  try {
    const texts = await highlightTexts(input, job);
    const placed = wholeScreenSize(job.box, crop, texts);
    const { png, width, height, placed: printed, contentWidth, content } = await drawPicture(input, job, crop, placed.width);
    const highlights = await insetsOf(input, job, crop, contentWidth, texts);
    return { png, width, height, placed: printed, content, highlights };
  } catch (error) {
    if (error instanceof LivretError) throw error;
    return refuse(origin, `the picture cannot be read (${firstLine(error)}); open it in an image editor and save it again as PNG`);
  }
}

/** White bands added around a picture, in points, so that a number can sit beside a frame at its edge. */
interface Bands {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

type Side = keyof Bands;

const NO_BANDS: Bands = { left: 0, right: 0, top: 0, bottom: 0 };

/** The bands a picture needs, and for each callout the band its number stands in (if any). */
interface BandPlan {
  bands: Bands;
  sides: Array<Side | undefined>;
}

/** A drawn picture, and the printed width of the source part in it (without its bands). */
interface DrawnWithBands extends DrawnPicture {
  placed: { width: number; height: number };
  contentWidth: number;
  content: ProcessedImage['content'];
}

/**
 * The part `crop` of the picture, `placedWidth` points wide: at 300 dpi for
 * that size (never upscaled), masks then callouts drawn, gray if asked.
 * When a number would cover words of the picture wherever it stands around
 * its frame, and the frame is at an edge of the picture, the picture gets a
 * white band on that edge and the number stands there, beside its frame;
 * the picture is drawn that much smaller, so it keeps its printed width.
 */
async function drawPicture(input: Buffer, job: ImageJob, crop: ScreenshotRegion, placedWidth: number, plan?: BandPlan, onlyFramed = false): Promise<DrawnWithBands> {
  const given = plan?.bands ?? NO_BANDS;
  const contentWidth = placedWidth - given.left - given.right;
  const width = Math.min(crop.width, Math.round((contentWidth / 72) * PRINT_DPI));
  const height = Math.max(1, Math.round((crop.height * width) / crop.width));
  const scale = width / crop.width;
  const pixelsPerPoint = width / contentWidth;
  const frameScale = frameScaleFor(contentWidth / crop.width);
  const band = { left: Math.round(given.left * pixelsPerPoint), right: Math.round(given.right * pixelsPerPoint), top: Math.round(given.top * pixelsPerPoint), bottom: Math.round(given.bottom * pixelsPerPoint) };
  const toPixels = (region: ScreenshotRegion): PixelRect => shift(mapRegion(region, crop, scale), band.left, band.top);

  let pipeline = sharp(input, SHARP_INPUT).flatten({ background: '#ffffff' });
  if (job.crop) pipeline = pipeline.extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height });
  if (width < crop.width) pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
  if (band.left + band.right + band.top + band.bottom > 0) pipeline = sharp(await pipeline.png().toBuffer()).extend({ ...band, background: '#ffffff' });
  const base = await pipeline.toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
  const ink = { data: base.data, ...raw };

  const masks = job.masks.map(toPixels).map((rect) => clipTo(rect, raw.width, raw.height)).filter((rect) => rect.width > 0 && rect.height > 0);
  const callouts = job.highlights.map((region, index) => {
    const rect = toPixels(region);
    const side = plan?.sides[index];
    return { rect, number: job.calloutNumbers[index] ?? undefined, ...(side ? { discAt: inBand(side, rect, band, raw) } : {}) };
  });
  if (!plan) {
    const needed = bandsForNumbers(placeCallouts(raw.width, raw.height, callouts, pixelsPerPoint, masks, ink, frameScale), raw, pixelsPerPoint, frameScale);
    if (needed) return drawPicture(input, job, crop, placedWidth, needed);
  }

  const overlays: OverlayOptions[] = [];
  // An inset shows its frame's words only: the half letters of the words around it are whited out.
  if (onlyFramed) overlays.push({ input: Buffer.from(outsideFramesSvg(raw.width, raw.height, callouts.map((callout) => callout.rect), pixelsPerPoint)), left: 0, top: 0 });
  if (job.maskStyle === 'blur') for (const rect of masks) overlays.push(await blurred(base.data, raw, rect));
  else if (masks.length > 0) overlays.push({ input: Buffer.from(filledMasksSvg(raw.width, raw.height, masks, pixelsPerPoint)), left: 0, top: 0 });
  if (callouts.length > 0) overlays.push({ input: Buffer.from(calloutsSvg(raw.width, raw.height, callouts, pixelsPerPoint, job.grayscale ? CALLOUT_COLOR_GRAY : CALLOUT_COLOR, masks, ink, frameScale)), left: 0, top: 0 });

  const composed = await sharp(base.data, { raw }).composite(overlays).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  // Gray in a pass of its own, after the overlays, so the callouts turn gray too.
  const output = sharp(composed.data, { raw: { width: composed.info.width, height: composed.info.height, channels: composed.info.channels } });
  const png = await (job.grayscale ? output.toColourspace('b-w') : output)
    .png({ progressive: false, compressionLevel: 9, adaptiveFiltering: true, palette: false })
    .toBuffer();
  const placed = { width: placedWidth, height: round2(raw.height / pixelsPerPoint) };
  return { png, width: raw.width, height: raw.height, placed, contentWidth, content: { x: band.left, y: band.top, width, height } };
}

/**
 * Frames are drawn at full size on a screen printed at 0.24 pt per source
 * pixel or more (a source pixel at 300 dpi or larger) and thinner on one
 * printed smaller, down to 40 %: a 3.8 pt frame around a field of a screen
 * printed at 0.14 pt/px (A5) would reach 27 source pixels out, over the
 * label above it; at 58 % it reaches 16.
 */
export function frameScaleFor(pointsPerSourcePixel: number): number {
  return Math.min(1, Math.max(0.4, pointsPerSourcePixel / 0.24));
}

/**
 * The bands (in points) that let every number covering ink stand beside its
 * frame instead: on the edge of the picture nearest to that frame, when the
 * frame is closer to it than a disc's width. Undefined when none is needed.
 */
function bandsForNumbers(placed: ReturnType<typeof placeCallouts>, picture: { width: number; height: number }, pixelsPerPoint: number, frameScale: number): BandPlan | undefined {
  const reach = discReach(pixelsPerPoint, frameScale);
  const bands = { ...NO_BANDS };
  const sides: Array<Side | undefined> = placed.map(() => undefined);
  for (const [index, { frame, disc }] of placed.entries()) {
    if (!disc || disc.ink === 0) continue;
    const distances: Array<[keyof Bands, number]> = [
      ['left', frame.x],
      ['right', picture.width - frame.x - frame.width],
      ['top', frame.y],
      ['bottom', picture.height - frame.y - frame.height],
    ];
    const [side, distance] = distances.reduce((nearest, candidate) => (candidate[1] < nearest[1] ? candidate : nearest));
    // The picture is drawn smaller beside its bands, so the frame ends up nearer its edge: room for that too.
    const missing = 2 * reach + 2 - 0.85 * distance;
    if (missing <= 0) continue;
    // The whole disc stands in the band (a band as wide as the disc): it covers nothing of the picture.
    bands[side] = Math.max(bands[side], Math.ceil(2 * reach + 2) / pixelsPerPoint);
    sides[index] = side;
  }
  return sides.some((side) => side !== undefined) ? { bands, sides } : undefined;
}

/** The centre of a band, beside the middle of the frame. */
function inBand(side: Side, rect: PixelRect, band: Record<Side, number>, picture: { width: number; height: number }): { cx: number; cy: number } {
  const middle = { cx: rect.x + rect.width / 2, cy: rect.y + rect.height / 2 };
  if (side === 'left') return { cx: band.left / 2, cy: middle.cy };
  if (side === 'right') return { cx: picture.width - band.right / 2, cy: middle.cy };
  if (side === 'top') return { cx: middle.cx, cy: band.top / 2 };
  return { cx: middle.cx, cy: picture.height - band.bottom / 2 };
}

function shift(rect: PixelRect, dx: number, dy: number): PixelRect {
  return { ...rect, x: rect.x + dx, y: rect.y + dy };
}

/** Each highlight's text, measured on the source picture; none for a highlight a mask hides. */
async function highlightTexts(input: Buffer, job: ImageJob): Promise<Array<RegionText | undefined>> {
  if (job.highlights.length === 0) return [];
  const luminance = whitened(await luminanceOf(input), job.masks);
  return job.highlights.map((highlight) => textInRegion(luminance, highlight));
}

/** The picture with its masked parts white: what a mask hides is no text of the frame (a label beside it still is). */
function whitened(picture: Luminance, masks: readonly ScreenshotRegion[]): Luminance {
  for (const mask of masks) {
    for (let y = Math.max(0, mask.y); y < Math.min(picture.height, mask.y + mask.height); y += 1) {
      picture.data.fill(255, y * picture.width + Math.max(0, mask.x), y * picture.width + Math.min(picture.width, mask.x + mask.width));
    }
  }
  return picture;
}

/**
 * The whole screen's printed size: its slot's, or INSET.wholeScreen of it for
 * a landscape screen whose insets will carry the reading (the whole screen
 * then only shows where each part is). Phone screens are small already.
 */
function wholeScreenSize(box: PlacementBox, crop: ScreenshotRegion, texts: ReadonlyArray<RegionText | undefined>): { width: number; height: number } {
  const placed = placedSize(box, crop.width, crop.height);
  const scale = wholeScale(placed.width, crop.width);
  const withInsets = texts.some((text) => text !== undefined && needsInset(text.size, scale));
  if (!withInsets || isPortrait(crop.width, crop.height)) return placed;
  return { width: round2(placed.width * INSET.wholeScreen), height: round2(placed.height * INSET.wholeScreen) };
}

/**
 * Each highlight's inset when the whole screen prints its text under 14 pt.
 * An inset is cut from the picture with the masks drawn (it never shows what
 * they hide) and carries a frame without a number.
 */
async function insetsOf(input: Buffer, job: ImageJob, crop: ScreenshotRegion, placedWidth: number, texts: ReadonlyArray<RegionText | undefined>): Promise<HighlightText[]> {
  const scale = wholeScale(placedWidth, crop.width);
  const result: HighlightText[] = [];
  for (const [index, highlight] of job.highlights.entries()) {
    const text = texts[index];
    const textPixels = text?.size ?? null;
    let inset: ProcessedInset | null = null;
    if (text && needsInset(text.size, scale)) {
      const plan = insetPlanIn(highlight, text.box, text.size, crop, { column: job.box.insetColumnWidth, page: job.box.insetMaxWidth });
      const placed = { width: round2(plan.rect.width * plan.scale), height: round2(plan.rect.height * plan.scale) };
      const insetJob = { ...job, crop: plan.rect, highlights: [plan.frame], calloutNumbers: [null] };
      const drawn = await drawPicture(input, insetJob, plan.rect, placed.width, undefined, true);
      inset = { png: drawn.png, width: drawn.width, height: drawn.height, scale: plan.scale, placed };
    }
    result.push({ textPixels, scale, inset });
  }
  return result;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

async function luminanceOf(input: Buffer): Promise<Luminance> {
  const { data, info } = await sharp(input, SHARP_INPUT).flatten({ background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}


async function readSize(input: Buffer, origin: ImageOrigin, svgChecked: boolean): Promise<{ width: number; height: number }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { ...SHARP_INPUT, limitInputPixels: false }).metadata();
  } catch (error) {
    return refuse(origin, `not a picture livret can read (${firstLine(error)}); use a PNG or JPEG file`);
  }
  if (metadata.format === 'svg' && !svgChecked) return refuse(origin, 'ce fichier est un SVG que livret ne reconnaît pas comme tel (encodage ?) ; enregistrez-le en SVG UTF-8 ou en PNG');
  const { width, height } = metadata;
  if (!width || !height) return refuse(origin, 'the picture has no size; save it again as PNG');
  if (width * height > MAX_INPUT_PIXELS) {
    return refuse(origin, `the picture is too large (${width} × ${height} pixels, more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels); make it smaller, a screenshot needs at most about 3000 pixels across`);
  }
  return { width, height };
}

function checkedSvg(input: Buffer, origin: ImageOrigin): Buffer {
  const reading = readSafeSvg(input);
  if (reading.problem) refuse(origin, svgRefusal(reading.problem));
  return Buffer.from(reading.svg);
}


function checkInside(region: ScreenshotRegion, width: number, height: number, name: string, origin: ImageOrigin): void {
  if (region.x + region.width > width || region.y + region.height > height) {
    refuse(
      origin,
      `${name}="${region.x},${region.y},${region.width},${region.height}" goes outside the picture, which is ${width} × ${height} pixels; ` +
        'rectangles are "x,y,w,h" in pixels of the original picture (see assets/screenshots/regions.yaml)',
    );
  }
}

/** A rectangle of the source picture, in pixels of the prepared one (after crop and resize). */
function mapRegion(region: ScreenshotRegion, crop: ScreenshotRegion, scale: number): PixelRect {
  const x = Math.round((region.x - crop.x) * scale);
  const y = Math.round((region.y - crop.y) * scale);
  return { x, y, width: Math.round((region.x + region.width - crop.x) * scale) - x, height: Math.round((region.y + region.height - crop.y) * scale) - y };
}

function clipTo(rect: PixelRect, width: number, height: number): PixelRect {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  return { x, y, width: Math.min(width, rect.x + rect.width) - x, height: Math.min(height, rect.y + rect.height) - y };
}

/**
 * The region averaged in cells as large as its height (about two characters
 * of the text it hides), then blurred: no digit can be read back.
 */
async function blurred(data: Buffer, raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 }, rect: PixelRect): Promise<OverlayOptions> {
  const cell = Math.max(24, rect.height);
  const region = await sharp(data, { raw }).extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height }).raw().toBuffer();
  const small = await sharp(region, { raw: { ...raw, width: rect.width, height: rect.height } })
    .resize(Math.max(1, Math.ceil(rect.width / cell)), Math.max(1, Math.ceil(rect.height / cell)), { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const input = await sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } })
    .resize(rect.width, rect.height, { fit: 'fill', kernel: 'linear' })
    .blur(Math.max(2, cell / 3))
    .png()
    .toBuffer();
  return { input, left: rect.x, top: rect.y };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
