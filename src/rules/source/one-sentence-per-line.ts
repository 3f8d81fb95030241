import { z } from 'zod';
import { SENTENCE_END } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * One sentence per source line (livret's contract: the PDF starts each
 * sentence on a new line, and the sentence rules count lines). A sentence end
 * (SENTENCE_END: ". ", "? ", "! ") followed by a new sentence on the same line is reported.
 */
export const oneSentencePerLine = defineSourceRule(
  {
    id: 'one-sentence-per-line',
    description: 'Each source line holds one sentence: start the next sentence on a new line.',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    for (const sentence of text.sentences) {
      for (const match of sentence.text.matchAll(SENTENCE_END)) {
        const next = match.index + match[0].length;
        if (next >= sentence.text.length) continue;
        report(t('finding.oneSentencePerLine.next'), sentence.pointAt(next));
      }
    }
  },
);
