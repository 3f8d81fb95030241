import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { calloutsSvg, type InkMap, type PixelRect } from '../../src/images/overlays.js';

/** The overlay's pixels (RGBA) as sharp draws the SVG. */
async function pixels(svg: string): Promise<{ data: Buffer; width: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
}

/** Pixels of the overlay drawn inside `rect` (the highlighted words): none, when the number stays outside. */
function paintedInside({ data, width }: { data: Buffer; width: number }, rect: PixelRect): number {
  let painted = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) for (let x = rect.x; x < rect.x + rect.width; x++) if (data[(y * width + x) * 4 + 3]! > 0) painted++;
  return painted;
}

/** Pixels of the callout colour (the numbered disc) in `rect`. */
function discPixels({ data, width }: { data: Buffer; width: number }, rect: PixelRect): number {
  let count = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const at = (y * width + x) * 4;
      if (data[at + 3]! > 200 && data[at]! > 140 && data[at + 1]! < 100 && data[at + 2]! < 40) count++;
    }
  }
  return count;
}

describe('callout numbers never cover the highlighted words', () => {
  const PIXELS_PER_POINT = 4;

  it.each<[string, PixelRect, PixelRect]>([
    ['room on the left: the disc is left of the frame', { x: 200, y: 100, width: 300, height: 60 }, { x: 0, y: 80, width: 200, height: 100 }],
    ['against the left edge: the disc is right of the frame', { x: 4, y: 200, width: 300, height: 60 }, { x: 304, y: 180, width: 200, height: 100 }],
    ['as wide as the picture: the disc is below the frame', { x: 4, y: 100, width: 792, height: 60 }, { x: 0, y: 160, width: 200, height: 140 }],
    ['as wide as the picture, at its bottom: the disc is above the frame', { x: 4, y: 300, width: 792, height: 60 }, { x: 0, y: 160, width: 200, height: 140 }],
  ])('%s', async (_, highlight, discArea) => {
    const overlay = await pixels(calloutsSvg(800, 400, [{ rect: highlight, number: 1 }], PIXELS_PER_POINT));
    // The frame's anti-aliased rounded corners may touch the outermost pixel: 2 pixels in, nothing is drawn.
    const words = { x: highlight.x + 2, y: highlight.y + 2, width: highlight.width - 4, height: highlight.height - 4 };
    expect(paintedInside(overlay, words)).toBe(0);
    expect(discPixels(overlay, highlight)).toBe(0);
    expect(discPixels(overlay, discArea)).toBeGreaterThan(200);
  });

  it('a disc on the frame corner (the former place) is seen by the same pixel test', async () => {
    const highlight = { x: 200, y: 100, width: 300, height: 60 };
    const corner = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><circle cx="200" cy="100" r="36" fill="#a84300"/></svg>`;
    expect(paintedInside(await pixels(corner), highlight)).toBeGreaterThan(500);
  });
});

describe('a callout number avoids the other frames', () => {
  it('a field with no room on its left, another frame on its right: the number goes below, never on the other frame', async () => {
    const field = { x: 4, y: 100, width: 300, height: 60 };
    const other = { x: 330, y: 100, width: 300, height: 60 };
    const overlay = await pixels(calloutsSvg(800, 400, [{ rect: field, number: 3 }, { rect: other, number: undefined }], 4));
    expect(discPixels(overlay, { x: other.x + 2, y: other.y + 2, width: other.width - 4, height: other.height - 4 })).toBe(0);
    expect(discPixels(overlay, { x: 0, y: 160, width: 200, height: 140 })).toBeGreaterThan(200);
    // Alone, the same field has its number on the right, where the other frame is: the test above can fail.
    expect(discPixels(await pixels(calloutsSvg(800, 400, [{ rect: field, number: 3 }], 4)), { x: 304, y: 80, width: 120, height: 100 })).toBeGreaterThan(200);
  });
});

describe('a callout number goes where the picture has no words', () => {
  /** A white 800 × 400 picture with black blocks (words) at `words`. */
  function picture(words: readonly PixelRect[]): InkMap {
    const data = new Uint8Array(800 * 400 * 3).fill(255);
    for (const rect of words) for (let y = rect.y; y < rect.y + rect.height; y++) data.fill(20, (y * 800 + rect.x) * 3, (y * 800 + rect.x + rect.width) * 3);
    return { data, width: 800, height: 400, channels: 3 };
  }

  it('an IBAN row as wide as the picture with "BIC …" under its left half: the number goes under its right half', async () => {
    const iban = { x: 4, y: 100, width: 792, height: 60 };
    const bic = { x: 10, y: 175, width: 380, height: 30 };
    const overlay = await pixels(calloutsSvg(800, 400, [{ rect: iban, number: 4 }], 4, undefined, [], picture([bic])));
    expect(discPixels(overlay, bic)).toBe(0);
    expect(discPixels(overlay, { x: 390, y: 160, width: 410, height: 120 })).toBeGreaterThan(200);
    // Without the picture's pixels the number takes the first place below the frame: on "BIC" (the test above can fail).
    expect(discPixels(await pixels(calloutsSvg(800, 400, [{ rect: iban, number: 4 }], 4)), bic)).toBeGreaterThan(200);
  });

  it('words all around: the place with the fewest dark pixels, still outside the frame', async () => {
    const field = { x: 200, y: 150, width: 300, height: 60 };
    // Words on every side, 30 pixels off the frame (whose own stroke is the callout colour too).
    const words = [
      { x: 0, y: 100, width: 170, height: 160 },
      { x: 530, y: 100, width: 270, height: 160 },
      { x: 200, y: 40, width: 300, height: 80 },
      { x: 200, y: 240, width: 100, height: 160 },
    ];
    const overlay = await pixels(calloutsSvg(800, 400, [{ rect: field, number: 2 }], 4, undefined, [], picture(words)));
    expect(discPixels(overlay, { x: field.x + 2, y: field.y + 2, width: field.width - 4, height: field.height - 4 })).toBe(0);
    for (const rect of words) expect(discPixels(overlay, rect)).toBe(0);
    expect(discPixels(overlay, { x: 300, y: 230, width: 230, height: 170 })).toBeGreaterThan(200);
  });
});
