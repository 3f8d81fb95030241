import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { departmentSchema } from '../../src/content/department-schema.js';
import { decodedFont } from '../../src/fonts/fonts.js';
import { ByteSink } from '../../src/letters/appended-objects.js';
import { frenchDate, layOutStaticLetter } from '../../src/letters/layout.js';
import type { StaticLetter } from '../../src/letters/letter-model.js';
import { stampBatch, type LetterToPrint } from '../../src/letters/stamp.js';
import { parseLetterTemplate } from '../../src/letters/template.js';
import { REPOSITORY, TEMPLATE } from './helpers.js';

/**
 * The stamper writes each letter's objects (pages, stamped content, structure
 * elements) as PDF text after pdf-lib's shared objects, with its own
 * cross-reference table. These tests read that table back byte by byte, on a
 * letter of two pages so that structure elements point across pages.
 */
const date = new Date(Date.UTC(2026, 10, 29));
let twoPageLetter: StaticLetter;
let batch: Buffer;
const letters: LetterToPrint[] = Array.from({ length: 5 }, (_, index) => ({
  addressLines: [`Madame Camille Martin ${index}`, `${index + 1} rue des Lilas`, '61000 ALENÇON'],
  code: String(4821 + index),
  recipient: { greetingName: `Madame Martin ${index}`, firstName: 'Camille', lastName: 'Martin', civility: 'Madame' },
}));

beforeAll(async () => {
  const source = await readFile(TEMPLATE, 'utf8');
  // The reference letter with a second page: `***` starts the back of the sheet.
  const template = parseLetterTemplate(`${source.trimEnd()}\n\n***\n\n# Au dos\n\nVotre page deux, {{destinataire.nom}}.\n`, TEMPLATE);
  const department = departmentSchema.parse(parse(await readFile(path.join(REPOSITORY, 'test/fixtures/letters/department-61.yaml'), 'utf8')));
  twoPageLetter = await layOutStaticLetter(template, { department, dateText: frenchDate(date) }, date);
  const options = { staticLetter: twoPageLetter, regularFont: decodedFont(400), boldFont: decodedFont(700), date };
  batch = Buffer.from(await stampBatch(options, letters));
});

/** Every in-use entry of the last cross-reference table: object number and byte offset. */
function crossReference(pdf: Buffer): Array<[number, number]> {
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.subarray(-64).toString('latin1'))![1]);
  const section = pdf.subarray(start).toString('latin1');
  const lines = section.slice(0, section.indexOf('trailer')).split('\n').slice(1).filter(Boolean);
  const [first, count] = lines[0]!.split(' ').map(Number) as [number, number];
  expect(lines.length - 1).toBe(count);
  return lines.slice(1).flatMap((line, index) => (line.endsWith('n ') ? [[first + index, Number(line.slice(0, 10))] as [number, number]] : []));
}

describe('the batch file written after pdf-lib', () => {
  it('has one cross-reference table whose every entry points at its own object', () => {
    const entries = crossReference(batch);
    expect(entries.length).toBeGreaterThan(letters.length * 40);
    for (const [number, offset] of entries) expect(batch.subarray(offset, offset + 12).toString('latin1')).toMatch(new RegExp(`^${number} 0 obj\\n`));
    expect(batch.toString('latin1')).toMatch(/trailer\n<<[^]*\/Size (\d+)[^]*>>\nstartxref\n\d+\n%%EOF\n$/);
    const size = Number(/\/Size (\d+)/.exec(batch.subarray(-400).toString('latin1'))![1]);
    expect(size).toBe(Math.max(...entries.map(([number]) => number)) + 1);
  });

  it.skipIf(spawnSync('qpdf', ['--version']).error !== undefined)('passes qpdf --check without a warning', async () => {
    const file = path.join(tmpdir(), `livret-two-page-batch-${process.pid}.pdf`);
    await writeFile(file, batch);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('No syntax or stream encoding errors');
  });

  it.skipIf(spawnSync('pdfinfo', ['-v']).error !== undefined)('two pages per letter, each letter one Part reading its own name on page two (poppler)', async () => {
    expect(twoPageLetter.pageCount).toBe(2);
    const file = path.join(tmpdir(), `livret-two-page-batch-${process.pid}.pdf`);
    await writeFile(file, batch);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Pages:\s+10$/m);
    const tree = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }).stdout;
    const parts = tree.split(/^ {2}Part$/m).slice(1);
    expect(parts).toHaveLength(letters.length);
    parts.forEach((part, index) => {
      expect(part).toContain(`"${letters[index]!.code}"`);
      expect(part.replace(/"\n\s*"/g, '')).toContain(`Votre page deux, Madame Martin ${index}.`);
    });
  });
});

describe('ByteSink', () => {
  it('writes an integer as String(n).padStart(width, "0"), for any n and width', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { maxLength: 50 }), (values) => {
        const sink = new ByteSink(4);
        for (const [value, width] of values) sink.integer(value, width);
        expect(Buffer.from(sink.view()).toString('latin1')).toBe(values.map(([value, width]) => String(value).padStart(width, '0')).join(''));
      }),
    );
  });
});
