import { z } from 'zod';
import { glossaryWords, occurrencesInBooklet, type OccurrenceMatch } from '../text/occurrences.js';
import { inRanges, labelRanges } from '../text/ranges.js';
import type { SourceLine } from '../../content/source-lines.js';
import { countSyllables } from '../text/syllables.js';
import { words } from '../text/words.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Long words are hard to read (Inclusion Europe): a word of `minSyllables`
 * syllables or more is flagged at its first use unless the booklet explains it
 * with `:term` (the glossary) or `allow` lists it. Rare-but-short words are not
 * detected (no word-frequency list ships with livret). Words quoted between
 * « » are screen labels and are left alone.
 */
function longWordsIn(sentence: SourceLine, minSyllables: number, skip: ReadonlySet<string>): OccurrenceMatch[] {
  const labels = labelRanges(sentence.text);
  return words(sentence.text)
    .filter((word) => !word.variable && !/\d/.test(word.text) && !inRanges(word.index, labels))
    .map((word) => ({ word, bare: word.text.replace(/^\p{L}['’]/u, '') }))
    .filter(({ bare }) => !skip.has(bare.toLowerCase()) && countSyllables(bare) >= minSyllables)
    .map(({ word, bare }) => ({ key: bare.toLowerCase(), written: bare, index: word.index + (word.text.length - bare.length) }));
}

export const difficultWords = defineSourceRule(
  {
    id: 'difficult-words',
    description: 'Words of `minSyllables` syllables or more are explained with `:term` somewhere in the booklet, or listed in `allow`.',
    severity: 'warn',
    options: z.strictObject({
      minSyllables: z.number().int().min(2).default(5),
      allow: z.array(z.string()).default([]),
    }),
  },
  ({ file, booklet, options, report }) => {
    const skip = new Set([...glossaryWords(booklet), ...options.allow.map((word) => word.toLowerCase())]);
    const uses = occurrencesInBooklet(booklet, `difficult-words ${JSON.stringify(options)}`, (sentence) => longWordsIn(sentence, options.minSyllables, skip));
    for (const occurrences of uses.values()) {
      const first = occurrences[0];
      if (!first || first.explained || first.chapter.file !== file) continue;
      report(
        t('finding.difficultWords.long', { word: first.written, syllables: countSyllables(first.written) }),
        first.point,
      );
    }
  },
);
