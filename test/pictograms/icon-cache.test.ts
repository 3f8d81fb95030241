import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * An icon set is one JSON file of megabytes; a booklet uses a few of its
 * icons. The SVGs used are cached, so a warm build parses no whole set.
 */
type IconSets = typeof import('../../src/pictograms/icon-sets.js');

async function freshIconSets(cacheFolder: string): Promise<IconSets> {
  vi.stubEnv('LIVRET_ICON_CACHE', cacheFolder);
  vi.resetModules();
  return import('../../src/pictograms/icon-sets.js');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('icon cache', () => {
  it('parses the whole set once, then serves the icon from the cache file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'livret-icons-'));
    const cold = await freshIconSets(folder);
    const svg = cold.iconSvg('fluent-emoji-flat:laptop');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
    expect(cold.iconSetParseCount()).toBe(1);
    // Written once the burst of look-ups is over.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await readdir(folder)).toEqual(['fluent-emoji-flat@1.2.6-svg1.json']);

    const warm = await freshIconSets(folder);
    expect(warm.iconSvg('fluent-emoji-flat:laptop')).toBe(svg);
    expect(warm.iconSetParseCount()).toBe(0);
  });

  it('still finds unknown icons unknown, and other icons, when the cache file is damaged', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'livret-icons-'));
    await writeFile(path.join(folder, 'healthicons@1.2.13-svg1.json'), '{ not json');
    const sets = await freshIconSets(folder);
    expect(sets.iconSvg('healthicons:no-such-icon-anywhere')).toBeUndefined();
    expect(sets.iconSvg('healthicons:doctor')).toMatch(/^<svg /);
    expect(sets.iconSvg('nosuchset:doctor')).toBeUndefined();
  });

  it('works without a cache when the folder cannot be written', async () => {
    const blocker = path.join(await mkdtemp(path.join(os.tmpdir(), 'livret-icons-')), 'a-file');
    await writeFile(blocker, 'not a folder');
    const sets = await freshIconSets(path.join(blocker, 'cache'));
    expect(sets.iconSvg('healthicons:doctor')).toMatch(/^<svg /);
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(path.join(blocker, 'cache'))).toBe(false);
  });
});
