import { z } from 'zod';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** At most 2 commas a sentence (French FALC linters): a third comma means a list or a second idea. */
export const commasPerSentence = defineSourceRule(
  {
    id: 'commas-per-sentence',
    description: 'A sentence has at most `max` commas (a decimal comma such as "0,06" does not count).',
    severity: 'error',
    options: z.strictObject({ max: z.number().int().nonnegative().default(2) }),
  },
  ({ text, options, report }) => {
    for (const sentence of readSentences(text)) {
      const commas = [...sentence.text.matchAll(/,(?!\d)|(?<!\d),/g)].map((match) => match.index);
      const extra = commas[options.max];
      if (extra === undefined) continue;
      report(
        t('finding.commasPerSentence.tooMany', { commas: commas.length, max: options.max }),
        sentence.pointAt(extra),
      );
    }
  },
);
