import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivretError } from '../../src/errors.js';
import { mergeLetters, type MergeResult } from '../../src/letters/merge.js';
import { checkNir, formatNir } from '../../src/letters/nir.js';
import { makeProject, removeProjects, MM, readBatch, TEMPLATE } from './helpers.js';
import { generateRows, toCsv, type GeneratedRow } from './recipients-generator.js';

afterAll(removeProjects);

/** 1,000 generated recipients, 30 of them bad in 12 different ways. */
describe('mergeLetters on 1,000 rows with 30 bad ones', () => {
  let project: string;
  let rows: GeneratedRow[];
  let result: MergeResult;

  beforeAll(async () => {
    project = await makeProject('merge');
    rows = generateRows(1000, 30);
    await writeFile(path.join(project, 'recipients.csv'), toCsv(rows));
    result = await mergeLetters({
      projectRoot: project,
      letter: TEMPLATE,
      recipients: path.join(project, 'recipients.csv'),
      department: '61',
      date: '2026-11-29',
      batchSize: 200,
    });
  });

  it('writes 970 letters and 30 rejections; rows read = letters + rejected', () => {
    const { manifest } = result;
    expect(rows.filter((row) => row.expected).length).toBe(30);
    expect(manifest.rows_read).toBe(1000);
    expect(manifest.letters_written).toBe(970);
    expect(manifest.rows_rejected).toBe(30);
    expect(manifest.letters_written + manifest.rows_rejected).toBe(manifest.rows_read);
    expect(manifest.batches.map((batch) => batch.letters)).toEqual([200, 200, 200, 200, 170]);
    expect(manifest.batches.reduce((sum, batch) => sum + batch.pages, 0)).toBe(970 * manifest.pages_per_letter);
    expect(manifest.batches[0]).toMatchObject({ file: 'batch-0001.pdf', first_row: 2 });
    expect(manifest.batches.at(-1)).toMatchObject({ file: 'batch-0005.pdf', last_row: 1001 });
  });

  it('gives each rejected row its line, its id and the right reason', async () => {
    const text = await readFile(result.rejectedFile, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('line,id,reason_code,reason');
    const found = lines.slice(1).map((line) => {
      const [number, id, reason] = line.split(',');
      return { line: Number(number), id, reason };
    });
    // A row that did not parse into its columns is named by its line only (its "id" cell may hold anything).
    const expected = rows.flatMap((row, index) => (row.expected ? [{ line: index + 2, id: row.expected === 'column_count' ? '' : row.cells[0], reason: row.expected }] : []));
    expect(found).toEqual(expected);
    expect(new Set(expected.map((rejection) => rejection.reason)).size).toBe(12);
  });

  it("prints each letter with its own recipient's name and code (read back from the PDF)", async () => {
    const printed = rows.filter((row) => !row.expected);
    const samples = [0, 1, 199, 200, 437, 969];
    for (const letterIndex of samples) {
      const batch = result.manifest.batches[Math.floor(letterIndex / 200)]!;
      const pdf = await readBatch(path.join(result.runDirectory, batch.file));
      const page = pdf.pages[(letterIndex % 200) * result.manifest.pages_per_letter]!;
      const cells = printed[letterIndex]!.cells;
      const [, civility, lastName, firstName, , , , , , , nir, code] = cells as string[];
      expect(page.text).toContain(`${civility} ${firstName} ${lastName}`);
      expect(page.text).toContain(`Bonjour ${civility} ${lastName},`);
      expect(page.text.replace(/\s/g, '')).toContain(code!);
      // The letter prints nothing of the NIR.
      expect(page.text.replace(/\s/g, '')).not.toContain(nir!.slice(0, 13));
      expect(page.text).not.toContain(formatNir(nir!).slice(0, 12));
    }
  });

  it('prints the code below the first fold and outside the envelope window', async () => {
    const pdf = await readBatch(path.join(result.runDirectory, 'batch-0003.pdf'));
    const printed = rows.filter((row) => !row.expected);
    for (const pageIndex of [0, 57, 199]) {
      const page = pdf.pages[pageIndex]!;
      const code = printed[400 + pageIndex]!.cells[11]!;
      const runs = page.runs.filter((run) => run.text.replace(/\s/g, '') === code);
      expect(runs).toHaveLength(1);
      const run = runs[0]!;
      // y is the baseline, from the top; the digits rise about 0.7 × size above it.
      const top = run.y - run.fontSize * 0.75;
      expect(run.fontSize).toBeGreaterThanOrEqual(24);
      expect(top).toBeGreaterThan(99 * MM);
      const window = { left: 110 * MM, top: 55 * MM, right: 195 * MM, bottom: 88 * MM };
      const outside = run.x + run.width < window.left || run.x > window.right || run.y < window.top || top > window.bottom;
      expect(outside).toBe(true);
      // And the address is inside the window.
      const nameRun = page.runs.find((candidate) => candidate.text.includes(printed[400 + pageIndex]!.cells[2]!) && candidate.fontSize <= 14);
      expect(nameRun).toBeDefined();
      expect(nameRun!.x).toBeGreaterThanOrEqual(window.left);
      expect(nameRun!.y).toBeGreaterThan(window.top);
      expect(nameRun!.y).toBeLessThan(window.bottom);
    }
  });

  it('writes files readable by their owner only, in folders only the owner can open', async () => {
    expect((await stat(result.runDirectory)).mode & 0o777).toBe(0o700);
    for (const entry of await readdir(result.runDirectory)) {
      expect(entry).not.toMatch(/partial/);
      expect((await stat(path.join(result.runDirectory, entry))).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps codes out of the PDF metadata', async () => {
    const pdf = await readBatch(path.join(result.runDirectory, 'batch-0001.pdf'));
    expect(pdf.title).toBe('Votre code provisoire pour ouvrir votre compte ameli');
  });

  it('gives the same bytes for the same input (reproducible)', async () => {
    const again = await mergeLetters({
      projectRoot: project,
      letter: TEMPLATE,
      recipients: path.join(project, 'recipients.csv'),
      department: '61',
      date: '2026-11-29',
      batchSize: 200,
      out: path.join(project, 'out-again'),
      // Stamped in the calling thread: the bytes must not depend on threads.
      workers: 0,
    });
    expect(again.manifest).toEqual(result.manifest);
  });
});

describe('mergeLetters, bad input', () => {
  let project: string;
  beforeAll(async () => {
    project = await makeProject('merge-bad');
    await writeFile(path.join(project, 'r.csv'), toCsv(generateRows(3)));
  });

  it('refuses an unknown department with exit code 2', async () => {
    const error = await mergeLetters({ projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'r.csv'), department: '62' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect((error as LivretError).exitCode).toBe(2);
    expect((error as LivretError).format()).toMatch(/content\/departments\/62\.yaml: pas de fichier de département/);
  });

  it('refuses a missing recipients file', async () => {
    await expect(mergeLetters({ projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'none.csv'), department: '61' })).rejects.toThrow(/--recipients/);
  });

  it('refuses a bad --shard and a bad --date', async () => {
    const base = { projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'r.csv'), department: '61' };
    await expect(mergeLetters({ ...base, shard: { index: 3, count: 2 } })).rejects.toThrow(/--shard/);
    await expect(mergeLetters({ ...base, date: '29/11/2026' })).rejects.toThrow(/--date/);
  });

  it('reports a template mistake found while laying out (in the layout thread) with its file and line', async () => {
    const template = path.join(project, 'bad-template.md');
    await writeFile(template, '---\ntitle: T\n---\n\nBonjour.\nAppelez le {{caisse.fax}}.\n\n{{code}}\n');
    const error = await mergeLetters({ projectRoot: project, letter: template, recipients: path.join(project, 'r.csv'), department: '61', date: '2026-11-29' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect((error as LivretError).format()).toMatch(/bad-template\.md:6: variable inconnue \{\{caisse\.fax\}\}/);
  });

  it('generates NIRs that pass the check (sanity of the test data)', () => {
    for (const row of generateRows(50)) expect(checkNir(row.cells[10]!).ok).toBe(true);
  });
});
