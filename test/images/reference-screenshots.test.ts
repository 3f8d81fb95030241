import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALLOUT_COLOR, MASK_FILL, MASK_HATCH } from '../../src/images/overlays.js';
import { bookletScreenshots, prepareImages, type PreparedImages, type PlacedScreenshot } from '../../src/images/prepare-images.js';
import { frameScaleFor } from '../../src/images/process-image.js';
import { PRESETS } from '../../src/geometry/presets.js';
import { loadSources, modelStage } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/project.js';

/**
 * The reference booklet's screenshots as the reader sees them: each callout
 * drawn around the rectangle the content names, and the social security
 * number hidden wherever a screenshot shows it (assets/screenshots/regions.yaml).
 */
type Regions = Record<string, { size: [number, number]; regions: Record<string, [number, number, number, number]> }>;

let placed: PlacedScreenshot[];
let prepared: PreparedImages;
let regions: Regions;

beforeAll(async () => {
  const booklet = modelStage(await loadSources({ projectRoot: REPO_ROOT, booklet: 'bienvenue', department: '61' }));
  placed = bookletScreenshots(booklet);
  prepared = await prepareImages(booklet, { projectRoot: REPO_ROOT, preset: PRESETS.a4, cacheDir: undefined });
  regions = parse(await readFile(path.join(REPO_ROOT, 'assets/screenshots/regions.yaml'), 'utf8')) as Regions;
});

const hex = (color: string) => [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16));
const near = (actual: number[], expected: number[], tolerance: number) => actual.every((value, index) => Math.abs(value - expected[index]!) <= tolerance);

async function reader(png: Buffer): Promise<(x: number, y: number) => number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return (x, y) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels)];
}

describe('the reference booklet\'s screenshots', () => {
  it('has step screenshots with callouts', () => {
    expect(placed.filter((item) => item.slot === 'step' && item.screenshot.highlights.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('draws every callout on the left edge of its rectangle', async () => {
    const misses: string[] = [];
    for (const { screenshot } of placed) {
      const image = prepared.lookup(screenshot);
      const at = await reader(image.png);
      const scale = image.content.width / (screenshot.crop?.width ?? (await sharp(screenshot.path).metadata()).width!);
      const pixelsPerPoint = image.width / image.placed.width;
      // On a screen printed small the frame is thinner (frameScaleFor): its stroke stands nearer the rectangle.
      const frameScale = frameScaleFor(image.content.width / pixelsPerPoint / (screenshot.crop?.width ?? (await sharp(screenshot.path).metadata()).width!));
      for (const region of screenshot.highlights) {
        // The frame's stroke is centred 2 pt outside the rectangle (1.2 pt gap + half of 1.6 pt), at full size.
        const offset = 1.2 * frameScale * pixelsPerPoint + Math.max(2, 1.6 * frameScale * pixelsPerPoint) / 2;
        const x = Math.round(image.content.x + (region.x - (screenshot.crop?.x ?? 0)) * scale - offset);
        const y = Math.round(image.content.y + (region.y - (screenshot.crop?.y ?? 0) + region.height * 0.75) * scale);
        if (!near(at(Math.max(0, x), y), hex(CALLOUT_COLOR), 40)) misses.push(`${path.basename(screenshot.path)} ${JSON.stringify(region)} at ${x},${y}: ${at(Math.max(0, x), y).join(',')}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('hides the social security number in every screenshot that shows it', async () => {
    const shown = placed.filter(({ screenshot }) => regions[path.basename(screenshot.path)]?.regions['numero-securite-sociale']);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    for (const { screenshot } of shown) {
      const [x, y, width, height] = regions[path.basename(screenshot.path)]!.regions['numero-securite-sociale']!;
      const covered = screenshot.masks.some((mask) => mask.x <= x && mask.y <= y && mask.x + mask.width >= x + width && mask.y + mask.height >= y + height);
      expect(covered, `${path.basename(screenshot.path)} (${screenshot.source.file}:${screenshot.source.line}) shows the number unmasked`).toBe(true);
      // And in the prepared picture, the field holds only the mask's grays (no dark digits).
      const image = prepared.lookup(screenshot);
      const at = await reader(image.png);
      const scale = image.content.width / regions[path.basename(screenshot.path)]!.size[0];
      // A callout number may sit on the hidden field (it hides a label nowhere): its orange, its white halo and digit are no digits of the number.
      const grays = [hex(MASK_FILL), hex(MASK_HATCH), hex(CALLOUT_COLOR), [255, 255, 255]];
      for (let dx = 0.1; dx < 0.9; dx += 0.05) {
        const pixel = at(Math.round(image.content.x + (x + width * dx) * scale), Math.round(image.content.y + (y + height / 2) * scale));
        expect(grays.some((gray) => near(pixel, gray, 50)), `${path.basename(screenshot.path)}: ${pixel.join(',')}`).toBe(true);
      }
    }
  });
});
