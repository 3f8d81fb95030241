import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { LivretError } from '../errors.js';
import type { Booklet, Screenshot } from '../model/booklet.js';
import type { ImageLookup, PreparedImage } from './prepared-image.js';

/** Print resolution for screenshots. */
export const PRINT_DPI = 300;

/** Every screenshot of the booklet, in reading order. */
export function bookletScreenshots(booklet: Booklet): Screenshot[] {
  const screenshots: Screenshot[] = [];
  for (const chapter of booklet.chapters) {
    for (const block of chapter.blocks) {
      if (block.kind === 'screenshot') screenshots.push(block.screenshot);
      if (block.kind === 'steps') for (const step of block.steps) screenshots.push(...step.screenshots);
      if (block.kind === 'agencies' && block.map) screenshots.push(block.map);
    }
  }
  return screenshots;
}

function screenshotKey(screenshot: Screenshot): string {
  const { path: file, highlights, masks, crop } = screenshot;
  return createHash('sha256').update(JSON.stringify({ file: path.basename(file), highlights, masks, crop })).digest('hex').slice(0, 16);
}

/**
 * Screenshots → PNGs pdfmake draws fast: flattened on white, not interlaced,
 * never wider than the text column at 300 dpi (never upscaled).
 */
export async function prepareImages(booklet: Booklet, maxWidthPoints: number): Promise<{ images: PreparedImage[]; lookup: ImageLookup }> {
  const maxWidthPixels = Math.round((maxWidthPoints / 72) * PRINT_DPI);
  const byKey = new Map<string, PreparedImage>();
  for (const screenshot of bookletScreenshots(booklet)) {
    const key = screenshotKey(screenshot);
    if (byKey.has(key)) continue;
    byKey.set(key, await prepareOne(screenshot, key, maxWidthPixels));
  }
  const lookup: ImageLookup = (screenshot) => byKey.get(screenshotKey(screenshot))!;
  return { images: [...byKey.values()], lookup };
}

async function prepareOne(screenshot: Screenshot, key: string, maxWidthPixels: number): Promise<PreparedImage> {
  try {
    const input = await readFile(screenshot.path);
    const { data, info } = await sharp(input)
      .flatten({ background: '#ffffff' })
      .resize({ width: maxWidthPixels, withoutEnlargement: true })
      .png({ progressive: false, compressionLevel: 6 })
      .toBuffer({ resolveWithObject: true });
    return { key, png: data, width: info.width, height: info.height };
  } catch (error) {
    throw new LivretError(`cannot read the image ${path.basename(screenshot.path)}: ${(error as Error).message}; replace it with a valid PNG or JPEG`, screenshot.source);
  }
}
