import { z } from 'zod';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** No percentages (Inclusion Europe): "1 personne sur 4", "la moitié" instead of "25 %". */
export const percentages = defineSourceRule(
  {
    id: 'percentages',
    description: 'No percentages ("%", "pour cent"): say "1 personne sur 4", "la moitié".',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    const pattern = /%|(?<![\p{L}])(pour\s?cent|pourcentages?)(?![\p{L}])/giu;
    for (const sentence of readSentences(text)) {
      for (const match of sentence.text.matchAll(pattern)) {
        report(
          t('finding.percentages.percentage', { percentage: match[0] }),
          sentence.pointAt(match.index),
        );
      }
    }
  },
);
