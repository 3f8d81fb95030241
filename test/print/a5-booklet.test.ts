import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBooklet, type BuildResult, type OutputFile } from '../../src/pipeline.js';
import { saddleStitchSheets } from '../../src/print/saddle-stitch.js';
import { MM } from '../../src/print/units.js';
import { normaliseForSearch, readPdf, type PdfReadback } from '../../src/verify/read-pdf.js';
import { makeProject } from '../helpers/project.js';
import { pageNumbersOnSide } from './synthetic-booklet.js';

/**
 * A printed A5 booklet built from a small project: chapters of different
 * lengths and a contact page as the back cover, so that padding is needed.
 */
function chapterFiles(lengths: number[], lastIsContact: boolean): Record<string, string> {
  const names = lengths.map((_, index) => `c${index + 1}.md`);
  const files: Record<string, string> = { 'content/mini/booklet.yaml': `title: "Livret de test"\nchapters: [${names.join(', ')}]\n` };
  lengths.forEach((length, index) => {
    const sentences = Array.from({ length }, (_, line) => `Phrase ${line + 1} du chapitre ${index + 1}.\nElle parle de la CPAM.\n`);
    files[`content/mini/${names[index]}`] = `# Chapitre ${index + 1}\n\n${sentences.join('\n')}`;
  });
  if (lastIsContact) files[`content/mini/${names[names.length - 1]}`] = '# Nous contacter\n\n::contact\n';
  return files;
}

const file = (result: BuildResult, kind: OutputFile['kind']) => result.files.find((candidate) => candidate.kind === kind)!;
const footer = (page: number, count: number) => `Page ${page} sur ${count}`;

describe('an A5 booklet for saddle stitching', () => {
  let projectRoot: string;
  let result: BuildResult;
  let pages: PdfReadback;
  let sheets: PdfReadback;

  beforeAll(async () => {
    projectRoot = await makeProject(chapterFiles([6, 9, 12, 15, 1], true));
    result = await buildBooklet({ projectRoot, format: 'a5-booklet', bleed: 3 * MM, cropMarks: true, checks: 'content-loss' });
    pages = await readPdf(result.pdf);
    sheets = await readPdf(file(result, 'imposed').pdf);
  });

  it('writes the imposed file, the A5 pages for the screen and the print-shop pages', () => {
    const folder = path.join(projectRoot, 'out', '61');
    expect(result.outputPath).toBe(path.join(folder, 'mini-a5-booklet.pdf'));
    expect(result.files.map((written) => [written.kind, path.basename(written.path)])).toEqual([
      ['pages', 'mini-a5.pdf'],
      ['imposed', 'mini-a5-booklet.pdf'],
      ['print', 'mini-a5-print.pdf'],
    ]);
    for (const written of result.files) expect(existsSync(written.path)).toBe(true);
  });

  it('lays the pages out at A5 with the same type sizes: 16 pt body, nothing under 14 pt', () => {
    for (const page of pages.pages) {
      expect(page.width).toBeCloseTo(419.53, 1);
      expect(page.height).toBeCloseTo(595.28, 1);
    }
    const runs = pages.pages.flatMap((page) => page.runs).filter((run) => run.text.trim() !== '');
    expect(runs.filter((run) => run.fontSize < 14)).toEqual([]);
    expect(runs.filter((run) => run.text.startsWith('Phrase')).every((run) => run.fontSize === 16)).toBe(true);
  });

  it('pads to a multiple of 4 with "Mes notes" pages (ruled, no blank side) just before the back cover', () => {
    const count = pages.pageCount;
    expect(count % 4).toBe(0);
    const last = pages.pages[count - 1]!;
    expect(normaliseForSearch(last.text)).toContain('Nous contacter');
    const lastChapterPage = Math.max(...pages.pages.filter((page) => page.text.includes('Phrase')).map((page) => page.page));
    const blanks = pages.pages.slice(lastChapterPage, count - 1);
    // The unpadded layout ends 1 to 3 pages short of a multiple of 4 here; the test project is made so.
    expect(blanks.length).toBeGreaterThan(0);
    for (const blank of blanks) expect(normaliseForSearch(blank.text)).toBe(`Mes notes ${footer(blank.page, count)}`);
  });

  it('imposes pages / 4 sheets of A4 landscape, read back in saddle-stitch order', () => {
    const count = pages.pageCount;
    expect(sheets.pageCount).toBe((count / 4) * 2);
    for (const side of sheets.pages) {
      expect(side.width).toBeCloseTo(841.89, 1);
      expect(side.height).toBeCloseTo(595.28, 1);
    }
    const expected = saddleStitchSheets(count).flatMap((sheet) => [sheet.front, sheet.back]);
    sheets.pages.forEach((side, index) => {
      const read = pageNumbersOnSide(side);
      const wanted = expected[index]!;
      // The cover (page 1) carries no number: it is known by its title, on the right of the first side.
      expect(read.left).toEqual(wanted.left === 1 ? [] : [wanted.left]);
      expect(read.right).toEqual(wanted.right === 1 ? [] : [wanted.right]);
    });
    const title = sheets.pages[0]!.runs.find((run) => run.text.startsWith('Livret'))!;
    expect(title.x).toBeGreaterThan(841.89 / 2);
    expect(pageNumbersOnSide(sheets.pages[0]!).left).toEqual([count]);
    expect(pageNumbersOnSide(sheets.pages[1]!)).toEqual({ left: [2], right: [count - 1] });
  });

  it('gives the print-shop file a TrimBox of A5 and a BleedBox 3 mm around it', async () => {
    const print = await PDFDocument.load(file(result, 'print').pdf, { updateMetadata: false });
    expect(print.getPageCount()).toBe(pages.pageCount);
    for (const page of print.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      expect(trim.width).toBeCloseTo(419.53, 1);
      expect(trim.height).toBeCloseTo(595.28, 1);
      expect(trim.x - bleed.x).toBeCloseTo(3 * MM, 2);
      expect(bleed.width - trim.width).toBeCloseTo(6 * MM, 2);
      expect(page.getMediaBox().width).toBeGreaterThan(bleed.width);
    }
  });
});

