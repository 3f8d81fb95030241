import sharp, { type Metadata, type OverlayOptions, type SharpOptions } from 'sharp';
import { LivretError, type SourceLocation } from '../errors.js';
import { placedSize, type PlacementBox } from '../geometry/screenshot-placement.js';
import { INPUT_LIMITS } from '../content/input-limits.js';
import { isGzip, looksLikeSvg, readSafeSvg, svgRefusal } from '../pictograms/svg-safety.js';
import type { ScreenshotRegion } from '../model/booklet.js';
import { CALLOUT_COLOR, CALLOUT_COLOR_GRAY, calloutsSvg, filledMasksSvg, type PixelRect } from './overlays.js';

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

export interface ProcessedImage {
  png: Buffer;
  width: number;
  height: number;
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

  const placed = placedSize(job.box, crop.width, crop.height);
  const width = Math.min(crop.width, Math.round((placed.width / 72) * PRINT_DPI));
  const height = Math.max(1, Math.round((crop.height * width) / crop.width));
  const scale = width / crop.width;
  const toPixels = (region: ScreenshotRegion): PixelRect => mapRegion(region, crop, scale);
  const pixelsPerPoint = width / placed.width;

  try {
    let pipeline = sharp(input, SHARP_INPUT).flatten({ background: '#ffffff' });
    if (job.crop) pipeline = pipeline.extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height });
    if (width < crop.width) pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
    const base = await pipeline.toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };

    const overlays: OverlayOptions[] = [];
    const masks = job.masks.map(toPixels).map((rect) => clipTo(rect, raw.width, raw.height)).filter((rect) => rect.width > 0 && rect.height > 0);
    if (job.maskStyle === 'blur') for (const rect of masks) overlays.push(await blurred(base.data, raw, rect));
    else if (masks.length > 0) overlays.push({ input: Buffer.from(filledMasksSvg(raw.width, raw.height, masks, pixelsPerPoint)), left: 0, top: 0 });
    const callouts = job.highlights.map((region, index) => ({ rect: toPixels(region), number: job.calloutNumbers[index] ?? undefined }));
    if (callouts.length > 0) overlays.push({ input: Buffer.from(calloutsSvg(raw.width, raw.height, callouts, pixelsPerPoint, job.grayscale ? CALLOUT_COLOR_GRAY : CALLOUT_COLOR, masks, { data: base.data, ...raw })), left: 0, top: 0 });

    const composed = await sharp(base.data, { raw }).composite(overlays).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // Gray in a pass of its own, after the overlays, so the callouts turn gray too.
    const output = sharp(composed.data, { raw: { width: composed.info.width, height: composed.info.height, channels: composed.info.channels } });
    const png = await (job.grayscale ? output.toColourspace('b-w') : output)
      .png({ progressive: false, compressionLevel: 9, adaptiveFiltering: true, palette: false })
      .toBuffer();
    return { png, width: raw.width, height: raw.height };
  } catch (error) {
    if (error instanceof LivretError) throw error;
    return refuse(origin, `the picture cannot be read (${firstLine(error)}); open it in an image editor and save it again as PNG`);
  }
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
