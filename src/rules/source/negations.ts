import { z } from 'zod';
import { inRanges, labelRanges } from '../text/ranges.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Negative sentences ("ne … pas", "n'… jamais") are harder to read (Inclusion
 * Europe): a warning, so that the writer says what to do instead. Screen
 * labels between « » are left alone.
 */
const NEGATION = /(?<![\p{L}])(ne|n['’])\s*(?:[\p{L}'’-]+\s+){0,4}?(pas|plus|jamais|rien|personne|aucun|aucune|guère|point|nulle part)(?![\p{L}])/giu;

export const negations = defineSourceRule(
  {
    id: 'negations',
    description: 'Negative sentences ("ne … pas", "n’… jamais") are flagged: say what the reader should do.',
    severity: 'warn',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    for (const sentence of readSentences(text)) {
      const labels = labelRanges(sentence.text);
      for (const match of sentence.text.matchAll(NEGATION)) {
        if (inRanges(match.index, labels)) continue;
        const ne = match[1]?.toLowerCase().startsWith('n') && match[1].length === 2 && match[1] !== 'ne' ? "n'" : 'ne';
        report(
          t('finding.negations.negative', { ne, second: match[2] ?? '' }),
          sentence.pointAt(match.index),
        );
      }
    }
  },
);
