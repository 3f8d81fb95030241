// Regression tests for the eight cases of issue 10, with the inputs the issue
// describes. Each uses only `mergeLetters` and the CLI, as they were before
// the fix, so that it can be run against the old code too.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivretError } from '../../src/errors.js';
import { mergeLetters, type MergeOptions } from '../../src/letters/merge.js';
import { makeProject, readBatch, removeProjects, REPOSITORY, TEMPLATE } from './helpers.js';
import { goodRow, HEADER } from './recipients-generator.js';

afterAll(removeProjects);

const run = promisify(execFile);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Good rows in the generator's column order (HEADER), reproducible. */
function rows(count: number, seed = 1): string[][] {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, (_, index) => goodRow(index, next));
}

/** The cells of `row` (in HEADER order) in the order of `header`. */
function reorder(row: string[], header: string[]): string[] {
  return header.map((column) => row[HEADER.indexOf(column)]!);
}

let project: string;
let base: MergeOptions;

beforeAll(async () => {
  project = await makeProject('issue-10');
  base = { projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'r.csv'), department: '61', date: '2026-11-29', workers: 0 };
  await writeFile(base.recipients, [HEADER, ...rows(3, 43)].map((cells) => cells.join(';')).join('\n') + '\n');
});

async function runFolders(out: string): Promise<string[]> {
  const folder = path.join(out, 'letters', '61');
  return existsSync(folder) ? (await readdir(folder)).filter((name) => !name.endsWith('.lock')).sort() : [];
}

describe('1. the code is never written into rejected.csv', () => {
  const header = ['last_name', 'first_name', 'code', 'id', 'civility', 'address_1', 'address_2', 'address_3', 'address_4', 'postal_code', 'city', 'nir'];
  it.each([';', ','] as const)('a row with one extra cell (an unquoted "%s" in a name) is named by its line only', async (delimiter) => {
    const [good, bad] = rows(2, 5).map((row) => reorder(row, header));
    bad![2] = '8431';
    // "Jean-Marie" typed as "Jean;Marie": one cell too many, the code slides into the id's position.
    bad![1] = `Jean${delimiter}Marie`;
    const file = path.join(project, `extra-cell-${delimiter === ';' ? 'semicolon' : 'comma'}.csv`);
    await writeFile(file, [header, good!, bad!].map((cells) => cells.join(delimiter)).join('\r\n') + '\r\n');
    const result = await mergeLetters({ ...base, recipients: file, out: path.join(project, `out-1-${delimiter === ';' ? 's' : 'c'}`) });
    const rejected = await readFile(result.rejectedFile, 'utf8');
    expect(rejected).toBe('line,id,reason_code,reason\n3,,column_count,13 cellules au lieu de 12\n');
    expect(rejected).not.toContain('8431');
    expect(result.manifest).toMatchObject({ rows_read: 2, letters_written: 1, rows_rejected: 1 });
  });
});

describe('2. recipients never vanish: CRLF header and first row, LF rows after', () => {
  it('reads 20 data rows as 20 rows, with their right line numbers', async () => {
    const data = rows(20, 7);
    // Row 15 (line 16) is bad: its rejection must name line 16.
    data[14]![8] = '6100';
    const lines = [HEADER, ...data].map((cells) => cells.join(';'));
    const text = `${lines[0]}\r\n${lines[1]}\r\n${lines.slice(2).join('\n')}\n`;
    const file = path.join(project, 'mixed-endings.csv');
    await writeFile(file, text);
    const result = await mergeLetters({ ...base, recipients: file, out: path.join(project, 'out-2') });
    expect(result.manifest).toMatchObject({ rows_read: 20, letters_written: 19, rows_rejected: 1 });
    expect(await readFile(result.rejectedFile, 'utf8')).toBe(`line,id,reason_code,reason\n16,${data[14]![0]},postal_code,code postal français à 5 chiffres attendu\n`);
    expect(result.manifest.batches[0]).toMatchObject({ first_row: 2, last_row: 21, letters: 19 });
  });
});

describe('3. two merges of the same CSV at once into the same --out', () => {
  it('stops the second with exit 2 and a French message; the first finishes with its files intact', async () => {
    const file = path.join(project, 'concurrent.csv');
    await writeFile(file, [HEADER, ...rows(3000, 11)].map((cells) => cells.join(';')).join('\r\n') + '\r\n');
    const out = path.join(project, 'out-3');
    let second: Promise<unknown> | undefined;
    const first = mergeLetters({
      ...base,
      recipients: file,
      out,
      batchSize: 100,
      onProgress: (progress) => {
        // The second checks its inputs (the lock comes before its layout) while the first still has 29 batches to stamp.
        if (progress.batchesWritten >= 1 && !second) second = mergeLetters({ ...base, recipients: file, out, batchSize: 100 }).catch((error: unknown) => error);
      },
    });
    const result = await first;
    const refusal = await second;
    expect(refusal).toBeInstanceOf(LivretError);
    expect((refusal as LivretError).exitCode).toBe(2);
    expect((refusal as LivretError).message).toMatch(/^une autre fusion travaille déjà sur cette exécution/);
    expect(result.manifest.batches).toHaveLength(30);
    for (const batch of result.manifest.batches) expect(sha(await readFile(path.join(result.runDirectory, batch.file)))).toBe(batch.sha256);
  });
});

