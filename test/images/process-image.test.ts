import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CALLOUT_COLOR, MASK_FILL, MASK_HATCH } from '../../src/images/overlays.js';
import { frameScaleFor, processImage, type ImageJob } from '../../src/images/process-image.js';

/** A box whose width gives `pixels` pixels at 300 dpi: the picture is prepared at exactly that width. */
const boxFor = (pixels: number) => ({ maxWidth: (pixels * 72) / 300, portraitMaxWidth: (pixels * 72) / 300, maxHeight: 10_000, insetColumnWidth: (pixels * 72) / 300, insetMaxWidth: (pixels * 72) / 300 });
const origin = { file: 'assets/screenshots/test.png', where: { file: 'content/mini/chapitre.md', line: 7, column: 1 } };

function job(overrides: Partial<ImageJob>): ImageJob {
  return { crop: undefined, highlights: [], calloutNumbers: [], masks: [], maskStyle: 'fill', box: boxFor(1000), grayscale: false, ...overrides };
}

async function solid(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

/** The RGB (or gray) value of one pixel of a PNG, read back with sharp. */
async function pixels(png: Buffer): Promise<(x: number, y: number) => number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return (x, y) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels)];
}

const hex = (color: string) => [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16));
const near = (actual: number[], expected: number[], tolerance = 12) => actual.every((value, index) => Math.abs(value - expected[index]!) <= tolerance);

describe('callouts land on the highlighted rectangle', () => {
  it('draws the frame in the callout colour around the region, a white halo outside it, and leaves the inside alone', async () => {
    // 1000 px placed at 240 pt: 4.17 px per point; the frame is 1.6 pt thick, 1.2 pt outside the region.
    const out = await processImage(await solid(1000, 600, '#808080'), job({ highlights: [{ x: 300, y: 200, width: 300, height: 100 }], calloutNumbers: [4] }), origin);
    expect([out.width, out.height]).toEqual([1000, 600]);
    const at = await pixels(out.png);
    const frameCentre = 300 - (1.2 + 0.8) * (1000 / 240); // ≈ 291.7
    expect(near(at(Math.round(frameCentre), 250), hex(CALLOUT_COLOR))).toBe(true); // left edge
    expect(near(at(Math.round(600 + (600 - 300) * 0 + 8), 250), hex(CALLOUT_COLOR))).toBe(true); // right edge, 8 px out
    expect(near(at(450, Math.round(200 - 8)), hex(CALLOUT_COLOR))).toBe(true); // top edge
    expect(near(at(450, 308), hex(CALLOUT_COLOR))).toBe(true); // bottom edge
    expect(near(at(Math.round(frameCentre - 6), 250), [255, 255, 255])).toBe(true); // halo outside
    expect(at(450, 250)).toEqual([128, 128, 128]); // inside: untouched
    expect(at(100, 500)).toEqual([128, 128, 128]); // far away: untouched
  });

  // 4.17 px per point: the frame's path is 2 pt outside the region (x ≈ 291.7); the disc (9 pt radius) sits left of it,
  // 12.3 pt from the path (its halo and the frame's), at the frame's middle height (y = 250).
  const discCentreX = Math.round(300 - 2 * (1000 / 240) - (9 + 2.5 + 0.8) * (1000 / 240));
  const discRadius = 9 * (1000 / 240);

  it('puts a disc with the step number left of the frame, outside it: the region\'s corner stays readable', async () => {
    const out = await processImage(await solid(1000, 600, '#808080'), job({ highlights: [{ x: 300, y: 200, width: 300, height: 100 }], calloutNumbers: [4] }), origin);
    const at = await pixels(out.png);
    expect(near(at(discCentreX - Math.round(discRadius * 0.8), 250), hex(CALLOUT_COLOR))).toBe(true); // the disc's left part
    let white = 0;
    for (let dx = -15; dx <= 15; dx += 1) for (let dy = -15; dy <= 15; dy += 1) if (near(at(discCentreX + dx, 250 + dy), [255, 255, 255], 30)) white += 1;
    expect(white).toBeGreaterThan(40); // the white digit "4"
    expect(at(304, 204)).toEqual([128, 128, 128]); // the region's top-left corner, which the disc used to cover
  });

  it('draws a frame without a disc when the number is null (the other fields of one step)', async () => {
    const region = { x: 300, y: 200, width: 300, height: 100 };
    const withDisc = await pixels((await processImage(await solid(1000, 600, '#808080'), job({ highlights: [region], calloutNumbers: [4] }), origin)).png);
    const frameOnly = await pixels((await processImage(await solid(1000, 600, '#808080'), job({ highlights: [region], calloutNumbers: [null] }), origin)).png);
    const inDisc = discCentreX - Math.round(discRadius * 0.7);
    expect(near(withDisc(inDisc, 250), hex(CALLOUT_COLOR))).toBe(true);
    expect(frameOnly(inDisc, 250)).toEqual([128, 128, 128]);
    expect(near(frameOnly(Math.round(300 - 2 * (1000 / 240)), 250), hex(CALLOUT_COLOR))).toBe(true); // the frame is still there
  });

  it('converts source coordinates through crop and resize', async () => {
    // 2000 × 1200 source, crop 1200 × 800 from (500, 300), prepared at 600 px: scale 0.5.
    const out = await processImage(
      await solid(2000, 1200, '#808080'),
      job({ crop: { x: 500, y: 300, width: 1200, height: 800 }, highlights: [{ x: 1000, y: 600, width: 400, height: 200 }], calloutNumbers: [1], box: boxFor(600) }),
      origin,
    );
    expect([out.width, out.height]).toEqual([600, 400]);
    const at = await pixels(out.png);
    // 2 pt at 600 px for 144 pt, times the frame scale of a 1200-pixel crop printed 144 pt wide (0.12 pt/px: half size).
    expect(frameScaleFor(144 / 1200)).toBe(0.5);
    const outset = 2 * 0.5 * (600 / 144);
    expect(near(at(Math.round(250 - outset), 200), hex(CALLOUT_COLOR))).toBe(true); // left edge of (250, 150, 200, 100)
    expect(near(at(Math.round(450 + outset), 200), hex(CALLOUT_COLOR))).toBe(true); // right edge
    expect(at(350, 200)).toEqual([128, 128, 128]);
  });

  it('numbers several highlights in the order given', async () => {
    const one = await processImage(await solid(800, 400, '#ffffff'), job({ highlights: [{ x: 100, y: 100, width: 200, height: 60 }], calloutNumbers: [1], box: boxFor(800) }), origin);
    const two = await processImage(await solid(800, 400, '#ffffff'), job({ highlights: [{ x: 100, y: 100, width: 200, height: 60 }], calloutNumbers: [2], box: boxFor(800) }), origin);
    expect(one.png.equals(two.png)).toBe(false); // the digit differs
  });
});

