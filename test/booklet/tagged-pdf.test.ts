import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBooklet, type BuildResult } from '../../src/pipeline.js';
import { taggedPdf } from '../../src/rules/pdf/tagged-pdf.js';
import { layoutFactsFor } from '../../src/check/check-pdf.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/**
 * The reference booklet as a screen reader gets it: a tagged PDF/UA-1 whose
 * structure follows the model, read back by livret's own rule (pdfjs-dist) and
 * by an independent reader, poppler's `pdfinfo -struct-text`.
 */
let a4: BuildResult;
let a5: BuildResult;

beforeAll(async () => {
  a4 = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', write: false, checks: 'content-loss' });
  // The A5 pages in gray with a print-shop file: three more kinds of booklet PDF in one build.
  a5 = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', format: 'a5-booklet', grayscale: true, bleed: 8.5, cropMarks: true, write: false, checks: 'content-loss' });
});

const pdfinfoMissing = spawnSync('pdfinfo', ['-v']).error !== undefined;

async function pdfinfo(pdf: Uint8Array, ...args: string[]): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'livret-tagged-')), 'booklet.pdf');
  await writeFile(file, pdf);
  const run = spawnSync('pdfinfo', [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

function booklets(): Array<[string, Uint8Array]> {
  const print = a5.files.find((file) => file.kind === 'print');
  if (!print) throw new Error('no print-shop file');
  return [
    ['A4', a4.pdf],
    ['A5 gray', a5.pdf],
    ['A5 print-shop', print.pdf],
  ];
}

async function catalogFacts(pdf: Uint8Array) {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const catalog = document.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const viewer = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8') : '';
  const fontsWithoutToUnicode: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType2') || subtype === PDFName.of('CIDFontType0')) continue;
    if (!object.has(PDFName.of('ToUnicode'))) fontsWithoutToUnicode.push(String(object.get(PDFName.of('BaseFont'))));
  }
  return {
    lang: catalog.lookup(PDFName.of('Lang'))?.toString(),
    marked: markInfo?.get(PDFName.of('Marked')) === PDFBool.True,
    structTree: catalog.get(PDFName.of('StructTreeRoot')) instanceof PDFRef,
    displayDocTitle: viewer?.get(PDFName.of('DisplayDocTitle')) === PDFBool.True,
    outlines: catalog.has(PDFName.of('Outlines')),
    xmp,
    fontsWithoutToUnicode,
    pagesWithTabs: document.getPages().filter((page) => page.node.get(PDFName.of('Tabs')) === PDFName.of('S')).length,
    pageCount: document.getPageCount(),
  };
}

describe('every booklet PDF is tagged PDF/UA-1', () => {
  it('A4, A5 in gray and the print-shop file: /Lang, MarkInfo, structure, DisplayDocTitle, XMP title and PDF/UA id, ToUnicode, bookmarks', async () => {
    for (const [name, pdf] of booklets()) {
      const facts = await catalogFacts(pdf);
      expect({ name, ...facts, xmp: undefined }).toEqual({
        name,
        lang: '(fr-FR)',
        marked: true,
        structTree: true,
        displayDocTitle: true,
        outlines: true,
        xmp: undefined,
        fontsWithoutToUnicode: [],
        pagesWithTabs: facts.pageCount,
        pageCount: facts.pageCount,
      });
      expect(facts.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(facts.xmp).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Bienvenue à la CPAM de l'Orne<\/rdf:li>/);
    }
  });

  it('the tagged-pdf rule finds nothing in the booklets', async () => {
    for (const [name, pdf] of booklets()) {
      const readback = await readPdf(pdf);
      const result = name === 'A4' ? a4 : a5;
      const findings = await taggedPdf.check({ readback, pdfPath: name, format: result.format, pageCount: readback.pageCount, sentences: result.sentences, layout: layoutFactsFor(result.format) }, {});
      expect({ name, findings }).toEqual({ name, findings: [] });
      // every screenshot is a Figure with its alt, in source order
      const alts = result.booklet.chapters.flatMap((chapter) =>
        chapter.blocks.flatMap((block) => (block.kind === 'steps' ? block.steps.flatMap((step) => step.screenshots) : block.kind === 'screenshot' ? [block.screenshot] : block.kind === 'agencies' && block.map ? [block.map] : [])).map((shot) => shot.alt),
      );
      expect(alts.length).toBeGreaterThan(0);
      const figures = readback.structure!.figures.map((figure) => figure.alt);
      expect(figures.filter((alt, index) => alt !== figures[index - 1])).toEqual(alts);
    }
  });

  it('every Figure has its Layout BBox on its page; every link says where it goes in /Contents (PDF/UA-1 7.18.5)', async () => {
    for (const [name, pdf] of booklets()) {
      const document = await PDFDocument.load(pdf, { updateMetadata: false });
      const pages = document.getPages();
      const pageOf = new Map(pages.map((page, index) => [page.ref, index]));
      let figures = 0;
      const descriptions: string[] = [];
      for (const [, object] of document.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFDict)) continue;
        if (object.get(PDFName.of('S')) === PDFName.of('Figure')) {
          figures++;
          const attributes = object.lookup(PDFName.of('A'), PDFDict);
          expect(attributes.get(PDFName.of('O'))).toBe(PDFName.of('Layout'));
          const [x1, y1, x2, y2] = attributes.lookup(PDFName.of('BBox'), PDFArray).asArray().map((value) => (value as PDFNumber).asNumber()) as [number, number, number, number];
          const page = pages[pageOf.get(object.get(PDFName.of('Pg')) as PDFRef) ?? -1];
          expect({ name, page: page !== undefined }).toEqual({ name, page: true });
          const { width, height } = page!.getSize();
          expect({ name, inside: x1 >= 0 && y1 >= 0 && x2 <= width && y2 <= height }).toEqual({ name, inside: true });
          // At least 2 cm on each side: a picture, not a stray point.
          expect(Math.min(x2 - x1, y2 - y1)).toBeGreaterThan(56);
        }
        if (object.get(PDFName.of('Subtype')) === PDFName.of('Link')) {
          // In the structure tree: its Link element is found through the parent tree.
          expect({ name, structParent: object.has(PDFName.of('StructParent')) }).toEqual({ name, structParent: true });
          const contents = object.lookup(PDFName.of('Contents'));
          descriptions.push(contents instanceof PDFString || contents instanceof PDFHexString ? contents.decodeText() : '');
        }
      }
      expect(figures).toBeGreaterThan(0);
      expect(descriptions.length).toBeGreaterThan(0);
      expect({ name, empty: descriptions.filter((text) => text.trim() === '') }).toEqual({ name, empty: [] });
      // The contents' page numbers are read as "page 3", never pdfmake's placeholder "00000".
      const pageLinks = descriptions.filter((text) => /^page /.test(text));
      expect(pageLinks.length).toBeGreaterThan(0);
      for (const text of pageLinks) expect(Number(/^page (\d+)$/.exec(text)?.[1])).toBeGreaterThan(1);
      expect(descriptions).toContain('Bienvenue');
    }
  });

  it('page numbers and the example mark are Artifacts: read as page text, never in the tree', async () => {
    const readback = await readPdf(a4.pdf);
    expect(readback.structure!.artifactText.filter(({ text }) => /^Page \d+ sur \d+$/.test(text.trim())).length).toBe(a4.pageCount - 1);
    expect(readback.structure!.contents.filter(({ text }) => /Page \d+ sur/.test(text))).toEqual([]);
  });

  it('the imposed A5 sheets are for the printer and not tagged (README says so)', async () => {
    const imposed = a5.files.find((file) => file.kind === 'imposed')!;
    expect((await catalogFacts(imposed.pdf)).marked).toBe(false);
  });
});

