import { z } from 'zod';
import { words } from '../text/words.js';
import { labelRanges, inRanges } from '../text/ranges.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** Numbers in digits: "3", not "trois" (Inclusion Europe). "un"/"une" and "premier" stay words. */
const CARDINALS: Record<string, number> = {
  zéro: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20,
  trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
  million: 1_000_000, millions: 1_000_000, milliard: 1_000_000_000, milliards: 1_000_000_000,
};
const ORDINALS: Record<string, string> = {
  deuxième: '2e', second: '2e', seconde: '2e', troisième: '3e', quatrième: '4e', cinquième: '5e',
  sixième: '6e', septième: '7e', huitième: '8e', neuvième: '9e', dixième: '10e',
};

/** "dix-sept", "quatre-vingts", "vingt-et-un": every part a number word (or "et"/"un"). */
function numberWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (ORDINALS[lower]) return ORDINALS[lower];
  const parts = lower.split('-');
  if (!parts.some((part) => part in CARDINALS)) return undefined;
  if (!parts.every((part) => part in CARDINALS || part === 'et' || part === 'un' || part === 'une')) return undefined;
  return parts.length === 1 ? String(CARDINALS[lower]) : 'en chiffres';
}

export const numbersInDigits = defineSourceRule(
  {
    id: 'numbers-in-digits',
    description: 'Numbers are written in digits ("3", not "trois"). Words in `allow` are accepted (e.g. "neuf" meaning "new").',
    severity: 'error',
    options: z.strictObject({ allow: z.array(z.string()).default([]) }),
  },
  ({ text, options, report }) => {
    const allowed = new Set(options.allow.map((word) => word.toLowerCase()));
    for (const sentence of readSentences(text)) {
      const labels = labelRanges(sentence.text);
      for (const word of words(sentence.text)) {
        if (word.variable || allowed.has(word.text.toLowerCase()) || inRanges(word.index, labels)) continue;
        const digits = numberWord(word.text);
        if (digits === undefined) continue;
        const advice = digits === 'en chiffres' ? t('finding.numbersInDigits.inDigits') : t('finding.numbersInDigits.write', { digits });
        report(t('finding.numbersInDigits.inLetters', { word: word.text, advice }), sentence.pointAt(word.index));
      }
    }
  },
);
