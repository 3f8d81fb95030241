import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { makeProject } from '../helpers/project.js';

/** Every call to sharp(…) made by livret, counted: the proof that a warm build does no image work. */
const sharpCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const real = (await importOriginal<typeof import('sharp')>()).default;
  const counted = new Proxy(real, {
    apply(target, self, args: Parameters<typeof real>) {
      sharpCalls.count += 1;
      return Reflect.apply(target, self, args);
    },
  });
  return { default: counted };
});

const CHAPTER =
  '# Un chapitre\n\n:::steps\n1. Cliquez sur le bouton.\n   ::screenshot{src=ecran.png alt="Une page" highlight="20,30,140,40" mask="250,30,100,40"}\n2. Appelez la CPAM.\n:::\n';

/** A 600 × 200 screen with "Valider" (20 px) inside the highlight: printed small, so it gets an enlarged inset. */
async function screen(): Promise<Buffer> {
  const real = (await vi.importActual<typeof import('sharp')>('sharp')).default;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect width="600" height="200" fill="#dde"/><text x="30" y="58" font-family="DejaVu Sans" font-size="20" fill="#1a1a1a">Valider</text></svg>';
  return real(Buffer.from(svg)).png().toBuffer();
}

const project = async () => makeProject({ 'content/mini/chapitre.md': CHAPTER, 'assets/screenshots/ecran.png': await screen() });

describe('the image cache', () => {
  it('a second build reads every picture from .cache/livret/images and calls sharp not once', async () => {
    const projectRoot = await project();
    sharpCalls.count = 0;
    const cold = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(cold.imageStats).toEqual({ processed: 1, fromCache: 0 });
    expect(sharpCalls.count).toBeGreaterThan(0);
    // The screen, its inset, and their facts (printed sizes, measured text).
    const cached = (await readdir(path.join(projectRoot, '.cache', 'livret', 'images'))).sort();
    expect(cached).toHaveLength(3);
    const key = cached[0]!.slice(0, 64);
    expect(cached).toEqual([`${key}.inset-0.png`, `${key}.json`, `${key}.png`]);
    expect(cold.pictures[0]!.text.inset).not.toBeNull();

    sharpCalls.count = 0;
    const warm = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(warm.imageStats).toEqual({ processed: 0, fromCache: 1 });
    expect(sharpCalls.count).toBe(0);
    expect(Buffer.from(warm.pdf).equals(Buffer.from(cold.pdf))).toBe(true);
    expect(warm.pictures).toEqual(cold.pictures);
  });

  it('a changed option (another highlight, grayscale) is a new entry, drawn again', async () => {
    const projectRoot = await project();
    await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(projectRoot, 'content/mini/chapitre.md'), CHAPTER.replace('highlight="20,30,140,40"', 'highlight="20,30,140,60"'));
    sharpCalls.count = 0;
    const changed = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(changed.imageStats).toEqual({ processed: 1, fromCache: 0 });
    expect(sharpCalls.count).toBeGreaterThan(0);
    const gray = await buildBooklet({ projectRoot, write: false, grayscale: true, checks: 'content-loss' });
    expect(gray.imageStats).toEqual({ processed: 1, fromCache: 0 });
    const entries = (await readdir(path.join(projectRoot, '.cache', 'livret', 'images'))).filter((name) => name.endsWith('.json'));
    expect(entries).toHaveLength(3);
  });

  it('a damaged or missing part of a cache entry (the screen, its inset, its facts) is drawn again, not used', async () => {
    const projectRoot = await project();
    await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    const folder = path.join(projectRoot, '.cache', 'livret', 'images');
    const { rm, writeFile } = await import('node:fs/promises');
    const key = (await readdir(folder))[0]!.slice(0, 64);
    for (const entry of [`${key}.png`, `${key}.inset-0.png`, `${key}.json`]) {
      await writeFile(path.join(folder, entry), 'torn');
      const again = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
      expect(again.imageStats, entry).toEqual({ processed: 1, fromCache: 0 });
    }
    await rm(path.join(folder, (await readdir(folder)).find((name) => name.endsWith('.json'))!));
    expect((await buildBooklet({ projectRoot, write: false, checks: 'content-loss' })).imageStats).toEqual({ processed: 1, fromCache: 0 });
  });
});
