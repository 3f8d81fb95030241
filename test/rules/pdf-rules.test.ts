import { describe, expect, it } from 'vitest';
import { checkPdf } from '../../src/check/check-pdf.js';
import { defaultConfig } from '../../src/check/config.js';
import { formatJson, formatStylish } from '../../src/check/reporters.js';
import { pdfInput } from './helpers/pdf.js';

/**
 * Three bad PDFs made with pdfmake, each caught by the right rule (and by no
 * other), next to the same document done right.
 */
const SENTENCE = 'Vous recevez le code par courrier dans un délai de 8 jours après votre demande.';

async function rulesFound(definition: Parameters<typeof pdfInput>[0], sentences: string[] = []): Promise<string[]> {
  const report = await checkPdf(await pdfInput(definition, { sentences }), defaultConfig());
  return report.findings.map((finding) => `${finding.rule}:${finding.severity}`);
}

describe('rendered-PDF rules on PDFs made with pdfmake', () => {
  it('a 12 pt line: min-font-size, with the page and the text in the message', async () => {
    const input = await pdfInput({ content: [{ text: 'Vous pouvez suivre vos remboursements.' }, { text: 'Mentions légales.', fontSize: 12 }] });
    const report = await checkPdf(input, defaultConfig());
    expect(report.findings.map((finding) => finding.rule)).toEqual(['min-font-size']);
    expect(report.findings[0]).toMatchObject({ file: 'out/exemple.pdf', line: null, severity: 'error' });
    expect(report.findings[0]?.message).toMatch(/^Page 1 : texte en 12 pt « Mentions légales\. » : 14 pt au moins\.$/);
    expect(await rulesFound({ content: [{ text: 'Vous pouvez suivre vos remboursements.' }, { text: 'Mentions légales.', fontSize: 14 }] })).toEqual([]);
    // a finding about the whole PDF has no line: stylish shows the PDF's path, JSON a null line
    expect(formatStylish(report)).toMatch(/out\/exemple\.pdf\n\s+erreur\s+Page 1 : texte en 12 pt.*min-font-size/);
    expect(JSON.parse(formatJson(report)).findings[0]).toMatchObject({ file: 'out/exemple.pdf', line: null, column: null, rule: 'min-font-size' });
  });

  it('a sentence split across two pages: split-sentence, at the source line of the sentence', async () => {
    const split = await pdfInput({ content: [{ text: SENTENCE, margin: [0, 480, 0, 0] }] }, { sentences: [SENTENCE] });
    expect(split.readback.pageCount).toBe(2);
    const report = await checkPdf(split, defaultConfig());
    expect(report.findings.map((finding) => finding.rule)).toEqual(['split-sentence']);
    expect(report.findings[0]).toMatchObject({ file: 'exemple.md', line: 1, column: 1, severity: 'error' });
    expect(report.findings[0]?.message).toContain('pages 1 et 2');
    // the same sentence kept whole on the next page
    expect(await rulesFound({ content: [{ text: SENTENCE, margin: [0, 480, 0, 0], unbreakable: true }] }, [SENTENCE])).toEqual([]);
  });

  it('a word hyphenated at a line end: no-hyphenation', async () => {
    const text = 'Prenez votre carte Vitale et aussi votre porte-monnaie pour aller à la pharmacie.';
    const input = await pdfInput({ content: [{ text }] }, { sentences: [text] });
    const report = await checkPdf(input, defaultConfig());
    expect(report.findings.map((finding) => finding.rule)).toEqual(['no-hyphenation']);
    expect(report.findings[0]?.message).toContain('« porte- / monnaie »');
    expect(report.findings[0]).toMatchObject({ file: 'exemple.md', line: 1 }); // traced back to its sentence
    const kept = { text: ['Prenez votre carte Vitale et aussi votre ', { text: 'porte-monnaie', noWrap: true }, ' pour aller à la pharmacie.'] };
    expect(await rulesFound({ content: [kept] }, [text])).toEqual([]);
  });

  it('a word too long for its column, cut with no hyphen: no-hyphenation too', async () => {
    const text = 'Vous pouvez suivre vos remboursements.';
    const narrow = { content: [{ text, absolutePosition: { x: 300, y: 100 } }] }; // about 80 pt wide: "rembourse" / "ments"
    const report = await checkPdf(await pdfInput(narrow, { sentences: [text] }), defaultConfig());
    expect(report.findings.map((finding) => finding.rule)).toContain('no-hyphenation');
    expect(report.findings.find((finding) => finding.rule === 'no-hyphenation')?.message).toContain('« rembourse / ments »');
    // the same lines printed wide enough are not reported
    expect(await rulesFound({ content: [{ text }] }, [text])).toEqual([]);
  });

  it('a lost sentence: content-loss; a split one is not reported as lost too', async () => {
    expect(await rulesFound({ content: [{ text: 'Gardez votre code.' }] }, ['Gardez votre code.', 'Ne le donnez à personne.'])).toEqual(['content-loss:error']);
  });

  it('text outside the margins: inside-margins names the side', async () => {
    const report = await checkPdf(await pdfInput({ content: [{ text: 'Bonjour.', absolutePosition: { x: 10, y: 100 } }] }), defaultConfig());
    expect(report.findings.map((finding) => finding.rule)).toEqual(['inside-margins']);
    expect(report.findings[0]?.message).toContain('gauche');
  });

  it('page counts: a warning over 20, an error over 24, a multiple of 4 for a5-booklet', async () => {
    const page = { content: [{ text: 'Une page.' }] };
    const count = async (pages: number, format: 'a4' | 'a5-booklet' = 'a4') =>
      (await checkPdf(await pdfInput(page, { pages, format }), defaultConfig())).findings.map((finding) => `${finding.rule}:${finding.severity}`);
    expect(await count(20)).toEqual([]);
    expect(await count(22)).toEqual(['page-count:warn']);
    expect(await count(25)).toEqual(['page-count:error']);
    expect(await count(16, 'a5-booklet')).toEqual([]);
    expect(await count(18, 'a5-booklet')).toEqual(['page-multiple-of-4:error']);
    expect(await count(18, 'a4')).toEqual([]);
  });
});
