import { beforeAll, describe, expect, it } from 'vitest';
import { buildBooklet, type BuildResult } from '../../src/pipeline.js';
import { saddleStitchSheets } from '../../src/print/saddle-stitch.js';
import { normaliseForSearch, readPdf, type PdfReadback } from '../../src/verify/read-pdf.js';
import { REPO_ROOT } from '../helpers/project.js';
import { MAP_START_ID, mapFacesItsLegend } from '../../src/layout/block-layouts.js';
import { printedTextSize } from '../../src/rules/pdf/picture-text-size.js';
import { pageNumbersOnSide } from './synthetic-booklet.js';

/**
 * The reference booklet (CPAM de l'Orne) as a saddle-stitched A5 booklet:
 * what an agency prints on its office printer, duplex, short-edge flip.
 */
let result: BuildResult;
let sheets: PdfReadback;

beforeAll(async () => {
  result = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', format: 'a5-booklet', write: false, checks: 'content-loss' });
  sheets = await readPdf(result.files.find((file) => file.kind === 'imposed')!.pdf);
});

describe('legible pictures in A5', () => {
  it('every framed part with text prints it at 14 pt or more, though the whole screens are smaller than in A4', () => {
    const withText = result.pictures.filter((picture) => picture.text.textPixels !== null);
    expect(withText.length).toBeGreaterThanOrEqual(25);
    expect(withText.filter((picture) => printedTextSize(picture.text)! < 14).map((picture) => `${picture.picture} ${picture.index}`)).toEqual([]);
  });
});

describe('the map and its legend, apart in A5, face each other', () => {
  it('the map starts a left-hand (even) page and its legend is on the right-hand page after it', async () => {
    const pages = await readPdf(result.pdf);
    const mapPage = pages.pages.findIndex((page) => page.text.includes('Carte des agences sur le territoire')) + 1;
    const legendPage = pages.pages.findIndex((page) => page.text.includes('Le siège de la CPAM est à Alençon.')) + 1;
    expect(mapPage % 2).toBe(0);
    expect(legendPage).toBe(mapPage + 1);
  });

  it('a map that would start a right-hand page goes to the next one; no other node is ever moved', () => {
    expect(mapFacesItsLegend({ id: MAP_START_ID, startPosition: { pageNumber: 39 } })).toBe(true);
    expect(mapFacesItsLegend({ id: MAP_START_ID, startPosition: { pageNumber: 40 } })).toBe(false);
    expect(mapFacesItsLegend({ id: 'chapitre-08-agences', startPosition: { pageNumber: 39 } })).toBe(false);
    expect(mapFacesItsLegend({ startPosition: { pageNumber: 39 } })).toBe(false);
  });
});

describe('the reference booklet, imposed for saddle stitching', () => {
  it('keeps the whole cover on page 1 of the A5 pages (nothing spills onto the contents page)', async () => {
    const pages = await readPdf(result.pdf);
    expect(normaliseForSearch(pages.pages[0]!.text)).toContain('Ce livret est écrit en Français facile.');
    expect(normaliseForSearch(pages.pages[1]!.text)).toMatch(/^Sommaire/);
  });

  it('has a multiple of 4 A5 pages, on pages / 4 sheets of A4 landscape', () => {
    expect(result.pageCount % 4).toBe(0);
    expect(sheets.pageCount / 2).toBe(result.pageCount / 4);
    expect(sheets.pages.every((side) => Math.abs(side.width - 841.89) < 0.1 && Math.abs(side.height - 595.28) < 0.1)).toBe(true);
  });

  it('ends with the back cover (the contact page), blank pages only before it', async () => {
    const pages = await readPdf(result.pdf);
    const last = pages.pages[pages.pageCount - 1]!;
    expect(last.text).toContain('Nous contacter');
  });

  it('puts the pages on the sheets in saddle-stitch order, read back from their page numbers', () => {
    const count = result.pageCount;
    const expected = saddleStitchSheets(count).flatMap((sheet) => [sheet.front, sheet.back]);
    const read = sheets.pages.map(pageNumbersOnSide);
    // Sheet 1 front: the back cover on the left, the cover (no number, its title instead) on the right.
    expect(read[0]).toEqual({ left: [count], right: [] });
    expect(sheets.pages[0]!.runs.some((run) => run.text.startsWith('Bienvenue') && run.x > 841.89 / 2)).toBe(true);
    // Sheet 1 back: page 2 on the left, the second-to-last page on the right.
    expect(read[1]).toEqual({ left: [2], right: [count - 1] });
    read.slice(1).forEach((side, index) => {
      const wanted = expected[index + 1]!;
      expect(side).toEqual({ left: [wanted.left], right: [wanted.right] });
    });
  });
});
