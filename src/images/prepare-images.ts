import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { placementBox, type ScreenshotSlot } from '../geometry/screenshot-placement.js';
import type { LayoutPreset } from '../geometry/presets.js';
import type { Booklet, Screenshot } from '../model/booklet.js';
import { displayPath } from '../paths.js';
import { cacheKey, readCached, writeCached } from './image-cache.js';
import type { ImageJob, MaskStyle, ProcessedImage } from './process-image.js';
import type { ImageLookup, PreparedImage, PreparedScreenshot } from './prepared-image.js';
import { assertRealPathInside } from '../files/real-path.js';
import { readPictureFile } from '../files/read-picture.js';


/** A screenshot with where it is placed and the numbers on its callouts. */
export interface PlacedScreenshot {
  screenshot: Screenshot;
  slot: ScreenshotSlot;
  calloutNumbers: Array<number | null>;
}

/**
 * Every screenshot of the booklet, in reading order. In a step, callouts are
 * frames without numbers: the step's number stands beside the picture, and
 * a disc on a small screen always covers some of its words (or, in a white
 * band, looks like a torn picture). Elsewhere callouts are numbered 1, 2 …
 * in the order written, so the text can name them.
 */
export function bookletScreenshots(booklet: Booklet): PlacedScreenshot[] {
  const numbered = (screenshot: Screenshot) => screenshot.highlights.map((_, index) => index + 1);
  const placed: PlacedScreenshot[] = [];
  for (const chapter of booklet.chapters) {
    for (const block of chapter.blocks) {
      if (block.kind === 'screenshot') placed.push({ screenshot: block.screenshot, slot: 'block', calloutNumbers: numbered(block.screenshot) });
      if (block.kind === 'steps') {
        for (const step of block.steps) {
          for (const screenshot of step.screenshots) placed.push({ screenshot, slot: 'step', calloutNumbers: screenshot.highlights.map(() => null) });
        }
      }
      if (block.kind === 'agencies' && block.map) placed.push({ screenshot: block.map, slot: 'map', calloutNumbers: numbered(block.map) });
    }
  }
  return placed;
}

export interface PrepareOptions {
  projectRoot: string;
  preset: LayoutPreset;
  grayscale?: boolean;
  maskStyle?: MaskStyle;
  /** Folder of prepared PNGs (see image-cache.ts); undefined: no cache. */
  cacheDir: string | undefined;
}

export interface PreparedImages {
  /** Every picture to embed once: whole screens and their insets. */
  images: PreparedImage[];
  /** Each screenshot of the booklet with its highlights, in reading order (for `picture-text-size`). */
  screenshots: Array<{ screenshot: Screenshot; prepared: PreparedScreenshot }>;
  lookup: ImageLookup;
  /** How many pictures were drawn with sharp, and how many came from the cache. */
  stats: { processed: number; fromCache: number };
}

/** Every screenshot of the booklet, ready for the layout: from the cache, or drawn and cached. */
export async function prepareImages(booklet: Booklet, options: PrepareOptions): Promise<PreparedImages> {
  const byKey = new Map<string, PreparedScreenshot>();
  const byScreenshot = new Map<Screenshot, PreparedScreenshot>();
  const stats = { processed: 0, fromCache: 0 };
  for (const { screenshot, slot, calloutNumbers } of bookletScreenshots(booklet)) {
    const job: ImageJob = {
      crop: screenshot.crop,
      highlights: screenshot.highlights,
      calloutNumbers,
      masks: screenshot.masks,
      maskStyle: screenshot.maskStyle ?? options.maskStyle ?? 'fill',
      box: placementBox(slot, options.preset),
      grayscale: options.grayscale ?? false,
    };
    const file = displayPath(options.projectRoot, screenshot.path);
    await assertRealPathInside(options.projectRoot, screenshot.path, screenshot.source, file);
    const input = await readPictureFile(screenshot.path, file, screenshot.source, () => new LivretError(t('error.image.unreadable', { file }), screenshot.source));
    const key = cacheKey(input, job);
    let prepared = byKey.get(key);
    if (!prepared) {
      const cached = options.cacheDir ? await readCached(options.cacheDir, key) : undefined;
      let image: ProcessedImage;
      if (cached) {
        image = cached;
        stats.fromCache += 1;
      } else {
        // sharp is loaded only when a picture must be drawn: a warm build never loads it.
        const { processImage } = await import('./process-image.js');
        image = await processImage(input, job, { file, where: screenshot.source });
        stats.processed += 1;
        if (options.cacheDir) await writeCached(options.cacheDir, key, image);
      }
      prepared = preparedScreenshot(key, image);
      byKey.set(key, prepared);
    }
    byScreenshot.set(screenshot, prepared);
  }
  const lookup: ImageLookup = (screenshot) => {
    const image = byScreenshot.get(screenshot);
    if (!image) throw new Error(`livret bug: screenshot ${screenshot.path} was not prepared`);
    return image;
  };
  const images = [...byKey.values()].flatMap((image) => [image, ...image.highlights.flatMap((highlight) => (highlight.inset ? [highlight.inset] : []))]);
  return { images, screenshots: [...byScreenshot].map(([screenshot, prepared]) => ({ screenshot, prepared })), lookup, stats };
}

/** The insets are embedded under names of their own: `<key>.inset-<n>`. */
function preparedScreenshot(key: string, image: ProcessedImage): PreparedScreenshot {
  const highlights = image.highlights.map(({ textPixels, scale, inset }, index) => ({
    textPixels,
    scale,
    inset: inset ? { key: `${key}.inset-${index}`, png: inset.png, width: inset.width, height: inset.height, placed: inset.placed, scale: inset.scale } : null,
  }));
  return { key, png: image.png, width: image.width, height: image.height, placed: image.placed, content: image.content, highlights };
}
