import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/geometry/presets.js';
import { CHAPTER_BREAK_RATIO } from '../../src/layout/booklet-layout.js';
import { buildBooklet } from '../../src/pipeline.js';
import { normaliseForSearch, type PdfTextRun } from '../../src/verify/read-pdf.js';
import { makeProject } from '../helpers/project.js';

/**
 * "A chapter starts on a new page unless it starts in the top part of a
 * page": decided in one layout pass. Chapter 1 grows block by block; chapter 2
 * must share its page only while it starts in the top 40 % of the body.
 */
const A4 = PRESETS.a4;
const bodyTop = A4.margins[1];
const bodyHeight = A4.height - A4.margins[1] - A4.margins[3];
const limit = bodyTop + CHAPTER_BREAK_RATIO * bodyHeight;

interface Outcome {
  blocks: number;
  /** Where "Deuxième chapitre" is printed. */
  title: PdfTextRun;
  /** The last line of chapter 1. */
  lastLine: PdfTextRun;
  layoutPasses: number;
}

const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { tryLayoutDocument: (...args: unknown[]) => unknown } } }).default;
let passes = 0;
const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
LayoutBuilder.prototype.tryLayoutDocument = function counted(...args: unknown[]) {
  passes += 1;
  return tryLayout.apply(this, args);
};

async function buildWith(blocks: number): Promise<Outcome> {
  const paragraphs = Array.from({ length: blocks }, (_, index) => `Voici le bloc numéro ${index + 1} du premier chapitre.\nIl parle de la carte Vitale.`);
  const projectRoot = await makeProject({
    'content/mini/booklet.yaml': 'title: "Livret de test"\nchapters: [un.md, deux.md]\n',
    'content/mini/un.md': `# Premier chapitre\n\n${paragraphs.join('\n\n')}\n`,
    'content/mini/deux.md': '# Deuxième chapitre\n\nLe deuxième chapitre commence ici.\n',
  });
  passes = 0;
  const result = await buildBooklet({ projectRoot, write: false, checks: 'content-loss' });
  const runs = result.readback.pages.flatMap((page) => page.runs);
  // pdfjs gives one run per word; page 2 is the contents.
  const title = runs.find((run) => run.text === 'Deuxième' && run.page > 2)!;
  const lastLine = runs.filter((run) => run.text === 'Vitale.').at(-1)!;
  return { blocks, title, lastLine, layoutPasses: passes };
}

describe('chapter breaks', () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    outcomes = [];
    for (const blocks of [2, 5, 8, 11, 14, 17]) outcomes.push(await buildWith(blocks));
  });

  it('keeps a chapter on the page while it starts in the top 40 % of the body', () => {
    const sharing = outcomes.filter((outcome) => outcome.title.page === outcome.lastLine.page);
    expect(sharing.length).toBeGreaterThan(0);
    // The title's line sits below the chapter's start: its 12 pt margin and the title's own height at most.
    for (const outcome of sharing) expect(outcome.title.y).toBeLessThan(limit + 60);
  });

  it('starts the chapter on a new page when it would start lower', () => {
    const moved = outcomes.filter((outcome) => outcome.title.page === outcome.lastLine.page + 1);
    expect(moved.length).toBeGreaterThan(0);
    for (const outcome of moved) {
      expect(outcome.lastLine.y).toBeGreaterThan(limit - 40);
      expect(outcome.title.y).toBeLessThan(bodyTop + 60);
    }
    // Never both: a chapter is on the same page or at the top of the next one.
    expect(outcomes.every((outcome) => outcome.title.page - outcome.lastLine.page <= 1)).toBe(true);
  });

  it('decides every chapter break in one layout pass (no relayout per break)', () => {
    expect(outcomes.map((outcome) => outcome.layoutPasses)).toEqual(outcomes.map(() => 1));
  });
});

describe('the box explaining a word stays on the page of the sentence that uses it', () => {
  it('whatever the number of lines above them: the pair moves to the next page together', async () => {
    // Without the rule, 17 paragraphs leave the sentence at the bottom of page 2 and its box on page 3.
    for (let fillers = 15; fillers <= 19; fillers++) {
      const lines = Array.from({ length: fillers }, (_, index) => `Vous lisez la phrase numéro ${index + 1} de ce chapitre.`).join('\n\n');
      const chapter = `# Un chapitre\n\n${lines}\n\nPréparez votre :term[RIB]{definition="Le relevé d'identité bancaire."}.\n\nVous pouvez appeler la CPAM.\n`;
      const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter });
      const result = await buildBooklet({ projectRoot, write: false, imageCacheDir: false, checks: 'content-loss' });
      const pageOf = (text: string) => result.readback.pages.findIndex((page) => normaliseForSearch(page.text).includes(text)) + 1;
      expect(pageOf('RIB veut dire'), `${fillers} paragraphs`).toBe(pageOf('Préparez votre RIB'));
    }
  });
});