describe('4. the same CSV with another template, department file or date', () => {
  it('goes to another run folder and leaves the finished run alone', async () => {
    const file = path.join(project, 'same.csv');
    await writeFile(file, [HEADER, ...rows(5, 13)].map((cells) => cells.join(';')).join('\r\n') + '\r\n');
    const out = path.join(project, 'out-4');
    const first = await mergeLetters({ ...base, recipients: file, out });
    const firstManifest = await readFile(first.manifestFile, 'utf8');
    const firstBatch = await readFile(path.join(first.runDirectory, 'batch-0001.pdf'));
    const template = path.join(project, 'other-template.md');
    await writeFile(template, (await readFile(TEMPLATE, 'utf8')).replace('Bonjour', 'Bonjour à vous'));
    const otherTemplate = await mergeLetters({ ...base, recipients: file, out, letter: template });
    const otherDate = await mergeLetters({ ...base, recipients: file, out, date: '2026-12-01' });
    expect(new Set([first.runDirectory, otherTemplate.runDirectory, otherDate.runDirectory]).size).toBe(3);
    expect(await readFile(first.manifestFile, 'utf8')).toBe(firstManifest);
    expect(await readFile(path.join(first.runDirectory, 'batch-0001.pdf'))).toEqual(firstBatch);
    expect(await runFolders(out)).toHaveLength(3);
  });
});

describe('5. --resume after the CSV changed', () => {
  it('refuses with exit 2 and says the recipients file changed', async () => {
    const file = path.join(project, 'changing.csv');
    const data = rows(400, 17);
    await writeFile(file, [HEADER, ...data].map((cells) => cells.join(';')).join('\r\n') + '\r\n');
    const out = path.join(project, 'out-5');
    const crash = new AbortController();
    const interrupted = mergeLetters({ ...base, recipients: file, out, batchSize: 50, signal: crash.signal, onProgress: (progress) => progress.batchesWritten >= 2 && crash.abort(new Error('crash')) });
    await expect(interrupted).rejects.toThrow('crash');
    await writeFile(file, [HEADER, ...data, ...rows(401, 18).slice(400)].map((cells) => cells.join(';')).join('\r\n') + '\r\n');
    const refusal = await mergeLetters({ ...base, recipients: file, out, batchSize: 50, resume: true }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LivretError);
    expect((refusal as LivretError).exitCode).toBe(2);
    expect((refusal as LivretError).message).toMatch(/^--resume : le fichier des destinataires \(--recipients\) a changé depuis le début de cette exécution/);
    // Nothing new was started.
    expect(await runFolders(out)).toHaveLength(1);
  });
});

describe('6. --resume and a truncated batch', () => {
  it('stamps the truncated batch again; the manifest matches the file on disk', async () => {
    const file = path.join(project, 'truncate.csv');
    await writeFile(file, [HEADER, ...rows(120, 19)].map((cells) => cells.join(';')).join('\r\n') + '\r\n');
    const out = path.join(project, 'out-6');
    const first = await mergeLetters({ ...base, recipients: file, out, batchSize: 50 });
    const target = path.join(first.runDirectory, 'batch-0002.pdf');
    const whole = await readFile(target);
    await truncate(target, Math.floor(whole.length / 2));
    const resumed = await mergeLetters({ ...base, recipients: file, out, batchSize: 50, resume: true });
    const after = await readFile(target);
    expect(after).toEqual(whole);
    expect(resumed.manifest.batches[1]!.sha256).toBe(sha(after));
    expect(resumed.manifest).toEqual(first.manifest);
    expect((await PDFDocument.load(after)).getPageCount()).toBe(50 * first.manifest.pages_per_letter);
  });
});

