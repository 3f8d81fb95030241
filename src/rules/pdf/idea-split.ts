import { z } from 'zod';
import { normaliseForSearch, type PdfPageText } from '../../verify/read-pdf.js';
import type { Sentence } from '../../model/booklet.js';
import { pageLines, type PrintedLine } from './lines.js';
import { definePdfRule, type PdfFinding } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/**
 * Lines that cut an idea: "dans un délai de 8 / jours", "« Se / connecter »".
 * The layout glues these with no-break spaces (src/layout/typography.ts);
 * these rules read the printed lines to prove it.
 */

/** Two printed lines of one paragraph: same page, same type size, the second right under the first. */
function pairsOfLines(pages: readonly PdfPageText[]): Array<[PrintedLine, PrintedLine]> {
  const pairs: Array<[PrintedLine, PrintedLine]> = [];
  for (const page of pages) {
    const lines = pageLines(page);
    lines.forEach((line, index) => {
      const next = lines[index + 1];
      if (!next) return;
      const sameSize = Math.abs(next.fontSize - line.fontSize) < 0.5;
      const below = next.y > line.y && next.y - line.y <= line.fontSize * 2.2;
      if (sameSize && below) pairs.push([line, next]);
    });
  }
  return pairs;
}

function sourceOf(text: string, sentences: readonly Sentence[]): Partial<PdfFinding> {
  const target = normaliseForSearch(text);
  const sentence = sentences.find((candidate) => normaliseForSearch(candidate.text).includes(target));
  return sentence ? { ...sentence.source } : {};
}

const ENDS_WITH_NUMBER = /(?:^|[\s\u00a0])(\d+(?:[,.]\d+)?)$/u;
const STARTS_WITH_WORD = /^(\p{Ll}[\p{L}'’-]*)/u;

/** A number stays with the word after it ("8 jours", "13 chiffres", "4 agences"). */
export const numberSplit = definePdfRule({
  id: 'number-split',
  description: 'A number is never at the end of a line with the word it counts at the start of the next ("8 / jours").',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    return pairsOfLines(readback.pages).flatMap(([line, next]) => {
      const number = ENDS_WITH_NUMBER.exec(line.text.trimEnd())?.[1];
      const word = STARTS_WITH_WORD.exec(next.text.trimStart())?.[1];
      if (!number || !word) return [];
      const source = sourceOf(`${number} ${word}`, sentences);
      // A sentence ending with a number above one that starts with a small letter: two sentences, not a split.
      if (sentences.length > 0 && source.file === undefined) return [];
      return [{ message: t('finding.ideaSplit.number', { page: line.page, number, word }), ...source }];
    });
  },
});

/** Width of the last `characters` characters of a printed line, in proportion to the line. */
function widthOf(line: PrintedLine, characters: number): number {
  const length = Math.max(1, line.text.trim().length);
  return ((line.right - line.left) * characters) / length;
}

/** Runs of spaces and no-break spaces as one space: the label as the reader reads it. */
const oneSpace = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

/** A « quoted label » (a button, a page's name) stays on one line when it fits a line. */
export const labelSplit = definePdfRule({
  id: 'label-split',
  description: 'A « quoted label » that fits a line is never cut across two lines ("« Se / connecter »").',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    return pairsOfLines(readback.pages).flatMap(([line, next]) => {
      const text = line.text.trimEnd();
      const open = text.lastIndexOf('«');
      if (open < 0 || text.lastIndexOf('»') > open) return [];
      const following = next.text.trimStart();
      const close = following.indexOf('»');
      if (close < 0 || following.lastIndexOf('«', close) >= 0) return [];
      const head = text.slice(open);
      const tail = following.slice(0, close + 1);
      const labelWidth = widthOf(line, head.length) + widthOf(next, tail.length);
      // The line it was cut from is about as wide as the column: a narrower label would have fitted a line of its own.
      if (labelWidth > Math.max(line.right - line.left, next.right - next.left)) return [];
      const label = oneSpace(`${head} ${tail}`);
      return [
        {
          message: t('finding.ideaSplit.label', { page: line.page, head: oneSpace(head).trim(), tail: oneSpace(tail).trim(), label }),
          ...sourceOf(label, sentences),
        },
      ];
    });
  },
});
