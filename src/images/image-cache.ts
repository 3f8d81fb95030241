import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { DrawnPicture, HighlightText, ImageJob, ProcessedImage } from './process-image.js';

/**
 * Prepared pictures are cached under `.cache/livret/images/`, named by the
 * SHA-256 of the source bytes, the job (crop, masks, callouts, size, gray)
 * and the pipeline version: a second build reads them back and does no image
 * work. Changing the picture, an option or livret's drawing code changes the
 * name, so a stale entry is never used; deleting the folder is always safe.
 */
// 3: SVG pictures checked against an allow-list (entries made before could hold pictures now refused).
// 8: highlights' text measured, enlarged insets (a `.json` of facts beside each PNG).
export const IMAGE_PIPELINE_VERSION = 'livret-images-8';

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

/** What a cached picture's `<key>.json` holds beside its PNGs: its printed size, each highlight's text, and its inset's printed size. */
interface CachedFacts {
  placed: { width: number; height: number };
  content: ProcessedImage['content'];
  highlights: CachedHighlight[];
}

interface CachedHighlight {
  textPixels: number | null;
  scale: number;
  inset: { scale: number; placed: { width: number; height: number } } | null;
}

/** A torn or foreign `.json` is no entry (it is drawn again), never an error. */
function parseFacts(text: string): CachedFacts | undefined {
  try {
    return JSON.parse(text) as CachedFacts;
  } catch {
    return undefined;
  }
}

async function readPng(file: string): Promise<DrawnPicture | undefined> {
  const png = await readFile(file).catch(() => undefined);
  const size = png && pngSize(png);
  return png && size ? { png, ...size } : undefined;
}

/** The picture, its insets (`<key>.inset-N.png`) and their facts (`<key>.json`); undefined when any part is missing or torn. */
export async function readCached(cacheDir: string, key: string): Promise<ProcessedImage | undefined> {
  const whole = await readPng(path.join(cacheDir, `${key}.png`));
  const facts = await readFile(path.join(cacheDir, `${key}.json`), 'utf8').then(parseFacts, () => undefined);
  if (!whole || !facts || !Array.isArray(facts.highlights)) return undefined;
  const highlights: HighlightText[] = [];
  for (const [index, fact] of facts.highlights.entries()) {
    let inset: HighlightText['inset'] = null;
    if (fact.inset) {
      const drawn = await readPng(path.join(cacheDir, `${key}.inset-${index}.png`));
      if (!drawn) return undefined;
      inset = { ...drawn, ...fact.inset };
    }
    highlights.push({ textPixels: fact.textPixels, scale: fact.scale, inset });
  }
  return { ...whole, placed: facts.placed, content: facts.content, highlights };
}

/** The facts are written last: an entry cut short by a crash has no `.json` and is drawn again. */
export async function writeCached(cacheDir: string, key: string, image: ProcessedImage): Promise<void> {
  await writeFileAtomic(path.join(cacheDir, `${key}.png`), image.png);
  for (const [index, highlight] of image.highlights.entries()) {
    if (highlight.inset) await writeFileAtomic(path.join(cacheDir, `${key}.inset-${index}.png`), highlight.inset.png);
  }
  const highlights: CachedHighlight[] = image.highlights.map(({ textPixels, scale, inset }) => ({
    textPixels,
    scale,
    inset: inset ? { scale: inset.scale, placed: inset.placed } : null,
  }));
  const facts: CachedFacts = { placed: image.placed, content: image.content, highlights };
  await writeFileAtomic(path.join(cacheDir, `${key}.json`), JSON.stringify(facts));
}
