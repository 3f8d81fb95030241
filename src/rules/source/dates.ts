import { z } from 'zod';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** Dates with the day and the month in letters: "samedi 3 mai 2025", never "03/05/2025" (Inclusion Europe). */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** "03/05/2025" → "samedi 3 mai 2025" (the weekday needs the year). */
export function dateInLetters(day: number, month: number, year: number | undefined): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const monthName = MONTHS[month - 1]!;
  if (year === undefined) return `${day} ${monthName}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${WEEKDAYS[date.getUTCDay()]} ${day === 1 ? '1er' : day} ${monthName} ${year}`;
}

/** Not inside a longer run of digit groups such as the phone number "06.06.87.65.18". */
const NUMERIC_DATE = /(?<![\d,]|\d[/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d,]|[/.-]\d)/g;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const SHORT_MONTH = /(?<![\p{L}])(janv|févr|fév|avr|juil|sept|oct|nov|déc)\.(?=\s|$)/giu;

export const dates = defineSourceRule(
  {
    id: 'dates',
    description: 'Dates are written with the day and the month in letters ("samedi 3 mai 2025"), not "03/05/2025".',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    for (const sentence of readSentences(text)) {
      for (const match of sentence.text.matchAll(NUMERIC_DATE)) {
        const [whole, day = '', separator, month = '', year] = match;
        if (separator !== '/' && year === undefined) continue; // "8.5" is a number and "3-4" a range, not dates
        const fullYear = year === undefined ? undefined : year.length === 2 ? 2000 + Number(year) : Number(year);
        const letters = dateInLetters(Number(day), Number(month), fullYear);
        if (!letters) continue;
        report(t('finding.dates.numeric', { date: whole, letters }), sentence.pointAt(match.index));
      }
      for (const match of sentence.text.matchAll(ISO_DATE)) {
        const letters = dateInLetters(Number(match[3]), Number(match[2]), Number(match[1]));
        if (letters) report(t('finding.dates.numeric', { date: match[0], letters }), sentence.pointAt(match.index));
      }
      for (const match of sentence.text.matchAll(SHORT_MONTH)) {
        report(t('finding.dates.shortMonth', { month: match[0] }), sentence.pointAt(match.index));
      }
    }
  },
);
