import { z } from 'zod';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** Phone numbers grouped by 2 digits with spaces: "02 33 12 34 56" (French practice). */
const PHONE = /(?<![\d+])(?:\+33[\s.-]?(?:\(0\))?|0)[1-9](?:[\s.-]?\d){8}(?!\d)/g;
const WELL_GROUPED = /^0\d( \d\d){4}$/;

export function groupPhoneNumber(written: string): string {
  let digits = written.replace(/\D/g, '');
  if (written.startsWith('+33')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  return digits.replace(/(\d\d)(?=\d)/g, '$1 ');
}

export const phoneNumbers = defineSourceRule(
  {
    id: 'phone-numbers',
    description: 'Phone numbers are written in groups of 2 digits separated by spaces: "02 33 12 34 56".',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    for (const sentence of readSentences(text)) {
      for (const match of sentence.text.matchAll(PHONE)) {
        if (WELL_GROUPED.test(match[0])) continue;
        report(t('finding.phoneNumbers.grouped', { grouped: groupPhoneNumber(match[0]), number: match[0] }), sentence.pointAt(match.index));
      }
    }
  },
);
