import { z } from 'zod';
import { inRanges, numericDateRanges, urlRanges } from '../text/ranges.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t, type MessageKey } from '../../i18n/index.js';

/** No ( ) ; / & # § in running text, no "etc." and no "…" (Inclusion Europe; Swiss FALC checklist). */
const ADVICE: Record<string, MessageKey> = {
  '(': 'finding.forbiddenCharacters.advice.parenthesis',
  ')': 'finding.forbiddenCharacters.advice.parenthesis',
  ';': 'finding.forbiddenCharacters.advice.semicolon',
  '/': 'finding.forbiddenCharacters.advice.slash',
  '&': 'finding.forbiddenCharacters.advice.ampersand',
  '#': 'finding.forbiddenCharacters.advice.hash',
  '§': 'finding.forbiddenCharacters.advice.section',
  '…': 'finding.forbiddenCharacters.advice.ellipsis',
};

export const forbiddenCharacters = defineSourceRule(
  {
    id: 'forbidden-characters',
    description: 'No `characters` ( ) ; / & # § … in running text and no `words` ("etc."); web addresses and numeric dates (left to `dates`) are ignored.',
    severity: 'error',
    options: z.strictObject({
      characters: z.string().default('();/&#§…'),
      words: z.array(z.string()).default(['etc']),
    }),
  },
  ({ text, options, report }) => {
    const characters = new Set(options.characters);
    const wordPattern = options.words.length
      ? new RegExp(`(?<![\\p{L}])(${options.words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.?(?![\\p{L}])`, 'giu')
      : undefined;
    for (const sentence of readSentences(text)) {
      const skipped = [...urlRanges(sentence.text), ...numericDateRanges(sentence.text)];
      [...sentence.text].forEach((character, index) => {
        if (!characters.has(character) || inRanges(index, skipped)) return;
        const advice = t(ADVICE[character] ?? 'finding.forbiddenCharacters.advice.other');
        report(t('finding.forbiddenCharacters.character', { character, advice }), sentence.pointAt(index));
      });
      if (/\.\.\./.test(sentence.text) && characters.has('…')) {
        const index = sentence.text.indexOf('...');
        report(t('finding.forbiddenCharacters.ellipsis', { advice: t('finding.forbiddenCharacters.advice.ellipsis') }), sentence.pointAt(index));
      }
      for (const match of wordPattern ? sentence.text.matchAll(wordPattern) : []) {
        report(t('finding.forbiddenCharacters.word', { word: match[0] }), sentence.pointAt(match.index));
      }
    }
  },
);
