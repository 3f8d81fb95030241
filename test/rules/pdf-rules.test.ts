import { describe, expect, it } from 'vitest';
import { checkPdf } from '../../src/check/check-pdf.js';
import { defaultConfig } from '../../src/check/config.js';
import { formatJson, formatStylish } from '../../src/check/reporters.js';
import { pdfInput } from './helpers/pdf.js';
import { tagged } from '../../src/layout/pdf-tags.js';
import { frenchSpacing, spacedInlines } from '../../src/layout/typography.js';

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

describe('tagged-pdf: the structure tree read back (pdfjs-dist)', () => {
  const FIRST = 'Gardez votre code secret.';
  const SECOND = 'Ne le donnez à personne.';
  const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC';
  const taggedFindings = async (definition: Parameters<typeof pdfInput>[0], sentences: string[]) => {
    const report = await checkPdf(await pdfInput(definition, { sentences }), defaultConfig());
    return report.findings.filter((finding) => finding.rule === 'tagged-pdf').map(({ message, line, severity }) => ({ message, line, severity }));
  };
  const pageNumber = (currentPage: number, pageCount: number) => ({ text: `Page ${currentPage} sur ${pageCount}`, alignment: 'center' as const });

  it('sentences as P, a described Figure, the page number an Artifact: no finding', async () => {
    const definition = {
      content: [tagged({ text: FIRST }, 'P'), tagged({ image: PIXEL, width: 40 }, { role: 'Figure', alt: 'Un point noir.' }), tagged({ text: SECOND }, 'LI', 'LBody')],
      footer: (currentPage: number, pageCount: number) => tagged(pageNumber(currentPage, pageCount), { role: 'Artifact', artifact: 'Pagination' }),
    };
    expect(await taggedFindings(definition, [FIRST, SECOND])).toEqual([]);
  });

  it('a sentence drawn as an Artifact: not in the structure, at its source line', async () => {
    const findings = await taggedFindings({ content: [tagged({ text: FIRST }, 'P'), tagged({ text: SECOND }, 'Artifact')] }, [FIRST, SECOND]);
    expect(findings).toEqual([
      { line: 2, severity: 'error', message: "Phrase « Ne le donnez à personne. » absente de la structure du PDF (ni paragraphe, ni titre, ni élément de liste) : un lecteur d'écran ne la lit pas. Signalez-le à l'équipe livret." },
    ]);
  });

  it('sentences in the tree in another order than the sources', async () => {
    const findings = await taggedFindings({ content: [tagged({ text: SECOND }, 'P'), tagged({ text: FIRST }, 'P')] }, [FIRST, SECOND]);
    expect(findings).toEqual([
      { line: 2, severity: 'error', message: "Phrase « Ne le donnez à personne. » hors de l'ordre des sources dans la structure du PDF : un lecteur d'écran la lirait ailleurs. Signalez-le à l'équipe livret." },
    ]);
  });

  it('a Figure without /Alt; a picture outside any Figure is an Artifact and passes', async () => {
    expect(await taggedFindings({ content: [tagged({ image: PIXEL, width: 40 }, 'Figure')] }, [])).toEqual([
      { line: null, severity: 'error', message: "Page 1 : image sans texte de remplacement (/Alt) dans la structure du PDF. Donnez un alt à la capture d'écran." },
    ]);
    expect(await taggedFindings({ content: [{ image: PIXEL, width: 40 }] }, [])).toEqual([]);
  });

  it('a page number left untagged lands in the tree', async () => {
    expect(await taggedFindings({ content: [tagged({ text: FIRST }, 'P')], footer: pageNumber }, [FIRST])).toEqual([
      { line: null, severity: 'error', message: "Page 1 : le numéro de page est dans la structure du PDF : un lecteur d'écran le lirait au milieu du texte. Il doit être un artefact." },
    ]);
  });

  it('a page-number footer taller than the bottom margin (an A5 page) leaves no Artifact open over the next pages', async () => {
    const definition = {
      pageMargins: [40, 40, 40, 30] as [number, number, number, number],
      content: [tagged({ text: FIRST }, 'P'), tagged({ text: SECOND, pageBreak: 'before' as const }, 'P')],
      footer: (currentPage: number, pageCount: number) => tagged({ ...pageNumber(currentPage, pageCount), margin: [0, 18, 0, 0] as [number, number, number, number] }, { role: 'Artifact', artifact: 'Pagination' }),
    };
    expect(await taggedFindings(definition, [FIRST, SECOND])).toEqual([]);
  });

  it('an untagged PDF; a lost sentence is content-loss only', async () => {
    expect(await taggedFindings({ tagged: false, content: [{ text: FIRST }] }, [FIRST])).toEqual([
      { line: null, severity: 'error', message: "Le PDF n'est pas balisé (pas d'arbre de structure, PDF/UA) : un lecteur d'écran le lit comme un seul bloc de texte." },
    ]);
    expect(await taggedFindings({ content: [{ text: FIRST }] }, [FIRST, SECOND])).toEqual([]);
  });
});

