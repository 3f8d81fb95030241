import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { pictureTextFindings, printedTextSize, type PictureHighlightFacts } from '../../src/rules/pdf/picture-text-size.js';
import { makeProject } from '../helpers/project.js';

const source = { file: 'content/bienvenue/03-creer-compte.md', line: 47, column: 4 };
const highlight = { x: 40, y: 338, width: 1120, height: 68 };
/** A highlight whose text is 20 px high, printed at `scale` pt/px in the screen and `insetScale` in its inset. */
const facts = (scale: number, insetScale: number | null, textPixels: number | null = 20): PictureHighlightFacts => ({
  picture: 'rib-exemple.png',
  source,
  highlight,
  index: 2,
  text: { textPixels, scale, inset: insetScale === null ? null : { key: 'k.inset-1', png: Buffer.alloc(0), width: 1, height: 1, placed: { width: 1, height: 1 }, scale: insetScale } },
});

describe('picture-text-size: a highlight\'s text prints at 14 pt or more, in the screen or its inset', () => {
  it('passes: 20 px at 0.7 pt/px is 14 pt in the screen itself', () => {
    expect(printedTextSize(facts(0.7, null).text)).toBeCloseTo(14);
    expect(pictureTextFindings([facts(0.7, null)], 14)).toEqual([]);
  });

  it('passes: 20 px at 0.3 pt/px is 6 pt in the screen, but 15 pt in its inset (0.75 pt/px)', () => {
    expect(pictureTextFindings([facts(0.3, 0.75)], 14)).toEqual([]);
  });

  it('fails: 6 pt in the screen and 12 pt in its inset (0.6 pt/px), with the file, line and frame named', () => {
    expect(pictureTextFindings([facts(0.3, 0.6)], 14)).toEqual([
      {
        ...source,
        message: "« rib-exemple.png », cadre 2 (40,338,1120,68) : son texte s'imprime à 12 pt, même agrandi ; il faut 14 pt au moins. Resserrez le cadre sur les mots à lire, ou coupez-le en cadres plus petits.",
      },
    ]);
  });

  it('fails: 6 pt and no inset; passes: a frame with no text (an empty field, a hidden number)', () => {
    expect(pictureTextFindings([facts(0.3, null)], 14)[0]?.message).toContain("s'imprime à 6 pt");
    expect(pictureTextFindings([facts(0.3, null, null)], 14)).toEqual([]);
  });

  it('the minimum is an option: 12 pt passes at min 12', () => {
    expect(pictureTextFindings([facts(0.3, 0.6)], 12)).toEqual([]);
  });
});

describe('picture-text-size on a booklet', () => {
  /** A screenshot 1200 px wide with one short word and one long line, both 24 px (DejaVu Sans). */
  async function screenshot(): Promise<Buffer> {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300"><rect width="1200" height="300" fill="#ffffff"/>' +
      '<text x="60" y="100" font-family="DejaVu Sans" font-size="24" fill="#1a1a1a">Valider</text>' +
      '<text x="40" y="220" font-family="DejaVu Sans" font-size="24" fill="#1a1a1a">Saisissez les sept derniers caractères de votre IBAN puis les onze chiffres de la carte</text></svg>';
    return sharp(Buffer.from(svg)).png().toBuffer();
  }

  it('enlarges the short word into an inset that passes, and names the long line that cannot be enlarged enough', async () => {
    const chapter = [
      '# Un chapitre',
      '',
      ':::steps',
      '1. Cliquez sur « Valider ».',
      '   ::screenshot{src="ecran.png" alt="La page avec le bouton Valider et une longue phrase." highlight="50,70,120,40;30,190,1140,44"}',
      ':::',
      '',
    ].join('\n');
    const root = await makeProject({ 'content/mini/chapitre.md': chapter, 'assets/screenshots/ecran.png': await screenshot() });
    const result = await buildBooklet({ projectRoot: root, write: false });
    const [word, line] = result.pictures;
    // The word: 24 px in a 1200 px screen printed ~263 pt wide is ~5 pt; its inset prints it at 15 pt.
    expect(word!.text.scale * word!.text.textPixels!).toBeLessThan(6);
    expect(printedTextSize(word!.text)).toBeGreaterThanOrEqual(14.9);
    // The line: about 1000 px of text cannot be 14 pt high in a 489 pt wide inset.
    expect(printedTextSize(line!.text)).toBeLessThan(14);
    const findings = result.report.findings.filter((finding) => finding.rule === 'picture-text-size');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'content/mini/chapitre.md', line: 5, severity: 'error' });
    expect(findings[0]!.message).toMatch(/^« ecran\.png », cadre 2 \(30,190,1140,44\) : son texte s'imprime à \d+(,\d)? pt, même agrandi ; il faut 14 pt au moins\./);
  });
});
