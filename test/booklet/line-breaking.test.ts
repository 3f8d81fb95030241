import { describe, expect, it } from 'vitest';
import { FONT_FAMILY } from '../../src/fonts/fonts.js';
import { renderPdf } from '../../src/render/render-pdf.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { sentenceContent } from '../../src/layout/blocks.js';

/** Baselines (rounded) of each printed run of `inlines` laid out in a column `width` points wide. */
async function runsAt(width: number, inlines: Array<string | { text: string; bold: boolean }>): Promise<Array<[string, number]>> {
  const pdf = await renderPdf({ defaultStyle: { font: FONT_FAMILY, fontSize: 16 }, content: [{ columns: [{ width, text: inlines }] }] });
  const { pages } = await readPdf(pdf);
  return pages[0]!.runs.filter((run) => run.text.trim() !== '').map((run) => [run.text, Math.round(run.y)]);
}

describe('words glued with no-break spaces stay on one line', () => {
  const sentence = ['Cliquez ensuite sur «\u00a0', { text: 'Continuer', bold: true }, '\u00a0».'];

  // 238 pt is the width at which pdfmake 0.3.11 alone printed the final "." on the next line.
  it.each([200, 220, 238, 246, 260])('« Continuer ». is never cut, in a %i pt column', async (width) => {
    const runs = await runsAt(width, sentence);
    const glued = runs.filter(([text]) => ['«', 'Continuer', '».'].includes(text));
    expect(glued.map(([text]) => text)).toEqual(['«', 'Continuer', '».']);
    expect(new Set(glued.map(([, y]) => y)).size).toBe(1);
  });

  it('still breaks at ordinary spaces (the sentence takes two lines when narrow)', async () => {
    const runs = await runsAt(200, sentence);
    expect(new Set(runs.map(([, y]) => y)).size).toBe(2);
  });
});

describe('hyphenated words are never cut at their hyphen', () => {
  const sentence = { text: 'La CPAM des Alpes-de-Haute-Provence vous aide.', source: { file: 'a.md', line: 1, column: 1 }, inlines: [{ kind: 'text' as const, text: 'La CPAM des Alpes-de-Haute-Provence vous aide.', bold: false }] };

  it.each([190, 210, 230, 250])('"Alpes-de-Haute-Provence" stays on one line in a %i pt column', async (width) => {
    const runs = await runsAt(width, sentenceContent(sentence).text as Array<string | { text: string; bold: boolean }>);
    const lines = new Map<number, string>();
    for (const [text, y] of runs) lines.set(y, `${lines.get(y) ?? ''}${text}`);
    expect([...lines.values()].some((line) => line.includes('Alpes-de-Haute-Provence'))).toBe(true);
  });

  it('pdfmake alone cuts it (the case the runs above prevent)', async () => {
    const runs = await runsAt(230, [sentence.text]);
    const lines = new Map<number, string>();
    for (const [text, y] of runs) lines.set(y, `${lines.get(y) ?? ''}${text}`);
    expect([...lines.values()].some((line) => line.includes('Alpes-de-Haute-Provence'))).toBe(false);
  });
});
