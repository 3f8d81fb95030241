import { z } from 'zod';
import { inRanges, numericDateRanges, urlRanges } from '../text/ranges.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** No ( ) ; / & # § in running text, no "etc." and no "…" (Inclusion Europe; Swiss FALC checklist). */
const ADVICE: Record<string, string> = {
  '(': 'faites une autre phrase plutôt qu’une parenthèse',
  ')': 'faites une autre phrase plutôt qu’une parenthèse',
  ';': 'mettez un point et commencez une nouvelle ligne',
  '/': 'écrivez « ou », « par » ou « sur »',
  '&': 'écrivez « et »',
  '#': 'écrivez « numéro » ou « dièse »',
  '§': 'écrivez « paragraphe »',
  '…': 'donnez toute la liste ou finissez la phrase',
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
        const advice = ADVICE[character] ?? 'écrivez-le autrement';
        report(t('finding.forbiddenCharacters.character', { character, advice }), sentence.pointAt(index));
      });
      if (/\.\.\./.test(sentence.text) && characters.has('…')) {
        const index = sentence.text.indexOf('...');
        report(t('finding.forbiddenCharacters.ellipsis', { advice: ADVICE['…'] ?? '' }), sentence.pointAt(index));
      }
      for (const match of wordPattern ? sentence.text.matchAll(wordPattern) : []) {
        report(t('finding.forbiddenCharacters.word', { word: match[0] }), sentence.pointAt(match.index));
      }
    }
  },
);