describe('padding when the back cover is an ordinary chapter', () => {
  it('still puts the padding pages before the last chapter, which starts on a page of its own', async () => {
    // Unpadded, chapter 4 would follow chapter 3 on page 7 of 7.
    const projectRoot = await makeProject(chapterFiles([6, 9, 5, 3], false));
    const result = await buildBooklet({ projectRoot, format: 'a5-booklet', write: false, checks: 'content-loss' });
    const readback = await readPdf(result.pdf);
    expect(readback.pageCount).toBe(8);
    const chapters = readback.pages.map((page) => [...new Set([...page.text.matchAll(/du chapitre (\d)/g)].map((match) => match[1]))].join(''));
    expect(chapters.slice(-3)).toEqual(['3', '', '4']);
    expect(normaliseForSearch(readback.pages[6]!.text)).toBe(`Mes notes ${footer(7, 8)}`);
  });
});

describe('reproducible output', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('gives the same bytes for A4, A5, imposed and print-shop files when built twice with SOURCE_DATE_EPOCH', async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    const projectRoot = await makeProject(chapterFiles([6, 9, 2], true));
    const builds = async () => [
      ...(await buildBooklet({ projectRoot, format: 'a4', bleed: 3 * MM, cropMarks: true, checks: 'content-loss' })).files,
      ...(await buildBooklet({ projectRoot, format: 'a5-booklet', bleed: 3 * MM, cropMarks: true, checks: 'content-loss' })).files,
    ];
    const first = await builds();
    const firstBytes = await Promise.all(first.map((written) => readFile(written.path)));
    const second = await builds();
    expect(second.map((written) => path.basename(written.path))).toEqual(['mini-a4.pdf', 'mini-a4-print.pdf', 'mini-a5.pdf', 'mini-a5-booklet.pdf', 'mini-a5-print.pdf']);
    second.forEach((written, index) => {
      expect(Buffer.from(written.pdf).equals(firstBytes[index]!), path.basename(written.path)).toBe(true);
    });
    for (const written of second) {
      const document = await PDFDocument.load(written.pdf, { updateMetadata: false });
      expect(document.getCreationDate()?.toISOString(), path.basename(written.path)).toBe('2026-01-01T00:00:00.000Z');
    }
  });
});
