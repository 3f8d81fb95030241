import { z } from 'zod';
import { normaliseForSearch } from '../../verify/read-pdf.js';
import { endsWithBrokenWord, pageLines, type PrintedLine } from './lines.js';
import type { Sentence } from '../../model/booklet.js';
import { definePdfRule, type PdfFinding } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/**
 * Never break a word across lines (People First; UNE 153101): a line that ends
 * with a letter and a hyphen, followed by a line that starts with a letter.
 * pdfmake breaks lines after a hyphen, so "connectez-vous" can be cut too:
 * the layout should print hyphenated words with `noWrap: true` (the font has
 * no non-breaking hyphen, U+2011).
 */
export const noHyphenation = definePdfRule({
  id: 'no-hyphenation',
  description: 'No word is broken across two lines or two pages ("porte-" at a line end, "monnaie" on the next).',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    const lines: PrintedLine[] = readback.pages.flatMap((page) => pageLines(page));
    const sourceText = ` ${sentences.map((sentence) => normaliseForSearch(sentence.text)).join(' ')} `;
    const findings: PdfFinding[] = [];
    lines.forEach((line, index) => {
      const next = lines[index + 1];
      if (!next) return;
      const head = line.text.trimEnd().split(' ').at(-1) ?? '';
      const tail = next.text.trimStart().split(' ')[0] ?? '';
      if (!endsWithBrokenWord(line, next) && !cutWithoutHyphen(head, tail, sourceText)) return;
      const where = next.page === line.page ? t('finding.noHyphenation.page', { page: line.page }) : t('finding.noHyphenation.pages', { page: line.page, nextPage: next.page });
      findings.push({
        message: t('finding.noHyphenation.split', { where: `${where.charAt(0).toUpperCase()}${where.slice(1)}`, head, tail: tail.replace(/[.,;:!?»]+$/, '') }),
        ...sourceOf(`${head.replace(/\u00ad$/, '')}${tail}`, sentences),
      });
    });
    return findings;
  },
});

/**
 * A word too long for its column is cut with no hyphen at all ("rembourse" /
 * "ments"): the two pieces make one word of the sources, and the sources
 * never have them apart.
 */
function cutWithoutHyphen(head: string, tail: string, sourceText: string): boolean {
  const letters = /^\p{L}+$/u;
  if (!letters.test(head.replace(/^.*['’]/, '')) || !/^\p{L}+/u.test(tail)) return false;
  const whole = `${head}${tail}`.replace(/[.,;:!?»]+$/, '');
  const apart = `${head} ${tail}`.replace(/[.,;:!?»]+$/, '');
  return new RegExp(`[\\s'’]${escape(whole)}[\\s.,;:!?»]`, 'u').test(sourceText) && !sourceText.includes(apart);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sourceOf(word: string, sentences: readonly Sentence[]): Partial<PdfFinding> {
  const target = normaliseForSearch(word);
  const sentence = sentences.find((candidate) => normaliseForSearch(candidate.text).includes(target));
  return sentence ? { ...sentence.source } : {};
}