describe('7. one Windows-1252 row in a UTF-8 file', () => {
  it('reads the file as UTF-8 and rejects that row alone (reason encoding), no mojibake', async () => {
    const data = rows(6, 23);
    for (const row of data) {
      row[2] = 'Lefèvre';
      row[3] = 'François';
    }
    const lines = [HEADER, ...data].map((cells) => cells.join(';'));
    const file = path.join(project, 'one-cp1252-row.csv');
    const bytes = lines.map((line, index) => (index === 4 ? iconv.encode(line, 'win1252') : Buffer.from(line, 'utf8')));
    await writeFile(file, Buffer.concat(bytes.flatMap((line) => [line, Buffer.from('\r\n')])));
    const result = await mergeLetters({ ...base, recipients: file, out: path.join(project, 'out-7') });
    expect(result.manifest.input.encoding).toBe('utf-8');
    expect(result.manifest).toMatchObject({ rows_read: 6, letters_written: 5, rows_rejected: 1, rejected_by_reason: { encoding: 1 } });
    expect(await readFile(result.rejectedFile, 'utf8')).toMatch(/^line,id,reason_code,reason\n5,,encoding,/);
    const text = (await readBatch(path.join(result.runDirectory, 'batch-0001.pdf'))).pages.map((page) => page.text).join('\n');
    expect(text).toContain('François Lefèvre');
    expect(text).not.toContain('Ã');
  });
});

describe('8. smaller: columns, paths, options, and refused runs', () => {
  const cli = path.join(REPOSITORY, 'test', 'letters', 'cli-harness.ts');
  const loader = () => pathToFileURL(path.join(REPOSITORY, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const livret = (args: string[]) =>
    run(process.execPath, ['--import', loader(), cli, 'merge', '--letter', TEMPLATE, '--department', '61', '--date', '2026-11-29', ...args], { cwd: project }).then(
      (output) => ({ code: 0, ...output }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it.each(['address_5', 'address_6', 'address_12'])('refuses a %s column (it would be dropped), naming line 1 and its column', async (column) => {
    const header = [...HEADER, column];
    const file = path.join(project, `${column}.csv`);
    await writeFile(file, [header, [...rows(1, 29)[0]!, 'BP 12']].map((cells) => cells.join(';')).join('\n') + '\n');
    const error = await mergeLetters({ ...base, recipients: file, out: path.join(project, 'out-8') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect((error as LivretError).format()).toBe(
      `${file}:1:13: la colonne ${column} ne serait pas imprimée : l'adresse tient en address_1 à address_4 ; regroupez ses lignes dans ces colonnes ou retirez ${column}`,
    );
  });

  it('--recipients naming a folder: exit 2, one line', async () => {
    await mkdir(path.join(project, 'a-folder'), { recursive: true });
    const result = await livret(['--recipients', 'a-folder']);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'livret: a-folder: --recipients doit nommer un fichier CSV, pas un dossier\n' });
  });

  it('--workers abc: exit 2, one line', async () => {
    await writeFile(path.join(project, 'w.csv'), [HEADER, ...rows(2, 31)].map((cells) => cells.join(';')).join('\n') + '\n');
    const result = await livret(['--recipients', 'w.csv', '--workers', 'abc', '--out', 'out-8w']);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'livret: --workers doit être un nombre entier, par exemple --workers 2 ; reçu "abc"\n' });
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29'])('--date %s (not a real day) is refused', async (date) => {
    const error = await mergeLetters({ ...base, date, out: path.join(project, 'out-8d') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect(await runFolders(path.join(project, 'out-8d'))).toEqual([]);
    expect((error as LivretError).message).toBe(`--date doit être une date réelle écrite AAAA-MM-JJ, par exemple 2026-11-29 ; reçu "${date}"`);
  });

  it('accepts 29 February in a leap year', async () => {
    await writeFile(path.join(project, 'leap.csv'), [HEADER, ...rows(1, 37)].map((cells) => cells.join(';')).join('\n') + '\n');
    const result = await mergeLetters({ ...base, recipients: path.join(project, 'leap.csv'), date: '2028-02-29', out: path.join(project, 'out-8l') });
    expect(result.manifest.letter_date).toBe('2028-02-29');
  });

  it('a run refused with exit 2 (unclosed quote on line 40) leaves no run folder', async () => {
    const lines = [HEADER, ...rows(60, 41)].map((cells) => cells.join(';'));
    lines[39] = lines[39]!.replace(';Madame;', ';"Madame;').replace(';Monsieur;', ';"Monsieur;');
    const file = path.join(project, 'unclosed.csv');
    await writeFile(file, lines.join('\n') + '\n');
    const out = path.join(project, 'out-8q');
    const error = await mergeLetters({ ...base, recipients: file, out }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect(await runFolders(out)).toEqual([]);
    expect((error as LivretError).format()).toBe(
      `${file}:40: un guillemet ouvert ici n'est jamais fermé : la fin de cet enregistrement est introuvable ; corrigez les guillemets de cet enregistrement (QUOTE_NOT_CLOSED)`,
    );
  });
});