describe('masks hide personal data', () => {
  async function withNumber(): Promise<Buffer> {
    // A white page with a black "number" (a black bar) at 200, 100, 300 × 50.
    return sharp({ create: { width: 800, height: 400, channels: 3, background: '#ffffff' } })
      .composite([{ input: await solid(300, 50, '#000000'), left: 200, top: 100 }])
      .png()
      .toBuffer();
  }

  it('fill (default): a hatched gray box, nothing of the number left', async () => {
    const out = await processImage(await withNumber(), job({ masks: [{ x: 200, y: 100, width: 300, height: 50 }], box: boxFor(800) }), origin);
    const at = await pixels(out.png);
    const grays = [hex(MASK_FILL), hex(MASK_HATCH)];
    for (let x = 200; x < 500; x += 7) for (let y = 100; y < 150; y += 5) expect(grays.some((gray) => near(at(x, y), gray, 40))).toBe(true);
    expect(at(100, 300)).toEqual([255, 255, 255]);
  });

  it('blur: no pure black or pure white pixel pattern left inside the region', async () => {
    const source = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#ffffff' } })
      .composite([0, 1, 2, 3, 4, 5].map((index) => ({ input: Buffer.from(`<svg width="20" height="50"><rect width="20" height="50"/></svg>`), left: 200 + index * 50, top: 100 })))
      .png()
      .toBuffer();
    const out = await processImage(source, job({ masks: [{ x: 200, y: 100, width: 300, height: 50 }], maskStyle: 'blur', box: boxFor(800) }), origin);
    const at = await pixels(out.png);
    const values: number[] = [];
    for (let x = 205; x < 495; x += 3) values.push(at(x, 125)[0]!);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThan(120); // the bars are smeared into a gray wash
  });
});

