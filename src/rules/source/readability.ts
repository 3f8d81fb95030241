import type { Heading } from 'mdast';
import { z } from 'zod';
import { readability as measure } from '../text/kandel-moles.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Kandel & Moles readability per chapter (French Flesch): warn under 60,
 * error under 40. Each source line counts as a sentence.
 */
export const readability = defineSourceRule(
  {
    id: 'readability',
    description: 'The Kandel & Moles score of each chapter is at least `warnBelow` (a warning under it) and at least `errorBelow`.',
    severity: 'error',
    options: z.strictObject({
      warnBelow: z.number().default(60),
      errorBelow: z.number().default(40),
    }),
  },
  ({ tree, text, options, report }) => {
    const counts = measure(text.sentences.map((sentence) => sentence.text));
    if (counts.words === 0 || counts.score >= options.warnBelow) return;
    const title = tree.children.find((node): node is Heading => node.type === 'heading');
    const perSentence = (counts.words / counts.sentences).toFixed(1).replace('.', ',');
    const perWord = (counts.syllables / counts.words).toFixed(2).replace('.', ',');
    const score = String(counts.score).replace('.', ',');
    report(
      t('finding.readability.score', { score, threshold: counts.score < options.errorBelow ? options.errorBelow : options.warnBelow, wordsPerSentence: perSentence, syllablesPerWord: perWord }),
      title?.position?.start,
      counts.score >= options.errorBelow,
    );
  },
);