describe('lines that cut an idea: number-split and label-split', () => {
  const DELAY = 'Vous recevez le code par courrier dans un délai de 8 jours après votre demande.';
  const inColumn = (width: number, text: unknown) => ({ content: [{ columns: [{ width, text }] }] }) as Parameters<typeof pdfInput>[0];

  it('"de 8 / jours": number-split at the sentence; with a no-break space, nothing', async () => {
    const page = { content: [{ text: 'Bonjour.' }, { columns: [{ width: 200, text: DELAY }] }] };
    const report = await checkPdf(await pdfInput(page, { sentences: ['Bonjour.', DELAY] }), defaultConfig());
    expect(report.findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(['number-split:error']);
    expect(report.findings[0]).toMatchObject({ file: 'exemple.md', line: 2, column: 1 });
    expect(report.findings[0]?.message).toBe('Page 1 : nombre séparé de son mot « 8 / jours ». Gardez « 8 jours » sur une ligne.');
    expect(await rulesFound(inColumn(200, frenchSpacing(DELAY)), [DELAY])).toEqual([]);
  });

  it('a number ending a sentence, the next sentence below: not a split', async () => {
    const lines = { content: [{ text: 'Appelez le 36 46' }, { text: 'du lundi au vendredi.' }] };
    expect(await rulesFound(lines, ['Appelez le 36 46', 'du lundi au vendredi.'])).toEqual([]);
    // the same lines, from one sentence of the sources: a split
    expect(await rulesFound(lines, ['Appelez le 36 46 du lundi au vendredi.'])).toEqual(['number-split:error']);
  });

  const SIGN_IN = ['Cliquez ensuite sur le bouton bleu « ', { text: 'Se connecter', bold: true }, ' ».'];
  const SIGN_IN_TEXT = 'Cliquez ensuite sur le bouton bleu « Se connecter ».';

  it('"« Se / connecter »": label-split at the sentence; glued by the layout, nothing', async () => {
    const report = await checkPdf(await pdfInput(inColumn(300, SIGN_IN), { sentences: [SIGN_IN_TEXT] }), defaultConfig());
    expect(report.findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(['label-split:error']);
    expect(report.findings[0]).toMatchObject({ file: 'exemple.md', line: 1, column: 1 });
    expect(report.findings[0]?.message).toBe('Page 1 : étiquette coupée sur deux lignes : « Se / connecter ». Gardez « Se connecter » sur une ligne.');
    const glued = spacedInlines(['Cliquez ensuite sur le bouton bleu « ', 'Se connecter', ' ».']);
    expect(await rulesFound(inColumn(300, [glued[0], { text: glued[1], bold: true }, glued[2]]), [SIGN_IN_TEXT])).toEqual([]);
  });

  it('a label wider than its column may break: not reported', async () => {
    const long = 'Cliquez sur « Accédez immédiatement à votre compte personnel ameli ».';
    expect(await rulesFound(inColumn(200, long), [long])).toEqual([]);
  });
});