describe.skipIf(pdfinfoMissing)('the structure as poppler reads it (pdfinfo -struct-text; skipped when poppler-utils is missing)', () => {
  let tree: string;
  beforeAll(async () => {
    tree = await pdfinfo(a4.pdf, '-struct-text');
  });

  it('pdfinfo says Tagged: yes', async () => {
    expect(await pdfinfo(a4.pdf)).toMatch(/^Tagged:\s+yes$/m);
  });

  it('Document → cover, contents, one Sect per chapter with its H1 title, in source order', () => {
    const lines = tree.split('\n');
    expect(lines[0]).toBe('Document');
    const sections = lines.filter((line) => line === '  Sect').length;
    expect(sections).toBe(a4.booklet.chapters.length + 2);
    // An H1's text: its quoted lines (one per printed line), joined.
    const textAfter = (index: number) => {
      const quoted: string[] = [];
      for (let next = index + 1; lines[next]?.trim().startsWith('"'); next++) quoted.push(lines[next]!.trim().slice(1, -1));
      return quoted.join('').replace(/\u00a0/g, ' ');
    };
    const titles = lines.flatMap((line, index) => (line.startsWith('    H1') ? [textAfter(index)] : []));
    expect(titles.slice(1)).toEqual(['Sommaire', ...a4.booklet.chapters.map((chapter) => chapter.title.text)]);
  });

  it('the contents are a TOC of TOCI entries with their links, one per chapter', () => {
    expect(tree.match(/^ {6}TOCI$/gm)?.length).toBe(a4.booklet.chapters.length);
    expect(tree).toMatch(/TOCI\n\s+Reference \(inline\)\n\s+Link \(inline\)\n\s+"Bienvenue"\n\s+Object \d+ 0/);
  });

  it('steps are L / LI with the number as Lbl and the text as LBody; bullets are L / LI / LBody', () => {
    expect(tree).toMatch(/L \(block\)\n\s+LI \(block\)\n\s+Lbl \(block\)\n\s+"1"\n\s+LBody \(block\)\n\s+P \(block\)/);
    expect(tree).toMatch(/LI \(block\)\n\s+LBody \(block\)\n\s+P \(block\)\n\s+"Les personnes en situation de handicap\."/);
  });

  it('no page number in the tree; no empty text but the pictures of Figures', () => {
    expect(tree).not.toMatch(/Page \d+ sur \d+/);
    const lines = tree.split('\n');
    // poppler prints a Figure's layout attributes (/Placement, /BBox) between its name and its text.
    const elementAbove = (index: number) => lines.slice(0, index).reverse().find((line) => !line.trim().startsWith('/'))?.trim();
    expect(lines.filter((line, index) => /^\s+""$/.test(line) && !['Figure', 'Figure:'].includes(elementAbove(index) ?? ''))).toEqual([]);
  });
});