describe('the PNG pdfmake receives', () => {
  it('is flat (no alpha), 8 bits, not interlaced, never upscaled', async () => {
    const transparent = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png({ progressive: true }).toBuffer();
    const out = await processImage(transparent, job({ box: boxFor(2000) }), origin);
    const metadata = await sharp(out.png).metadata();
    expect([out.width, out.height]).toEqual([300, 200]);
    expect(metadata).toMatchObject({ hasAlpha: false, channels: 3, depth: 'uchar', isProgressive: false });
    const at = await pixels(out.png);
    expect(at(10, 10)).toEqual([255, 255, 255]); // transparency flattened on white
  });

  it('is downscaled to 300 dpi at its printed width', async () => {
    const out = await processImage(await solid(3000, 1500, '#ffffff'), job({ box: { maxWidth: 360, portraitMaxWidth: 100, maxHeight: 1000, insetColumnWidth: 360, insetMaxWidth: 360 } }), origin);
    expect([out.width, out.height]).toEqual([1500, 750]); // 360 pt = 5 in = 1500 px
  });

  it('in grayscale: one gray channel, the callout still darker than its halo', async () => {
    const out = await processImage(await solid(1000, 600, '#0b4299'), job({ highlights: [{ x: 300, y: 200, width: 300, height: 100 }], calloutNumbers: [1], grayscale: true, box: boxFor(1000) }), origin);
    const metadata = await sharp(out.png).metadata();
    expect(metadata.channels).toBe(1);
    const at = await pixels(out.png);
    const frame = at(Math.round(300 - 2 * (1000 / 240)), 250)[0]!;
    const halo = at(Math.round(300 - 2 * (1000 / 240) - 6), 250)[0]!;
    const background = at(100, 500)[0]!;
    expect(halo - frame).toBeGreaterThan(150);
    expect(halo - background).toBeGreaterThan(150);
  });
});

describe('refused pictures', () => {
  it('a rectangle outside the picture names the directive and the picture size', async () => {
    await expect(processImage(await solid(300, 200, '#fff'), job({ highlights: [{ x: 250, y: 10, width: 100, height: 20 }] }), origin)).rejects.toThrow(
      /highlight="250,10,100,20" goes outside the picture, which is 300 × 200 pixels/,
    );
  });
});

describe('a number that would cover words wherever it stands gets a white band at the edge', () => {
  /** A 1000 × 600 page of dark "text" stripes everywhere, but for a white field at its left edge. */
  async function crowdedPage(): Promise<Buffer> {
    const stripes = Array.from({ length: 30 }, (_, row) => `<rect x="0" y="${row * 20 + 4}" width="1000" height="8" fill="#202020"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600"><rect width="1000" height="600" fill="#ffffff"/>${stripes}<rect x="10" y="250" width="400" height="80" fill="#ffffff"/></svg>`;
    return sharp(Buffer.from(svg)).png().toBuffer();
  }
  const field = { x: 10, y: 250, width: 400, height: 80 };

  it('keeps the printed width, draws the page beside a band on its left, and stands the number in the band, on no stripe', async () => {
    const out = await processImage(await crowdedPage(), job({ highlights: [field], calloutNumbers: [2] }), origin);
    expect(out.placed.width).toBeCloseTo(240, 5);
    expect(out.content.x).toBeGreaterThan(0);
    expect(out.content.y).toBe(0);
    expect(out.width).toBe(out.content.x + out.content.width);
    const at = await pixels(out.png);
    // The disc's orange is in the band, at the height of the field's middle.
    const middle = Math.round(out.content.y + (290 * out.content.width) / 1000);
    let orange = 0;
    for (let x = 0; x < out.content.x; x += 1) if (near(at(x, middle), hex(CALLOUT_COLOR), 40)) orange += 1;
    expect(orange).toBeGreaterThan(10);
  });

  it('without a number (a frame only) or with room for it, no band', async () => {
    const frameOnly = await processImage(await crowdedPage(), job({ highlights: [field], calloutNumbers: [null] }), origin);
    expect(frameOnly.content).toEqual({ x: 0, y: 0, width: 1000, height: 600 });
    const roomy = await processImage(await solid(1000, 600, '#ffffff'), job({ highlights: [{ ...field, x: 300 }], calloutNumbers: [2] }), origin);
    expect(roomy.content.x).toBe(0);
  });
});
