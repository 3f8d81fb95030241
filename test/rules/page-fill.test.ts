import { beforeAll, describe, expect, it } from 'vitest';
import { MM } from '../../src/geometry/units.js';
import type { DrawnExtent, PageGeometry } from '../../src/render/pdf-structure.js';
import { BLOCK_MARGINS, pageFillFindings } from '../../src/rules/pdf/page-fill.js';
import { buildBooklet, type BuildResult } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/project.js';

/** A4 margins of the layout: 18 mm left, top, right; 22 mm bottom. */
const MARGINS: [number, number, number, number] = [18 * MM, 18 * MM, 18 * MM, 22 * MM];
const HEIGHT = 841.89;
const TOP = 18 * MM;

/** A drawn line or picture of chapter `chapter` ('none': outside every chapter). */
const line = (top: number, bottom: number, chapter: number | 'none' = 0, keptWithNext = false): DrawnExtent => ({ top, bottom, chapter: chapter === 'none' ? undefined : chapter, keptWithNext });
const page = (...extents: DrawnExtent[]): PageGeometry => ({ height: HEIGHT, extents });
const messages = (pages: PageGeometry[]) => pageFillFindings(pages, MARGINS, 0.4).map((finding) => finding.message);

// Page 1 ends 300 pt below the top margin: 428.5 pt (151 mm) of its 728.5 pt are free, 59 %.
const endsEarly = page(line(TOP, TOP + 200), line(TOP + 210, TOP + 300));

describe('page-fill: a page inside a chapter more than 40 % empty while the next block would fit', () => {
  it('fails: the next block (100 pt, 35 mm) would fit in the 151 mm left', () => {
    expect(messages([endsEarly, page(line(TOP, TOP + 100), line(TOP + 130, TOP + 700))])).toEqual([
      "Page 1 : la page est vide à 59 %, et le bloc suivant (35 mm) tiendrait dans la place libre (151 mm). Regardez ce qui le retient sur la page suivante : un titre ou une phrase finissant par « : » gardés avec un bloc trop grand, une image trop haute.",
    ]);
  });

  it('passes: the next block (500 pt) would not fit in the space left', () => {
    expect(messages([endsEarly, page(line(TOP, TOP + 500))])).toEqual([]);
  });

  it('a block fits only with room for its margins (BLOCK_MARGINS, 54 pt): 380 pt in 428.5 pt does not, 370 pt does', () => {
    expect(BLOCK_MARGINS).toBe(54);
    expect(messages([endsEarly, page(line(TOP, TOP + 380))])).toEqual([]);
    expect(messages([endsEarly, page(line(TOP, TOP + 370))])).toHaveLength(1);
  });

  it('a heading or a ":" lead-in belongs to the block after it: together too tall, no finding; the same lines not kept together, a finding', () => {
    const heading = line(TOP, TOP + 30, 0, true);
    expect(messages([endsEarly, page(heading, line(TOP + 50, TOP + 600))])).toEqual([]);
    expect(messages([endsEarly, page({ ...heading, keptWithNext: false }, line(TOP + 50, TOP + 600))])).toHaveLength(1);
  });

  it('passes: the next page starts another chapter (a chapter may end anywhere), or the page is 60 % full', () => {
    expect(messages([endsEarly, page(line(TOP, TOP + 100, 1))])).toEqual([]);
    expect(messages([page(line(TOP, TOP + 450)), page(line(TOP, TOP + 100))])).toEqual([]);
    // Pages outside any chapter (the cover, the contents) are not judged.
    expect(messages([page(line(TOP, TOP + 100, 'none')), page(line(TOP, TOP + 100, 'none'))])).toEqual([]);
  });
});

describe('page-fill on the reference booklet', () => {
  let a4: BuildResult;
  let a5: BuildResult;
  beforeAll(async () => {
    a4 = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', write: false });
    a5 = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', format: 'a5-booklet', write: false });
  });

  it('the renderer records every page', () => {
    expect(a4.pageGeometry).toHaveLength(a4.pageCount);
    expect(a5.pageGeometry).toHaveLength(a5.pageCount);
  });

  it('A4 and A5: none (pages that end early do so because the next block, with its margins, would not fit)', () => {
    expect(a4.report.findings.filter((finding) => finding.rule === 'page-fill')).toEqual([]);
    expect(a5.report.findings.filter((finding) => finding.rule === 'page-fill')).toEqual([]);
  });
});
