import { z } from 'zod';
import { words } from '../text/words.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * At most 15 words a sentence, a warning above 12 (UK government: 10 to 15;
 * Photosymbols: 15). EASY-READ.md's "warn from 12" is read as "12 words is
 * still fine, 13 to 15 get a warning": 12 is inside the UK range.
 */
export const sentenceLength = defineSourceRule(
  {
    id: 'sentence-length',
    description: 'A sentence (one source line) has at most `max` words; a warning above `warnAbove` words.',
    severity: 'error',
    options: z.strictObject({
      max: z.number().int().positive().default(15),
      warnAbove: z.number().int().positive().default(12),
    }),
  },
  ({ text, options, report }) => {
    for (const sentence of readSentences(text)) {
      const count = words(sentence.text).length;
      if (count > options.max) {
        report(t('finding.sentenceLength.tooLong', { words: count, max: options.max }), sentence.pointAt(0));
      } else if (count > options.warnAbove) {
        report(t('finding.sentenceLength.long', { words: count, max: options.max }), sentence.pointAt(0), true);
      }
    }
  },
);
