import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeLetters } from '../../src/letters/merge.js';
import { LOCK_STALE_MS } from '../../src/letters/run-folder.js';
import { makeProject, removeProjects, REPOSITORY, TEMPLATE } from './helpers.js';
import { generateRows, toCsv } from './recipients-generator.js';

afterAll(removeProjects);

describe('a real crash: SIGKILL half-way, then --resume', () => {
  it('finishes with the batches and manifest of an uninterrupted run', async () => {
    const project = await makeProject('kill');
    await writeFile(path.join(project, 'recipients.csv'), toCsv(generateRows(6000, 40, 3)));
    const options = ['merge', '--letter', TEMPLATE, '--recipients', 'recipients.csv', '--department', '61', '--batch-size', '100', '--date', '2026-11-29'];
    const cli = path.join(REPOSITORY, 'test', 'letters', 'cli-harness.ts');
    const loader = pathToFileURL(path.join(REPOSITORY, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

    const child = spawn(process.execPath, ['--import', loader, cli, ...options], { cwd: project, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const letters = path.join(project, 'out', 'letters', '61');
    let runDirectory: string | undefined;
    // Kill it (no clean-up possible) as soon as a few batches are on disk.
    for (let waited = 0; waited < 120_000; waited += 20) {
      if (existsSync(letters)) {
        const [name] = await readdir(letters);
        runDirectory = name ? path.join(letters, name) : undefined;
        if (runDirectory && (await readdir(runDirectory)).filter((file) => /^batch-\d{4}\.pdf$/.test(file)).length >= 3) break;
      }
      await sleep(20);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(runDirectory).toBeDefined();
    const left = await readdir(runDirectory!);
    expect(left).not.toContain('manifest.json');
    expect(left.filter((file) => /^batch-\d{4}\.pdf$/.test(file)).length).toBeLessThan(60);

    // The killed process could not release its lock: it goes stale after LOCK_STALE_MS.
    await sleep(LOCK_STALE_MS + 500);
    const resumed = spawn(process.execPath, ['--import', loader, cli, ...options, '--resume'], { cwd: project, stdio: 'ignore' });
    expect(await new Promise((resolve) => resumed.once('exit', resolve))).toBe(0);

    const uninterrupted = await mergeLetters({
      projectRoot: project,
      letter: TEMPLATE,
      recipients: path.join(project, 'recipients.csv'),
      department: '61',
      batchSize: 100,
      date: '2026-11-29',
      out: path.join(project, 'out-whole'),
    });
    expect(await readFile(path.join(runDirectory!, 'manifest.json'), 'utf8')).toBe(await readFile(uninterrupted.manifestFile, 'utf8'));
    expect(await readFile(path.join(runDirectory!, 'rejected.csv'), 'utf8')).toBe(await readFile(uninterrupted.rejectedFile, 'utf8'));
    expect((await readdir(runDirectory!)).filter((file) => file.includes('partial'))).toEqual([]);
  });
});
