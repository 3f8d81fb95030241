import { z } from 'zod';
import { findWholeWord } from '../text/ranges.js';
import { words } from '../text/words.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Same thing, same word, all through the booklet (Inclusion Europe): "CPAM",
 * never "Cpm" or "Cram". `terms` maps each preferred term to the variants that
 * must not be used. Besides, an abbreviation the booklet explains with
 * `:term[CPAM]{…}` is flagged when written otherwise elsewhere ("Cpam").
 */
const DEFAULT_TERMS: Record<string, string[]> = {
  CPAM: ['Cpm', 'Cram', 'CRAM', 'Cpam', 'C.P.A.M.', 'caisse primaire', 'Caisse Primaire'],
  'Assurance Maladie': ['assurance-maladie', 'Assurance-Maladie', 'Sécu', 'sécu'],
  email: ['e-mail', 'E-mail', 'mail', 'mails', 'courriel', 'courriels', 'mél'],
  'carte Vitale': ['carte vitale', 'Carte vitale'],
  'téléphone portable': ['smartphone', 'smartphones', 'téléphone mobile'],
};

export const oneTermPerConcept = defineSourceRule(
  {
    id: 'one-term-per-concept',
    description:
      'One term per concept across the booklet: `terms` maps each preferred term to its forbidden variants; an abbreviation explained with :term is always written the same way ("CPAM", never "Cpam").',
    severity: 'error',
    options: z.strictObject({ terms: z.record(z.string(), z.array(z.string())).default(DEFAULT_TERMS) }),
  },
  ({ text, booklet, options, report }) => {
    // Abbreviations the booklet explains (:term[CPAM]{…}): their other spellings are mistakes, not words ("La" ≠ "LA").
    const acronyms = new Set<string>();
    for (const chapter of booklet.chapters) {
      for (const block of chapter.text.blocks) {
        for (const term of block.terms) {
          for (const part of term.label.split(/[\s'’-]+/)) if (/^\p{Lu}{2,}$/u.test(part)) acronyms.add(part);
        }
      }
    }
    for (const sentence of readSentences(text)) {
      const reported = new Set<number>();
      for (const [preferred, variants] of Object.entries(options.terms)) {
        for (const variant of variants) {
          for (const index of findWholeWord(sentence.text, variant)) {
            reported.add(index);
            report(t('finding.oneTermPerConcept.variant', { variant, preferred }), sentence.pointAt(index));
          }
        }
      }
      for (const word of words(sentence.text)) {
        let offset = 0;
        for (const part of word.text.split(/['’-]/)) {
          const upper = part.toUpperCase();
          if (part !== upper && acronyms.has(upper) && part.length >= 2 && /^\p{Lu}/u.test(part) && !reported.has(word.index + offset)) {
            report(t('finding.oneTermPerConcept.capitals', { word: part, upper }), sentence.pointAt(word.index + offset));
          }
          offset += part.length + 1;
        }
      }
    }
  },
);
