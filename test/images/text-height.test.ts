import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CAP_HEIGHT_EM, textInRegion, textSizeInRegion, type Luminance } from '../../src/images/text-height.js';
import { REPO_ROOT } from '../helpers/project.js';

async function luminance(input: Buffer | string): Promise<Luminance> {
  const { data, info } = await sharp(input).flatten({ background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** A white picture with `text` in DejaVu Sans at `size` px, its baseline at `y`, and a field's frame around it when asked. */
function textSvg(text: string, size: number, options: { width?: number; height?: number; x?: number; y?: number; frame?: boolean; fill?: string; background?: string } = {}): Buffer {
  const { width = 900, height = 200, x = 40, y = 120, frame = false, fill = '#1a1a1a', background = '#ffffff' } = options;
  const border = frame ? `<rect x="10" y="10" width="${width - 20}" height="${height - 20}" fill="none" stroke="#5c5c5c" stroke-width="3"/>` : '';
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${background}"/>${border}` +
      `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}">${text}</text></svg>`,
  );
}

const whole = (picture: Luminance) => ({ x: 0, y: 0, width: picture.width, height: picture.height });

describe('textSizeInRegion: the type size of a region\'s text, from its pixels', () => {
  it('reads the size livret drew the sample screenshots with (src/tools/screenshots): never more than 6 % above it, at most 10 % under', async () => {
    // Sizes as written in desktop-pages.ts for these regions.
    const drawn: Array<[file: string, region: string, size: number]> = [
      ['ameli-accueil.png', 'titre', 30],
      ['compte-ameli.png', 'titre', 28],
      ['compte-ameli.png', 'bouton-creer-compte', 28],
      ['compte-ameli.png', 'onglet-se-connecter', 24],
      ['conditions-utilisation.png', 'choix-oui', 24],
      ['connexion.png', 'lien-ou-trouver-numero', 20],
      ['validation-email.png', 'lien-cliquez-ici', 24],
    ];
    const regions = parse(readFileSync(path.join(REPO_ROOT, 'assets/screenshots/regions.yaml'), 'utf8')) as Record<string, { regions: Record<string, [number, number, number, number]> }>;
    for (const [file, name, size] of drawn) {
      const picture = await luminance(path.join(REPO_ROOT, 'assets/screenshots', file));
      const [x, y, width, height] = regions[file]!.regions[name]!;
      const measured = textSizeInRegion(picture, { x, y, width, height });
      expect(measured, `${file} ${name}`).toBeGreaterThanOrEqual(size * 0.9);
      expect(measured, `${file} ${name}`).toBeLessThanOrEqual(size * 1.06);
    }
  });

  it('finds no text in an empty field, nor in a plain frame', async () => {
    const empty = await luminance(textSvg('', 24, { frame: true }));
    expect(textSizeInRegion(empty, whole(empty))).toBeUndefined();
    const blank = await luminance(textSvg('', 24));
    expect(textSizeInRegion(blank, { x: 100, y: 50, width: 300, height: 100 })).toBeUndefined();
  });

  it('ignores the field\'s frame around the text and a lone icon (one mark is not a line of text)', async () => {
    const framed = await luminance(textSvg('Nathalie DURAND', 40, { frame: true }));
    expect(textSizeInRegion(framed, whole(framed))).toBeCloseTo(40, -1);
    const icon = await luminance(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#fff"/><circle cx="150" cy="100" r="40" fill="#0b4f8a"/></svg>'));
    expect(textSizeInRegion(icon, whole(icon))).toBeUndefined();
  });

  it('reads white text on a blue button as well as dark text on white', async () => {
    const button = await luminance(textSvg('CONTINUER', 30, { fill: '#ffffff', background: '#0b4f8a' }));
    const measured = textSizeInRegion(button, whole(button))!;
    expect(measured).toBeGreaterThanOrEqual(27);
    expect(measured).toBeLessThanOrEqual(31.8);
  });

  it('gives the box around the text, inside the region', async () => {
    const picture = await luminance(textSvg('Valider', 40, { x: 200, y: 120 }));
    const text = textInRegion(picture, whole(picture))!;
    expect(text.box.x).toBeGreaterThanOrEqual(200);
    expect(text.box.x).toBeLessThan(206);
    // Capitals stand about CAP_HEIGHT_EM × 40 px above the baseline (y = 120).
    expect(text.box.y + text.box.height).toBeGreaterThanOrEqual(118);
    expect(text.box.y + text.box.height).toBeLessThanOrEqual(121);
    expect(text.box.y).toBeLessThanOrEqual(120 - 40 * 0.7);
  });

  it('gives a box that holds an underlined link whole, "J" and all (the underline joins it to the "p")', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120"><rect width="600" height="120" fill="#fff"/>' +
        '<text x="40" y="70" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="#0b4f8a">Je n\'ai pas de code</text>' +
        '<rect x="40" y="76" width="330" height="3" fill="#0b4f8a"/></svg>',
    );
    const picture = await luminance(svg);
    const text = textInRegion(picture, whole(picture))!;
    expect(text.box.x).toBeLessThanOrEqual(41);
    expect(text.box.x + text.box.width).toBeGreaterThanOrEqual(369);
  });

  it('property: a word that starts with a capital, at any size from 12 to 72 px and anywhere, is measured within −10 % / +6 % of its size, give or take one pixel row', async () => {
    // One row of pixels is 1 / CAP_HEIGHT_EM ≈ 1.3 px of type size: 10 % at 12 px, where antialiasing decides a row.
    const row = 1 / CAP_HEIGHT_EM;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 12, max: 72 }),
        fc.constantFrom('Valider', 'Continuer', 'Mon nom', 'DURAND', 'Envoyer', 'Se connecter', 'Bonjour'),
        fc.integer({ min: 20, max: 200 }),
        fc.boolean(),
        async (size, word, x, frame) => {
          const picture = await luminance(textSvg(word, size, { x, y: 100 + size / 2, height: 240, frame }));
          const measured = textSizeInRegion(picture, whole(picture));
          expect(measured).toBeDefined();
          expect(measured!).toBeGreaterThanOrEqual(size * 0.9 - row);
          expect(measured!).toBeLessThanOrEqual(size * 1.06 + row);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: never throws on any pixels and any rectangle, and returns nothing or a size within the rectangle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.uint8Array({ minLength: 3600, maxLength: 3600 }),
        fc.record({ x: fc.integer({ min: -10, max: 70 }), y: fc.integer({ min: -10, max: 70 }), width: fc.integer({ min: 0, max: 80 }), height: fc.integer({ min: 0, max: 80 }) }),
        (width, height, bytes, region) => {
          const size = textSizeInRegion({ data: bytes.subarray(0, width * height), width, height }, region);
          if (size !== undefined) expect(size).toBeLessThanOrEqual(region.height / CAP_HEIGHT_EM + 1);
        },
      ),
    );
  });
});
