import { z } from 'zod';
import { describePlace, occurrencesInBooklet, type OccurrenceMatch } from '../text/occurrences.js';
import type { SourceLine } from '../../content/source-lines.js';
import { words } from '../text/words.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Abbreviations are explained at their first use in the booklet with
 * `:term[CPAM]{definition="Caisse primaire d'assurance maladie"}` (Inclusion
 * Europe). An abbreviation is a word of 2 capitals or more ("CMU", "RIB"), a
 * dotted one ("C.P.A.M.") or a shortened word ("n°", "tél.", "Mme"); the last
 * kind cannot be explained, only written in full. Roman numerals are left to
 * `roman-numerals`.
 */
const ACRONYM = /^\p{Lu}{2,}$/u;
const DOTTED = /(?<![\p{L}.])(?:\p{Lu}\.){2,}/gu;
const SHORTENED = /(?<![\p{L}])(n°|tél\.|cf\.|ex\.|env\.|Mme|Mlle|Dr|Pr|M\.(?= \p{Lu}))(?![\p{L}])/gu;

/** From this length, a word in capitals is more likely a shouted word ("VALIDER") than an abbreviation (CPAM, IBAN). */
const SHOUTED_LENGTH = 5;

function capitalised(word: string): string {
  return `${word.charAt(0)}${word.slice(1).toLowerCase()}`;
}

function acronymsIn(sentence: SourceLine, known: ReadonlySet<string>): OccurrenceMatch[] {
  const found: OccurrenceMatch[] = [];
  for (const word of words(sentence.text)) {
    if (word.variable) continue;
    // "l'IBAN": the abbreviation is what follows the elided article.
    const parts = word.text.split(/['’-]/);
    let offset = 0;
    for (const part of parts) {
      if (ACRONYM.test(part) && !/^[IVX]+$/.test(part) && !known.has(part)) {
        found.push({ key: part, written: part, index: word.index + offset });
      }
      offset += part.length + 1;
    }
  }
  for (const match of sentence.text.matchAll(DOTTED)) {
    found.push({ key: match[0].replace(/\./g, ''), written: match[0], index: match.index });
  }
  return found;
}

export const abbreviations = defineSourceRule(
  {
    id: 'abbreviations',
    description:
      'Every abbreviation (CPAM, CMU, IBAN…) is explained with `:term[…]{definition="…"}` at its first use in the booklet; `known` lists abbreviations readers know without help. Shortened words (n°, tél., Mme) are written in full.',
    severity: 'error',
    options: z.strictObject({ known: z.array(z.string()).default([]) }),
  },
  ({ file, text, booklet, options, report }) => {
    const known = new Set(options.known);
    const uses = occurrencesInBooklet(booklet, `abbreviations ${JSON.stringify(options)}`, (sentence) => acronymsIn(sentence, known));
    for (const [key, occurrences] of uses) {
      const first = occurrences[0];
      if (!first || first.explained || first.chapter.file !== file) continue;
      const explanation = occurrences.find((occurrence) => occurrence.explained);
      const reason = explanation
        ? t('finding.abbreviations.explainedLater', { word: first.written, place: describePlace(explanation), abbreviation: key })
        : key.length >= SHOUTED_LENGTH && !first.written.includes('.')
          ? t('finding.abbreviations.shouted', { word: first.written, lower: capitalised(key), abbreviation: key })
          : t('finding.abbreviations.unexplained', { word: first.written, abbreviation: key });
      report(reason, first.point);
    }
    for (const sentence of text.sentences) {
      for (const match of sentence.text.matchAll(SHORTENED)) {
        report(t('finding.abbreviations.shortened', { word: match[0] }), sentence.pointAt(match.index));
      }
    }
  },
);
