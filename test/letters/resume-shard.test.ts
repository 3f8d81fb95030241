import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeLetters, type MergeOptions, type MergeResult } from '../../src/letters/merge.js';
import { makeProject, removeProjects, TEMPLATE } from './helpers.js';
import { generateRows, toCsv } from './recipients-generator.js';

afterAll(removeProjects);

let project: string;
let base: MergeOptions;
let uninterrupted: MergeResult;

beforeAll(async () => {
  project = await makeProject('resume');
  await writeFile(path.join(project, 'recipients.csv'), toCsv(generateRows(600, 12, 7)));
  base = { projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'recipients.csv'), department: '61', date: '2026-11-29', batchSize: 50 };
  uninterrupted = await mergeLetters({ ...base, out: path.join(project, 'out-whole') });
});

describe('--resume after a crash', () => {
  it('leaves no complete-looking file behind, then finishes with the same batches and manifest', async () => {
    const out = path.join(project, 'out-crash');
    const crash = new AbortController();
    // A crash half-way: stop as soon as a few batches are on disk, with others still being stamped.
    const interrupted = mergeLetters({
      ...base,
      out,
      signal: crash.signal,
      onProgress: (progress) => {
        if (progress.batchesWritten >= 3) crash.abort(new Error('simulated crash'));
      },
    });
    await expect(interrupted).rejects.toThrow('simulated crash');
    const runDirectory = uninterrupted.runDirectory.replace('out-whole', 'out-crash');
    const left = await readdir(runDirectory);
    expect(left).not.toContain('manifest.json');
    expect(left).not.toContain('rejected.csv');
    const finished = left.filter((name) => /^batch-\d{4}\.pdf$/.test(name)).sort();
    expect(finished.length).toBeGreaterThanOrEqual(3);
    expect(finished.length).toBeLessThan(uninterrupted.manifest.batches.length);
    // Every batch with its final name is complete: the same bytes as the uninterrupted run's.
    const before = new Map<string, number>();
    for (const name of finished) {
      const record = uninterrupted.manifest.batches.find((batch) => batch.file === name)!;
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(await readFile(path.join(runDirectory, name))).digest('hex')).toBe(record.sha256);
      before.set(name, (await stat(path.join(runDirectory, name))).mtimeMs);
    }

    const resumed = await mergeLetters({ ...base, out, resume: true });
    expect(resumed.manifest).toEqual(uninterrupted.manifest);
    expect(await readFile(resumed.rejectedFile, 'utf8')).toBe(await readFile(uninterrupted.rejectedFile, 'utf8'));
    expect(await readFile(resumed.manifestFile, 'utf8')).toBe(await readFile(uninterrupted.manifestFile, 'utf8'));
    // The batches finished before the crash were kept, not stamped again.
    for (const [name, mtime] of before) expect((await stat(path.join(runDirectory, name))).mtimeMs).toBe(mtime);
    expect((await readdir(runDirectory)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('with other options, --resume of a finished run starts another run in another folder and leaves the first alone', async () => {
    const out = path.join(project, 'out-whole');
    const before = await readFile(uninterrupted.manifestFile, 'utf8');
    const other = await mergeLetters({ ...base, out, resume: true, batchSize: 300, workers: 0 });
    expect(other.runDirectory).not.toBe(uninterrupted.runDirectory);
    expect(other.manifest.batch_size).toBe(300);
    expect(await readFile(uninterrupted.manifestFile, 'utf8')).toBe(before);
  });

  it('without --resume, starts over from an empty run folder', async () => {
    const out = path.join(project, 'out-whole');
    const again = await mergeLetters({ ...base, out, workers: 0 });
    expect(again.manifest).toEqual(uninterrupted.manifest);
  });
});

describe('--shard K/N', () => {
  it('splits the rows so that the shard manifests add up to the whole run', async () => {
    const shards: MergeResult[] = [];
    for (let index = 1; index <= 3; index++) {
      // In the calling thread (workers: 0): threads are not what this test is about, and it stays quick.
      shards.push(await mergeLetters({ ...base, out: path.join(project, 'out-shards'), shard: { index, count: 3 }, workers: 0 }));
    }
    const sum = (pick: (result: MergeResult) => number) => shards.reduce((total, shard) => total + pick(shard), 0);
    expect(sum((shard) => shard.manifest.rows_read)).toBe(uninterrupted.manifest.rows_read);
    expect(sum((shard) => shard.manifest.letters_written)).toBe(uninterrupted.manifest.letters_written);
    expect(sum((shard) => shard.manifest.rows_rejected)).toBe(uninterrupted.manifest.rows_rejected);
    for (const shard of shards) {
      expect(shard.manifest.letters_written + shard.manifest.rows_rejected).toBe(shard.manifest.rows_read);
      expect(path.basename(shard.runDirectory)).toMatch(new RegExp(`-shard-${shard.manifest.shard.index}-of-3$`));
    }
    // Each rejected line is reported by exactly one shard, with the same reason as in the whole run.
    const lines = async (file: string) => (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1);
    const shardLines = (await Promise.all(shards.map((shard) => lines(shard.rejectedFile)))).flat();
    expect(shardLines.sort()).toEqual((await lines(uninterrupted.rejectedFile)).sort());
  });

  it('is deterministic: the same shard twice gives the same manifest', async () => {
    const first = await mergeLetters({ ...base, out: path.join(project, 'out-shard-a'), shard: { index: 2, count: 3 }, workers: 2 });
    const second = await mergeLetters({ ...base, out: path.join(project, 'out-shard-b'), shard: { index: 2, count: 3 }, workers: 0 });
    expect(second.manifest).toEqual(first.manifest);
  });
});
