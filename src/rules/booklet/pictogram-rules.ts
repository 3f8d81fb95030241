import { z } from 'zod';
import { pictogramFindings } from '../../pictograms/pictogram-findings.js';
import { defineBookletRule, type BookletCheckInput } from './booklet-rule.js';

/** Easy-read: a picture on the left of each idea, the same picture for the same thing (DoH 2010; Inclusion Europe). */
function findingsOf(input: BookletCheckInput, rule: 'block-without-picture') {
  return pictogramFindings(input.booklet, input.lexicon)
    .filter((finding) => finding.rule === rule)
    .map(({ file, line, column, message }) => ({ file, line, column, message }));
}

export const blockWithoutPicture = defineBookletRule({
  id: 'block-without-picture',
  description: 'Every text block, list and step has a pictogram (or a screenshot).',
  severity: 'warn',
  options: z.strictObject({}),
  check: (input) => findingsOf(input, 'block-without-picture'),
});
