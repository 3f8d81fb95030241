import { z } from 'zod';
import { defineBookletRule, type BookletFinding } from './booklet-rule.js';
import { t } from '../../i18n/index.js';

/**
 * A `:::steps` block of one step: a numbered "1" with no "2" tells the reader
 * a procedure has started that never goes on. One step is a paragraph, or
 * belongs to the steps around it (one numbering for one procedure).
 */
export const singleStep = defineBookletRule({
  id: 'single-step',
  description: 'A :::steps block has at least 2 steps.',
  severity: 'warn',
  options: z.strictObject({}),
  check({ booklet }) {
    const findings: BookletFinding[] = [];
    for (const chapter of booklet.chapters) {
      for (const block of chapter.blocks) {
        if (block.kind !== 'steps' || block.steps.length !== 1) continue;
        findings.push({
          file: block.source.file,
          line: block.source.line,
          column: block.source.column,
          message: t('finding.singleStep.oneStep'),
        });
      }
    }
    return findings;
  },
});