describe.skipIf(pdfinfoMissing)('tables in the structure (a small project; pdfinfo -struct-text)', () => {
  it('the weekly hours and a Markdown table: Table → TR → TH / TD, the header row as TH', async () => {
    const chapter = [
      '# Nos horaires',
      '',
      'Voici les horaires de l’agence.',
      '',
      '::agencies{hours=table}',
      '',
      '| Jour | Horaires |',
      '| --- | --- |',
      '| Lundi | Matin |',
      '',
    ].join('\n');
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter });
    const result = await buildBooklet({ projectRoot, department: '61', write: false, checks: 'content-loss' });
    const tree = await pdfinfo(result.pdf, '-struct-text');
    // Each cell holds its sentence as a P; header cells carry their scope (a row's day, a column's title).
    expect(tree).toMatch(/Table \(block\)\n {6}TR\n {8}TH:\n {11}\/Scope \/Row\n {10}P \(block\)\n {12}"Lundi"\n {8}TD\n {10}P \(block\)\n {12}"8h30[\u00a0 ]à[\u00a0 ]17h00"/);
    expect(tree).toMatch(/Table \(block\)\n {6}TR\n {8}TH:\n {11}\/Scope \/Column\n {10}P \(block\)\n {12}"Jour"\n {8}TH:\n {11}\/Scope \/Column\n {10}P \(block\)\n {12}"Horaires"\n {6}TR\n {8}TD\n {10}P \(block\)\n {12}"Lundi"\n {8}TD\n {10}P \(block\)\n {12}"Matin"/);
    const readback = await readPdf(result.pdf);
    const findings = await taggedPdf.check({ readback, pdfPath: 'mini.pdf', format: 'a4', pageCount: readback.pageCount, sentences: result.sentences, layout: layoutFactsFor('a4') }, {});
    expect(findings).toEqual([]);
  });
});
