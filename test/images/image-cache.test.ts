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
  '# Un chapitre\n\n:::steps\n1. Cliquez sur le bouton.\n   ::screenshot{src=exemple.png alt="Une page" highlight="20,30,100,40" mask="150,30,100,40"}\n2. Appelez la CPAM.\n:::\n';

describe('the image cache', () => {
  it('a second build reads every picture from .cache/livret/images and calls sharp not once', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': CHAPTER });
    sharpCalls.count = 0;
    const cold = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(cold.imageStats).toEqual({ processed: 1, fromCache: 0 });
    expect(sharpCalls.count).toBeGreaterThan(0);
    const cached = await readdir(path.join(projectRoot, '.cache', 'livret', 'images'));
    expect(cached).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/)]);

    sharpCalls.count = 0;
    const warm = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(warm.imageStats).toEqual({ processed: 0, fromCache: 1 });
    expect(sharpCalls.count).toBe(0);
    expect(Buffer.from(warm.pdf).equals(Buffer.from(cold.pdf))).toBe(true);
  });

  it('a changed option (another highlight, grayscale) is a new entry, drawn again', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': CHAPTER });
    await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(projectRoot, 'content/mini/chapitre.md'), CHAPTER.replace('highlight="20,30,100,40"', 'highlight="20,30,100,60"'));
    sharpCalls.count = 0;
    const changed = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(changed.imageStats).toEqual({ processed: 1, fromCache: 0 });
    expect(sharpCalls.count).toBeGreaterThan(0);
    const gray = await buildBooklet({ projectRoot, write: false, grayscale: true, checks: 'content-loss' });
    expect(gray.imageStats).toEqual({ processed: 1, fromCache: 0 });
    expect(await readdir(path.join(projectRoot, '.cache', 'livret', 'images'))).toHaveLength(3);
  });

  it('a damaged cache entry is drawn again, not used', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': CHAPTER });
    await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    const folder = path.join(projectRoot, '.cache', 'livret', 'images');
    const [entry] = await readdir(folder);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(folder, entry!), 'not a png');
    const again = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
    expect(again.imageStats).toEqual({ processed: 1, fromCache: 0 });
  });
});
