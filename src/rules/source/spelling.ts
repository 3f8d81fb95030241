import { z } from 'zod';
import { readSentences, type ChapterText } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { spellChecker } from './spelling-checker.js';
import { t } from '../../i18n/index.js';

/**
 * French spelling (nspell with dictionary-fr, plus the project's own words):
 * a reader who reads with difficulty stops at "Relévé" or "su la page". Two
 * slips that are real words are caught by their context: "su" before an
 * article or "votre" (for "sur"), and "je" before a past participle in "-ie"
 * whose "-is" form exists ("Je saisie" for "Je saisis").
 */
export const PROJECT_WORDS = [
  'ameli', 'FranceConnect', 'CPAM', 'CEAM', 'RIB', 'IBAN', 'BIC', 'email', 'emails', 'e-mail', 'Vitale', 'smartphone',
  'appli', 'cpam', 'NIR', 'SMS', 'MSAP', 'CS', 'CEDEX', 'livret',
];

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const ELISION = /^(?:l|d|j|qu|n|s|t|m|c|jusqu|lorsqu|puisqu)['’]/iu;
const AFTER_SU = /^(?:la|le|les|l['’]|votre|vos|ce|cette|ces|un|une|mon|ma|mes|son|sa|ses)$/iu;

interface Word {
  text: string;
  index: number;
}

/** Words of a sentence; `{{variables}}` are the department file's words, not the writer's. */
function wordsOf(text: string): Word[] {
  const withoutVariables = text.replace(/\{\{[^}]*\}\}/g, (variable) => ' '.repeat(variable.length));
  return [...withoutVariables.matchAll(WORD)].map((match) => ({ text: match[0], index: match.index }));
}

function allWords(texts: readonly ChapterText[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const sentence of readSentences(text)) for (const word of wordsOf(sentence.text)) words.add(word.text.replace(ELISION, '').toLowerCase());
  return words;
}

export const spelling = defineSourceRule(
  {
    id: 'spelling',
    description: 'French spelling: every word is in the French dictionary or in the project word list.',
    severity: 'warn',
    options: z.strictObject({ words: z.array(z.string()).default([]) }),
  },
  ({ text, booklet, options, report }) => {
    const known = new Set([...PROJECT_WORDS, ...options.words].map((word) => word.toLowerCase()));
    const checker = spellChecker(allWords(booklet.chapters.map((chapter) => chapter.text)));
    const correct = (word: string) => known.has(word.toLowerCase()) || checker.correct(word) || checker.correct(word.toLowerCase());
    for (const sentence of readSentences(text)) {
      const words = wordsOf(sentence.text);
      words.forEach((word, position) => {
        const bare = word.text.replace(ELISION, '');
        const next = words[position + 1];
        const startsSentence = position === 0;
        // A capital inside a sentence is a name (Alençon, Nathalie): names are the department file's business.
        if (!startsSentence && /^\p{Lu}/u.test(bare)) return;
        if (bare.length > 1 && bare === bare.toUpperCase()) return;
        const at = sentence.pointAt(word.index);
        if (!correct(bare) && !correct(word.text)) {
          const [suggestion] = checker.suggest(bare);
          report(t('finding.spelling.unknown', { word: word.text, suggestion: suggestion ? t('finding.spelling.suggestion', { suggestion }) : '' }), at);
          return;
        }
        if (bare.toLowerCase() === 'su' && next && AFTER_SU.test(next.text.replace(/['’]\p{L}+$/u, "'"))) {
          report(t('finding.spelling.su', { word: next.text }), at);
          return;
        }
        if (/^je$/iu.test(bare) && next && /ie$/u.test(next.text)) {
          const firstPerson = `${next.text.slice(0, -1)}s`;
          if (checker.correct(firstPerson)) report(t('finding.spelling.firstPerson', { pronoun: word.text, verb: next.text, corrected: firstPerson }), at);
        }
      });
    }
  },
);
