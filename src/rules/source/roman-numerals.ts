import { z } from 'zod';
import { words } from '../text/words.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** No Roman numerals (Inclusion Europe): "XXIe siècle" → "21e siècle", "chapitre IV" → "chapitre 4". */
const ROMAN = /^(?=[IVXLC])(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

export function romanValue(token: string): number | undefined {
  if (!ROMAN.test(token)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let index = 0; index < token.length; index++) {
    const value = values[token[index]!] ?? 0;
    const next = values[token[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export const romanNumerals = defineSourceRule(
  {
    id: 'roman-numerals',
    description: 'No Roman numerals ("II", "XXIe"): write digits. Words in `ignore` (e.g. a size such as "XL") are accepted.',
    severity: 'error',
    options: z.strictObject({ ignore: z.array(z.string()).default([]) }),
  },
  ({ text, options, report }) => {
    const ignored = new Set(options.ignore);
    for (const sentence of readSentences(text)) {
      for (const word of words(sentence.text)) {
        const match = /^([IVXLC]+)(e|er|ème|è|ᵉ)?$/.exec(word.text);
        if (!match || ignored.has(word.text)) continue;
        const [, letters = '', suffix] = match;
        if ((letters.length < 2 && !suffix) || !/[IVX]/.test(letters)) continue;
        const value = romanValue(letters);
        if (value === undefined) continue;
        report(t('finding.romanNumerals.roman', { numeral: word.text, written: `${value}${suffix ? 'e' : ''}` }), sentence.pointAt(word.index));
      }
    }
  },
);
