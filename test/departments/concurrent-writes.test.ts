import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/atomic-write.js';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

/**
 * `build --department all` runs builds side by side in worker threads of one
 * process; they write the same image-cache entries at the same time. Each
 * write must finish whole, whatever the other one does.
 */
describe('writeFileAtomic, several writers of one file at once', () => {
  it('every write succeeds, the file is whole, no temporary file is left', async () => {
    const dir = makeTempDir('livret-atomic-');
    const target = path.join(dir, 'picture.png');
    const contents = Array.from({ length: 6 }, (_, index) => Buffer.alloc(2_000_000, index));
    const results = await Promise.allSettled(contents.map((data) => writeFileAtomic(target, data)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const written = readFileSync(target);
    expect(contents.some((data) => data.equals(written))).toBe(true);
    expect(readdirSync(dir)).toEqual(['picture.png']);
  });
});
