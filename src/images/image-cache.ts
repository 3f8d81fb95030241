import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { ImageJob, ProcessedImage } from './process-image.js';

/**
 * Prepared pictures are cached under `.cache/livret/images/`, named by the
 * SHA-256 of the source bytes, the job (crop, masks, callouts, size, gray)
 * and the pipeline version: a second build reads them back and does no image
 * work. Changing the picture, an option or livret's drawing code changes the
 * name, so a stale entry is never used; deleting the folder is always safe.
 */
// 3: SVG pictures checked against an allow-list (entries made before could hold pictures now refused).
export const IMAGE_PIPELINE_VERSION = 'livret-images-7';

/** sharp's version (it pins its libvips build): read from its package file, so a warm build never loads sharp. */
const SHARP_VERSION = sharpVersion();

function sharpVersion(): string {
  // sharp's exports do not include its package.json: found from its entry point (…/sharp/lib/index.js).
  const packageFile = path.join(path.dirname(createRequire(import.meta.url).resolve('sharp')), '..', 'package.json');
  return (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
}

export function defaultCacheDir(projectRoot: string): string {
  return path.join(projectRoot, '.cache', 'livret', 'images');
}

export function cacheKey(input: Buffer, job: ImageJob): string {
  const options = JSON.stringify([
    IMAGE_PIPELINE_VERSION,
    SHARP_VERSION,
    job.crop ?? null,
    job.highlights,
    job.calloutNumbers,
    job.masks,
    job.maskStyle,
    job.box,
    job.grayscale,
  ]);
  return createHash('sha256').update(options).update('\0').update(input).digest('hex');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (no decoding); undefined when it is not a whole PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  if (png.length < 45 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  if (png.toString('latin1', png.length - 8, png.length - 4) !== 'IEND') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export async function readCached(cacheDir: string, key: string): Promise<ProcessedImage | undefined> {
  const png = await readFile(path.join(cacheDir, `${key}.png`)).catch(() => undefined);
  const size = png && pngSize(png);
  return png && size ? { png, ...size } : undefined;
}

export async function writeCached(cacheDir: string, key: string, image: ProcessedImage): Promise<void> {
  await writeFileAtomic(path.join(cacheDir, `${key}.png`), image.png);
}
