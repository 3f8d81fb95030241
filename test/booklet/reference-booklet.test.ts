import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBooklet, type BuildResult } from '../../src/pipeline.js';
import { normaliseForSearch, readPdf, type PdfReadback } from '../../src/verify/read-pdf.js';
import { pageLines } from '../../src/rules/pdf/lines.js';
import { REPO_ROOT } from '../helpers/project.js';
import { printedTextSize } from '../../src/rules/pdf/picture-text-size.js';
import { readPdfStructure, type PdfStructure } from '../helpers/pdf-structure.js';

/**
 * The reference booklet (CPAM de l'Orne), built from the real content and
 * read back as a reader and a print shop would see it.
 */
let result: BuildResult;
let readback: PdfReadback;
let structure: PdfStructure;
let extractedText: string;

beforeAll(async () => {
  result = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', write: false, checks: 'content-loss' });
  readback = await readPdf(result.pdf);
  structure = await readPdfStructure(result.pdf);
  const parser = new PDFParse({ data: new Uint8Array(result.pdf) });
  extractedText = normaliseForSearch((await parser.getText()).text);
  await parser.destroy();
});

describe('the reference booklet as a PDF', () => {
  it('has about 12 to 24 A4 pages', () => {
    expect(result.pageCount).toBeGreaterThanOrEqual(12);
    expect(result.pageCount).toBeLessThanOrEqual(24);
    for (const page of readback.pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
  });

  it('embeds every font (no standard-14 fallback)', () => {
    expect(structure.fonts.length).toBeGreaterThan(0);
    expect(structure.fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(structure.fonts.every((font) => font.name.includes('AtkinsonHyperlegibleNext'))).toBe(true);
  });

  it('has no text under 14 pt and a 16 pt body', () => {
    const runs = readback.pages.flatMap((page) => page.runs).filter((run) => run.text.trim() !== '');
    const tooSmall = runs.filter((run) => run.fontSize < 14);
    expect(tooSmall.map((run) => `${run.page}: ${run.fontSize} pt "${run.text}"`)).toEqual([]);
    const charactersBySize = new Map<number, number>();
    for (const run of runs) charactersBySize.set(run.fontSize, (charactersBySize.get(run.fontSize) ?? 0) + run.text.length);
    const [bodySize] = [...charactersBySize.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(bodySize).toBe(16);
  });

  it('spaces body lines 1.5 × the font size, baseline to baseline', () => {
    let closest = Infinity;
    for (const page of readback.pages) {
      const bodyRuns = page.runs.filter((run) => run.fontSize === 16 && run.text.trim() !== '');
      // Baselines of one column (same left edge), in order down the page.
      const columns = new Map<number, number[]>();
      for (const run of bodyRuns) {
        const left = Math.round(run.x);
        columns.set(left, [...(columns.get(left) ?? []), run.y]);
      }
      for (const baselines of columns.values()) {
        const sorted = [...new Set(baselines.map((y) => Math.round(y * 10) / 10))].sort((a, b) => a - b);
        for (let index = 1; index < sorted.length; index++) closest = Math.min(closest, sorted[index]! - sorted[index - 1]!);
      }
    }
    expect(closest).toBeGreaterThanOrEqual(16 * 1.5 - 0.1);
    expect(closest).toBeLessThan(16 * 1.5 + 1);
  });

  it('shows at least 10 screenshots or pictures', () => {
    expect(structure.imageCount).toBeGreaterThanOrEqual(10);
  });

  it('has its title, its language and one bookmark per chapter', () => {
    expect(readback.title).toBe("Bienvenue à la CPAM de l'Orne");
    expect(structure.language).toBe('fr-FR');
    expect(structure.bookmarks).toEqual(result.booklet.chapters.map((chapter) => chapter.title.text));
  });

  it('numbers pages "Page X sur Y" (the cover excepted)', () => {
    for (const page of readback.pages.slice(1)) {
      expect(normaliseForSearch(page.text)).toContain(`Page ${page.page} sur ${readback.pageCount}`);
    }
  });
});

describe('nothing lost, nothing wrong', () => {
  it('prints every sentence of the Markdown sources (pdf-parse text)', () => {
    expect(result.sentences.length).toBeGreaterThan(150);
    const missing = result.sentences.filter((sentence) => !extractedText.includes(normaliseForSearch(sentence.text)));
    expect(missing.map((sentence) => `${sentence.source.file}:${sentence.source.line} ${sentence.text}`)).toEqual([]);
  });

  it.each([
    ['the head office address', '34 place du Général Bonet'],
    ['the CEDEX box', 'CS30020'],
    ['the CEDEX line', '61012 ALENCON CEDEX'],
    ['the phone number', '36 46'],
    ['the phone price', '0,06 € par minute'],
    ['the Alençon agency', "Agence d'Alençon"],
    ['the Argentan agency', "Agence d'Argentan"],
    ['the Flers agency', 'Agence de Flers'],
    ["the L'Aigle agency", "Agence de L'Aigle"],
    ['the agencies hours', 'Du lundi au vendredi, de 8h30 à 17h00.'],
    ["L'Aigle's hours with the lunch break", 'Du lundi au vendredi, de 9h00 à 12h30 et de 13h30 à 17h00.'],
    ['the IBAN part to type', '7 derniers'],
    ['the photo carte Vitale digits', '11 derniers chiffres'],
    ['the older carte Vitale digits', 'entre 8 et 13 chiffres'],
    ['the personal code length', 'de 8 à 13 chiffres'],
    ['the temporary code delay', '8 jours'],
    ['the social account', '@cpam61'],
  ])('states %s: "%s"', (_what, fact) => {
    expect(extractedText).toContain(normaliseForSearch(fact));
  });

  it('writes "CPAM", never the seed\'s slips', () => {
    expect(extractedText).toContain('CPAM');
    expect(extractedText).not.toMatch(/\bCpm\b|\bCram\b|Crée mon compte|\bsu la page\b/);
  });
});

describe('legible pictures: the words a step points at print at 14 pt or more', () => {
  it('every framed part with text prints it at 14 pt or more, most of them through an enlarged inset', () => {
    const withText = result.pictures.filter((picture) => picture.text.textPixels !== null);
    expect(withText.length).toBeGreaterThanOrEqual(25);
    const small = withText.filter((picture) => printedTextSize(picture.text)! < 14);
    expect(small.map((picture) => `${picture.picture} ${picture.index}`)).toEqual([]);
    // In the whole screen, a desktop page's words print at 4 to 9 pt: the insets carry the reading.
    const insets = withText.filter((picture) => picture.text.inset !== null);
    expect(insets.length).toBeGreaterThanOrEqual(20);
    for (const picture of insets) expect(picture.text.textPixels! * picture.text.scale).toBeLessThan(14);
  });

  it('a masked field framed with its label has an inset of its label alone (what the mask hides is no text to enlarge)', () => {
    const masked = result.pictures.filter((picture) => picture.picture === 'creer-compte-formulaire.png' && picture.index === 2);
    expect(masked).toHaveLength(1);
    const { text, highlight } = masked[0]!;
    expect(highlight).toEqual({ x: 620, y: 165, width: 520, height: 93 });
    // The label "Mon n° de sécurité sociale : *" is 22 px bold: its inset, in source pixels, is one line high, not the label and the 52 px field.
    expect(text.textPixels).toBeGreaterThan(20);
    expect(text.inset!.placed.height / text.inset!.scale).toBeLessThan(60);
  });
});

describe('reproducible output', () => {
  it('gives the same bytes when built twice', async () => {
    const again = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', write: false, checks: 'content-loss' });
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
  });
});

describe('the map of the agencies, drawn for print', () => {
  const agencies = () => result.booklet.chapters.flatMap((chapter) => chapter.blocks).find((block) => block.kind === 'agencies');

  it('prints its town names at 14 pt at least, in A4 (260 pt high, so its legend fits the page) and A5 (across the text column)', async () => {
    const { MAP_LABEL_PIXELS } = await import('../../src/tools/screenshots/orne-map.js');
    const { placementBox, placedSize } = await import('../../src/geometry/screenshot-placement.js');
    const { PRESETS, textWidth } = await import('../../src/geometry/presets.js');
    const a4 = placedSize(placementBox('map', PRESETS.a4), 1200, 780);
    expect(a4.height).toBeCloseTo(260, 0);
    const a5 = placedSize(placementBox('map', PRESETS.a5), 1200, 780);
    expect(a5.width).toBeCloseTo(textWidth(PRESETS.a5) - 4, 0);
    // A label of MAP_LABEL_PIXELS in a 1200-pixel picture, at its printed width: 17.3 pt in A4, 14.6 pt in A5.
    for (const placed of [a4, a5]) expect((MAP_LABEL_PIXELS * placed.width) / 1200).toBeGreaterThanOrEqual(14);
  });

  it('stands with its legend on one A4 page', () => {
    const page = readback.pages.find((each) => each.text.includes('Carte des agences sur le territoire'));
    expect(page?.text).toContain('2 points d\'accueil voisins, hors de l\'Orne.');
  });

  it('has its title above it and a legend whose lines start with the marks of the map', () => {
    const block = agencies();
    if (block?.kind !== 'agencies') throw new Error('no agencies block');
    expect(block.mapTitle?.text).toBe("Carte des agences sur le territoire de l'Orne");
    expect(block.mapLegend.map((line) => line.symbol)).toEqual(['siege', 'agence', 'rendez-vous', 'france-services', undefined, undefined, 'examens', 'voisin']);
    const page = readback.pages.find((each) => each.text.includes('Carte des agences sur le territoire'));
    expect(page?.text.indexOf('Carte des agences sur le territoire')).toBeLessThan(page?.text.indexOf('Le siège de la CPAM est à Alençon.') ?? -1);
    // A line without a mark says more about the mark above it: under that line's text, no bullet of its own.
    const lines = pageLines(page!);
    const lineStarting = (start: string) => lines.find((line) => line.text.replace(/’/g, "'").trimStart().startsWith(start));
    const marked = lineStarting('Des Maisons France Services');
    const more = lineStarting("Ces maisons s'appelaient");
    expect(marked && more ? Math.abs(more.left - marked.left) : Infinity).toBeLessThan(1);
  });
});

describe('cross-references print their page', () => {
  it('"page 14." has no gap before its full stop (pdfmake measured the number as its placeholder)', () => {
    const numbersBeforeStop = readback.pages.flatMap((page) =>
      page.runs.flatMap((run, index) => {
        const next = page.runs[index + 1];
        return /^\d+$/.test(run.text) && page.runs[index - 2]?.text === 'page' && next?.text.startsWith('.') ? [{ page: page.page, gap: next.x - (run.x + run.width) }] : [];
      }),
    );
    // The three :chapitre references of the reference booklet (all in 03-creer-compte.md).
    expect(numbersBeforeStop.length).toBe(3);
    for (const { gap } of numbersBeforeStop) expect(Math.abs(gap)).toBeLessThan(0.5);
  });
});
