import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivretError } from '../../src/errors.js';
import { checkRecipients, mergeLetters, type RecipientsCheck } from '../../src/letters/merge.js';
import { rejectedLine } from '../../src/letters/rejected-csv.js';
import { makeProject, readBatch, removeProjects, TEMPLATE } from './helpers.js';
import { recipientsFile, type GeneratedFile } from './recipients-file-arbitrary.js';

/**
 * Property tests on generated recipients files (recipients-file-arbitrary.ts).
 * LIVRET_PROPERTY_RUNS=5000 npx vitest run test/letters/recipients-property.test.ts
 * runs more of them.
 */
const RUNS = Number(process.env.LIVRET_PROPERTY_RUNS ?? 300);
const COMPLETE_RUNS = Math.max(3, Math.floor(RUNS / 100));
const FOUR_DIGITS = /^\d{4}$/;

afterAll(removeProjects);

let project: string;
beforeAll(async () => {
  project = await makeProject('property');
});

/** A token of its own: not inside a longer number, id or hash. */
function containsToken(text: string, token: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`).test(text);
}

/**
 * Fixed text is not a cell, but may equal a 4-digit code by chance: the
 * encoding's name ("Windows-1252", code 1252) and, in JSON, numbers (a file of
 * 1,011 bytes holding the code 1011).
 */
function withoutFixedText(text: string): string {
  return text.replace(/windows-1252/gi, 'windows-cp').replace(/("[a-z_]+":\s*)\d+/g, '$10');
}

/** What may never be reported: every code, and every cell marker and id of a row that does not parse. */
function secrets(file: GeneratedFile): string[] {
  return file.rows.flatMap((row, index) => {
    const own = [row.code];
    if (row.kind === 'extra_cell' || row.kind === 'missing_cell' || row.kind === 'encoding') own.push(row.marker, `Mk${index}x`, `R${String(index).padStart(4, '0')}`);
    return own.filter((secret) => secret !== '');
  });
}

function checkFate(file: GeneratedFile, check: RecipientsCheck): void {
  expect(check.rowsRead).toBe(file.rows.length);
  expect(check.accepted.length + check.rejections.length).toBe(check.rowsRead);
  const fates = [
    ...check.accepted.map((letter) => ({ line: letter.line, id: letter.id, reason: undefined as string | undefined })),
    ...check.rejections.map((rejection) => ({ line: rejection.line, id: rejection.id, reason: rejection.reason as string | undefined })),
  ].sort((a, b) => a.line - b.line);
  expect(fates).toEqual(file.rows.map((row) => ({ line: row.line, id: row.id, reason: row.reason })));
  if (file.rows.length > 0) expect(check.facts.encoding).toBe(file.encoding);
  expect(check.facts).toMatchObject({ delimiter: file.delimiter, hasBom: file.bom, dataRows: file.rows.length });
}

describe('generated recipients files (validation, no PDF)', () => {
  it(`accounts for every record and reports no secret, on ${RUNS} files`, async () => {
    const target = path.join(project, 'generated.csv');
    await fc.assert(
      fc.asyncProperty(recipientsFile, async (file) => {
        await writeFile(target, file.bytes);
        const check = await checkRecipients(target, FOUR_DIGITS);
        checkFate(file, check);
        const reported = withoutFixedText(check.rejections.map(rejectedLine).join('') + JSON.stringify(check.facts)) + JSON.stringify(check.accepted.map((letter) => letter.id));
        for (const secret of secrets(file)) expect(containsToken(reported, secret), `${secret} reported`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a header that lacks a required column, on line 1', async () => {
    const target = path.join(project, 'no-column.csv');
    await fc.assert(
      fc.asyncProperty(recipientsFile, fc.constantFrom('id', 'last_name', 'first_name', 'address_1', 'postal_code', 'city', 'nir', 'code'), async (file, dropped) => {
        const text = file.bytes.toString('latin1');
        const bomLength = file.bom ? 3 : 0;
        const headerEnd = text.search(/\r|\n/);
        const header = file.header.map((name) => (name === dropped ? 'autre' : name)).join(file.delimiter);
        await writeFile(target, Buffer.concat([file.bytes.subarray(0, bomLength), Buffer.from(header, 'latin1'), file.bytes.subarray(headerEnd)]));
        const error = await checkRecipients(target, FOUR_DIGITS).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LivretError);
        expect((error as LivretError).location).toMatchObject({ line: 1 });
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });

  it('the checks themselves can fail: a code in a report is found', () => {
    expect(containsToken('3,,column_count,4821', '4821')).toBe(true);
    expect(containsToken('R04821', '4821')).toBe(false);
  });
});

describe('generated recipients files (complete runs with PDF)', () => {
  it(`every letter is its own row's, and no secret leaves the letters, on ${COMPLETE_RUNS} files`, async () => {
    let runNumber = 0;
    await fc.assert(
      fc.asyncProperty(
        recipientsFile.filter((file) => file.rows.some((row) => row.reason === undefined)),
        async (file) => {
          const recipients = path.join(project, `complete-${runNumber}.csv`);
          const out = path.join(project, `out-${runNumber++}`);
          await writeFile(recipients, file.bytes);
          const result = await mergeLetters({ projectRoot: project, letter: TEMPLATE, recipients, department: '61', date: '2026-11-29', batchSize: 7, workers: 0, out });
          const check = await checkRecipients(recipients, FOUR_DIGITS);
          checkFate(file, check);
          expect(result.manifest).toMatchObject({ rows_read: file.rows.length, letters_written: check.accepted.length, rows_rejected: check.rejections.length });
          expect(await readFile(result.rejectedFile, 'utf8')).toBe(`line,id,reason_code,reason\n${check.rejections.map(rejectedLine).join('')}`);

          const names = (await readdir(result.runDirectory)).sort();
          const reported = [names.join('\n')];
          for (const name of names) {
            if (name.endsWith('.pdf')) continue;
            const text = await readFile(path.join(result.runDirectory, name), 'utf8');
            reported.push(withoutFixedText(text));
          }
          for (const secret of secrets(file)) for (const text of reported) expect(containsToken(text, secret), `${secret} reported`).toBe(false);

          // Letter k is the k-th accepted row's: its code and its own marker, in its name.
          const letters = file.rows.filter((row) => row.reason === undefined);
          let letterIndex = 0;
          for (const batch of result.manifest.batches) {
            const pdf = await readBatch(path.join(result.runDirectory, batch.file));
            for (let page = 0; page < pdf.pages.length; page += result.manifest.pages_per_letter) {
              const row = letters[letterIndex++]!;
              const text = pdf.pages[page]!.text;
              expect(text.replace(/\s/g, '')).toContain(row.code);
              expect(text).toContain(row.marker);
            }
          }
          expect(letterIndex).toBe(letters.length);
        },
      ),
      { numRuns: COMPLETE_RUNS },
    );
  });
});
