import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeLetters, type MergeResult } from '../../src/letters/merge.js';
import { readPdf, type PdfReadback } from '../../src/verify/read-pdf.js';
import { makeProject, removeProjects, TEMPLATE } from './helpers.js';
import { generateRows, toCsv, type GeneratedRow } from './recipients-generator.js';

/**
 * Stamped letters are tagged PDF/UA: each letter a Part of the structure tree
 * holding the static letter's structure and the stamped address, recipient
 * lines and code as paragraphs, the code with /ActualText of its digits.
 */
let project: string;
let rows: GeneratedRow[];
let result: MergeResult;
let batchFile: string;
let readback: PdfReadback;

beforeAll(async () => {
  project = await makeProject('tagged-letters');
  rows = generateRows(3);
  await writeFile(path.join(project, 'recipients.csv'), toCsv(rows));
  result = await mergeLetters({ projectRoot: project, letter: TEMPLATE, recipients: path.join(project, 'recipients.csv'), department: '61', date: '2026-11-29' });
  batchFile = path.join(result.runDirectory, result.manifest.batches[0]!.file);
  readback = await readPdf(new Uint8Array(await readFile(batchFile)));
});
afterAll(removeProjects);

const tool = (name: string) => spawnSync(name, ['-v']).error === undefined;
const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;

describe('stamped letters are tagged', () => {
  const codes = () => rows.map((row) => row.cells[11]!);

  it('one Part per letter: the address after the sender, the code as a P of its own, in reading order (pdfjs-dist)', () => {
    const structure = readback.structure!;
    expect(structure.contents.every((content) => content.roles.slice(0, 2).join('/') === 'Document/Part')).toBe(true);
    const paragraphs = structure.contents.filter((content) => content.roles.at(-1) === 'P').map((content) => content.text.replace(/\s+/g, ' ').trim());
    // pdfjs-dist reads the spaced-out digits of the drawn text as "5 7 7 2" (it ignores /ActualText): compared without spaces.
    expect(paragraphs.filter((text) => /^(\d ?){4}$/.test(text)).map((text) => text.replace(/ /g, ''))).toEqual(codes());
    const first = rows[0]!.cells;
    const address = paragraphs.findIndex((text) => text.startsWith(`${first[1]} ${first[3]} ${first[2]}`));
    const date = paragraphs.findIndex((text) => text.startsWith('Le 29 novembre 2026'));
    const code = paragraphs.findIndex((text) => text.replace(/ /g, '') === codes()[0]);
    expect(date).toBeGreaterThanOrEqual(0);
    expect(address).toBeGreaterThan(date);
    expect(code).toBeGreaterThan(address);
  });

  it('the code carries /ActualText of its digits, in the structure and on its marked content', async () => {
    const document = await PDFDocument.load(await readFile(batchFile), { updateMetadata: false });
    const actual: string[] = [];
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('P') && object.has(PDFName.of('ActualText'))) {
        actual.push((object.get(PDFName.of('ActualText')) as PDFHexString).decodeText());
      }
    }
    expect(actual.sort()).toEqual([...codes()].sort());
    expect(document.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr-FR)');
  });

  it.skipIf(!tool('pdfinfo'))('poppler (pdfinfo -struct-text, pdftotext): tagged, one Part per letter, the code read as "5772"', () => {
    expect(run('pdfinfo', [batchFile])).toMatch(/^Tagged:\s+yes$/m);
    const tree = run('pdfinfo', ['-struct-text', batchFile]);
    expect(tree.split('\n')[0]).toBe('Document');
    expect(tree.match(/^ {2}Part$/gm)?.length).toBe(result.manifest.letters_written);
    expect(tree).toMatch(/^ {4}H1 \(block\)$/m);
    for (const code of codes()) expect(tree).toContain(`    P (block)\n      "${code}"\n`);
    expect(run('pdftotext', [batchFile, '-'])).toContain(`\n${codes()[0]}\n`);
  });
});
