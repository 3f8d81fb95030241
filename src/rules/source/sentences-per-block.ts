import { z } from 'zod';
import type { SourceLine } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** A block (paragraph, or all the lines of one step or list item) has at most 5 sentences (Photosymbols: 4 to 5). */
export const sentencesPerBlock = defineSourceRule(
  {
    id: 'sentences-per-block',
    description: 'A paragraph, a step or a list item has at most `max` sentences (source lines).',
    severity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(5) }),
  },
  ({ text, options, report }) => {
    const groups = new Map<object, SourceLine[]>();
    for (const sentence of text.sentences) {
      if (sentence.block.kind !== 'paragraph') continue;
      const key = sentence.block.listItem ?? sentence.block.node;
      groups.set(key, [...(groups.get(key) ?? []), sentence]);
    }
    for (const sentences of groups.values()) {
      const extra = sentences[options.max];
      if (!extra) continue;
      const where = sentences[0]?.block.listItem ? t('finding.sentencesPerBlock.step') : t('finding.sentencesPerBlock.block');
      report(
        t('finding.sentencesPerBlock.tooMany', { where, sentences: sentences.length, max: options.max }),
        extra.pointAt(0),
      );
    }
  },
);
