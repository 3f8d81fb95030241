import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAP_FILE, SCREENSHOTS, makeScreenshots, regionsYaml, type ScreenshotResult } from '../src/tools/make-screenshots.js';
import { Canvas } from '../src/tools/screenshots/canvas.js';
import { textWidth } from '../src/tools/screenshots/text-width.js';
import { COLOURS } from '../src/tools/screenshots/widgets.js';

type Tuple = [number, number, number, number];
interface RegionsFile {
  [file: string]: { size: [number, number]; regions: Record<string, Tuple> };
}

/** Three screenshots are enough to check the machinery; generating all 15 takes seconds. */
const SAMPLE_FILES = ['creer-compte-formulaire.png', 'rib-exemple.png', 'app-connexion.png'];

let outputDir: string;
let results: ScreenshotResult[];
let regionsFile: RegionsFile;

beforeAll(async () => {
  outputDir = await mkdtemp(path.join(tmpdir(), 'livret-screenshots-'));
  results = await makeScreenshots({ screenshotsDir: outputDir, mapsDir: outputDir, only: SAMPLE_FILES });
  regionsFile = parse(await readFile(path.join(outputDir, 'regions.yaml'), 'utf8')) as RegionsFile;
});

afterAll(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

function regionOf(file: string, name: string): Tuple {
  const region = regionsFile[file]?.regions[name];
  if (!region) throw new Error(`no region ${name} in ${file}`);
  return region;
}

/** The most frequent colour inside a rectangle of a PNG, as #RRGGBB. */
async function dominantColour(file: string, [x, y, w, h]: Tuple): Promise<string> {
  const { data, info } = await sharp(path.join(outputDir, file))
    .extract({ left: x, top: y, width: w, height: h })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const counts = new Map<string, number>();
  for (let offset = 0; offset < data.length; offset += info.channels) {
    const hex = `#${[data[offset], data[offset + 1], data[offset + 2]].map((value) => (value ?? 0).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

async function pixel(file: string, x: number, y: number): Promise<string> {
  return dominantColour(file, [x, y, 1, 1]);
}

describe('makeScreenshots', () => {
  it('writes each requested PNG at the size regions.yaml gives', async () => {
    expect(Object.keys(regionsFile)).toEqual(SAMPLE_FILES);
    for (const file of SAMPLE_FILES) {
      const metadata = await sharp(path.join(outputDir, file)).metadata();
      expect([metadata.width, metadata.height]).toEqual(regionsFile[file]?.size);
    }
    expect(regionsFile['creer-compte-formulaire.png']?.size).toEqual([1200, 800]);
    expect(regionsFile['app-connexion.png']?.size).toEqual([540, 960]);
  });

  it('keeps every region inside its picture', () => {
    for (const [file, { size, regions }] of Object.entries(regionsFile)) {
      for (const [name, [x, y, w, h]] of Object.entries(regions)) {
        expect({ file, name, inside: x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= size[0] && y + h <= size[1] }).toEqual({ file, name, inside: true });
      }
    }
  });

  it('names the regions the booklet content relies on', () => {
    expect(Object.keys(regionsFile['creer-compte-formulaire.png']?.regions ?? {})).toEqual(
      expect.arrayContaining(['numero-securite-sociale', 'iban', 'iban-7-derniers', 'carte-vitale-numero', 'bouton-valider', 'bouton-retour']),
    );
    expect(Object.keys(regionsFile['rib-exemple.png']?.regions ?? {})).toEqual(expect.arrayContaining(['iban', 'iban-7-derniers', 'bic']));
  });

  it('puts a blue button where bouton-valider says, and white page just outside it', async () => {
    const form = 'creer-compte-formulaire.png';
    const [x, y, w, h] = regionOf(form, 'bouton-valider');
    expect(await dominantColour(form, [x, y, w, h])).toBe(COLOURS.blue);
    expect(await pixel(form, x + w / 2, y + 4)).toBe(COLOURS.blue);
    expect(await pixel(form, x - 6, y + h / 2)).toBe(COLOURS.white);
    expect(await dominantColour('app-connexion.png', regionOf('app-connexion.png', 'bouton-valider'))).toBe(COLOURS.blue);
  });

  it('puts the secondary RETOUR button (white with a blue border) where it says', async () => {
    const form = 'creer-compte-formulaire.png';
    const [x, y, , h] = regionOf(form, 'bouton-retour');
    expect(await pixel(form, x + 1, y + h / 2)).toBe(COLOURS.blue);
    expect(await pixel(form, x + 12, y + h / 2)).toBe(COLOURS.white);
  });

  it('puts the last 7 IBAN characters inside the IBAN, at its right end', () => {
    const [ibanX, ibanY, ibanW, ibanH] = regionOf('rib-exemple.png', 'iban');
    const [x, y, w, h] = regionOf('rib-exemple.png', 'iban-7-derniers');
    expect(x).toBeGreaterThan(ibanX);
    expect(x + w).toBe(ibanX + ibanW);
    expect([y, h]).toEqual([ibanY, ibanH]);
  });

  it('draws dark text inside the social security number field (the part to mask)', async () => {
    const form = 'creer-compte-formulaire.png';
    const [x, y, w, h] = regionOf(form, 'numero-securite-sociale');
    const { data } = await sharp(path.join(outputDir, form))
      .extract({ left: x + 4, top: y + 4, width: w - 8, height: h - 8 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeLessThan(60);
    expect(await dominantColour(form, [x, y, w, h])).toBe(COLOURS.white);
  });

  it('writes the map when given a maps folder', async () => {
    const metadata = await sharp(path.join(outputDir, MAP_FILE)).metadata();
    expect(metadata.width).toBe(1200);
    // Landscape, drawn for print across the text column: no legend inside (the booklet's legend lines carry the marks).
    expect(metadata.height).toBeLessThan(metadata.width!);
  });

  it('writes the same bytes on a second run', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'livret-screenshots-'));
    try {
      await makeScreenshots({ screenshotsDir: again, only: ['creer-compte-formulaire.png'] });
      const [first, second] = await Promise.all([
        readFile(path.join(outputDir, 'creer-compte-formulaire.png')),
        readFile(path.join(again, 'creer-compte-formulaire.png')),
      ]);
      expect(second.equals(first)).toBe(true);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('refuses an unknown screenshot name and lists the known ones', async () => {
    await expect(makeScreenshots({ screenshotsDir: outputDir, only: ['nope.png'] })).rejects.toThrow(/unknown screenshot "nope.png".*ameli-accueil.png/);
  });

  it('knows every file name of the contract', () => {
    expect(Object.keys(SCREENSHOTS)).toHaveLength(15);
  });
});

describe('regionsYaml', () => {
  it('writes one flow list per rectangle that parses back to the same numbers', () => {
    const text = regionsYaml([{ file: 'a.png', size: [10, 20], regions: { bouton: [1, 2, 3, 4] } }]);
    expect(text).toContain('bouton: [1, 2, 3, 4]');
    expect(parse(text)).toEqual({ 'a.png': { size: [10, 20], regions: { bouton: [1, 2, 3, 4] } } });
  });
});

describe('Canvas regions', () => {
  it('records a region inside the picture', () => {
    const canvas = new Canvas(100, 50);
    canvas.name('ok', { x: 10, y: 10, w: 20, h: 20 });
    expect(canvas.regions.get('ok')).toEqual({ x: 10, y: 10, w: 20, h: 20 });
  });

  it('refuses a region outside the picture or named twice', () => {
    const canvas = new Canvas(100, 50);
    expect(() => canvas.name('out', { x: 90, y: 10, w: 20, h: 20 })).toThrow(/outside 100×50/);
    canvas.name('twice', { x: 0, y: 0, w: 5, h: 5 });
    expect(() => canvas.name('twice', { x: 0, y: 0, w: 5, h: 5 })).toThrow(/named twice/);
  });

  it('ends a page below its content but not above a region', () => {
    const canvas = new Canvas(100, 200);
    canvas.name('low', { x: 0, y: 100, w: 10, h: 20 });
    canvas.endAt(120, 10);
    expect(canvas.height).toBe(130);
    expect(() => canvas.endAt(50, 0)).toThrow(/content reaches 120/);
  });
});

describe('textWidth', () => {
  it('measures DejaVu Sans advances (bold is wider)', () => {
    expect(textWidth('VALIDER', 22, 700)).toBeGreaterThan(textWidth('VALIDER', 22, 400));
    expect(textWidth('0000', 10)).toBeCloseTo((4 * 1303 * 10) / 2048, 5);
  });

  it('refuses a character it has no width for, naming it', () => {
    expect(() => textWidth('日本', 20)).toThrow(/no width for "日"/);
  });
});
