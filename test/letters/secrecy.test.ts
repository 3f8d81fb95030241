import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, readBatch, REPOSITORY, TEMPLATE } from './helpers.js';
import { generateRows, toCsv, type GeneratedRow } from './recipients-generator.js';

afterAll(removeProjects);

const run = promisify(execFile);

/** A code appears as a token of its own (not inside a longer number, an id or a hash). */
function containsCode(text: string, code: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(text);
}

/** Every code in the file (rows with a missing code cell have none). */
function allCodes(rows: GeneratedRow[]): string[] {
  return rows.map((row) => row.cells[11] ?? '').filter((code) => code.length > 0);
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the code never leaves the letter', () => {
  let project: string;
  let rows: GeneratedRow[];
  let stdout: string;
  let stderr: string;

  beforeAll(async () => {
    project = await makeProject('secrecy');
    rows = generateRows(240, 24, 99);
    await writeFile(path.join(project, 'recipients.csv'), toCsv(rows));
    const cli = path.join(REPOSITORY, 'test', 'letters', 'cli-harness.ts');
    const output = await run(
      process.execPath,
      ['--import', pathToFileURL(path.join(REPOSITORY, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, cli, 'merge', '--letter', TEMPLATE, '--recipients', 'recipients.csv', '--department', '61', '--batch-size', '100', '--date', '2026-11-29'],
      { cwd: project, env: { ...process.env, FORCE_COLOR: '0' } },
    );
    stdout = output.stdout;
    stderr = output.stderr;
  });

  it('prints counts and paths on stdout, nothing on stderr', () => {
    expect(stdout).toMatch(/216 courriers dans 3 fichiers, 24 lignes refusées \(rejected\.csv\), 240 lignes lues/);
    expect(stderr).toBe('');
  });

  it('finds no code in stdout, stderr, file names, the manifest, run.json or rejected.csv', async () => {
    const files = await listFiles(path.join(project, 'out'));
    expect(files.map((file) => path.basename(file)).sort()).toEqual(['batch-0001.pdf', 'batch-0001.pdf.sha256', 'batch-0002.pdf', 'batch-0002.pdf.sha256', 'batch-0003.pdf', 'batch-0003.pdf.sha256', 'manifest.json', 'rejected.csv', 'run.json']);
    const notLetters = await Promise.all(files.filter((file) => !file.endsWith('.pdf')).map((file) => readFile(file, 'utf8')));
    const haystacks = [stdout, stderr, files.join('\n'), ...notLetters];
    const codes = allCodes(rows);
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) for (const haystack of haystacks) expect(containsCode(haystack, code), `code ${code} found`).toBe(false);
    // The check itself can find a code.
    expect(containsCode(`id,${codes[0]},x`, codes[0]!)).toBe(true);
  });

  it('keeps codes out of the PDF metadata and prints no code of a rejected row', async () => {
    const folder = path.dirname((await listFiles(path.join(project, 'out'))).find((file) => file.endsWith('manifest.json'))!);
    const rejectedCodes = rows.filter((row) => row.expected && row.expected !== 'duplicate_id' && row.expected !== 'duplicate_nir').map((row) => row.cells[11] ?? '');
    let allText = '';
    for (const name of ['batch-0001.pdf', 'batch-0002.pdf', 'batch-0003.pdf']) {
      const bytes = await readFile(path.join(folder, name));
      const document = await PDFDocument.load(bytes, { updateMetadata: false });
      const metadata = [document.getTitle(), document.getAuthor(), document.getSubject(), document.getKeywords(), document.getCreator(), document.getProducer()].join('|');
      for (const code of allCodes(rows)) expect(containsCode(metadata, code)).toBe(false);
      allText += (await readBatch(path.join(folder, name))).pages.map((page) => page.text.replace(/\s/g, '')).join('\n');
    }
    // A rejected row's code (other than a duplicate's, which may equal a printed one by chance) is printed nowhere.
    const printedCodes = new Set(rows.filter((row) => !row.expected).map((row) => row.cells[11]));
    for (const code of rejectedCodes) if (code && !printedCodes.has(code) && /^\d{4}$/.test(code)) expect(allText.includes(code)).toBe(false);
  });

  it('exits with 2 and one line naming the file (and line) for bad input', async () => {
    const cli = path.join(REPOSITORY, 'test', 'letters', 'cli-harness.ts');
    const loader = pathToFileURL(path.join(REPOSITORY, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const failure = await run(process.execPath, ['--import', loader, cli, 'merge', '--letter', TEMPLATE, '--recipients', 'recipients.csv', '--department', '62'], { cwd: project }).catch(
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect((failure as { stderr: string }).stderr).toBe('livret: content/departments/62.yaml: pas de fichier de département pour « 62 » : créez-le avec `livret init-department 62`, ou vérifiez le code\n');
    await writeFile(path.join(project, 'no-header.csv'), 'A1;Dupont;Claire\n');
    const badHeader = await run(process.execPath, ['--import', loader, cli, 'merge', '--letter', TEMPLATE, '--recipients', 'no-header.csv', '--department', '61'], { cwd: project }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(badHeader).toMatchObject({ code: 2 });
    expect((badHeader as { stderr: string }).stderr).toMatch(/^livret: no-header\.csv:1: the header lacks the columns id, last_name/);
  });
});
