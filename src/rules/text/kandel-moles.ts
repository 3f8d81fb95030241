import { countSentenceSyllables } from './syllables.js';
import { words } from './words.js';

/**
 * Kandel & Moles (1958), Flesch's reading ease adapted to French:
 * L = 207 − 1.015 × (words per sentence) − 73.6 × (syllables per word).
 * Higher is easier; about 60 and above reads easily.
 */
export function kandelMoles(wordsPerSentence: number, syllablesPerWord: number): number {
  return 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord;
}

export interface ReadabilityCounts {
  sentences: number;
  words: number;
  syllables: number;
  score: number;
}

/**
 * Syllables a `{{variable}}` counts for: its value is only known at build time,
 * so it counts as an average short French word.
 */
export const VARIABLE_SYLLABLES = 2;

/** Syllables of a number written in digits: about one per digit, at most 3 ("12" → "douze" is 1, "2025" is 4; 3 is a fair middle). */
function numberSyllables(token: string): number {
  return Math.min(3, token.replace(/\D/g, '').length);
}

/** Readability of a list of sentences (one source line each). */
export function readability(sentences: readonly string[]): ReadabilityCounts {
  let wordCount = 0;
  let syllableCount = 0;
  let sentenceCount = 0;
  for (const sentence of sentences) {
    const sentenceWords = words(sentence);
    if (sentenceWords.length === 0) continue;
    sentenceCount += 1;
    wordCount += sentenceWords.length;
    const syllables = countSentenceSyllables(sentenceWords.map((word) => word.text));
    sentenceWords.forEach((word, index) => {
      if (word.variable) syllableCount += VARIABLE_SYLLABLES;
      else if (/^\d/.test(word.text)) syllableCount += numberSyllables(word.text);
      else syllableCount += syllables[index] ?? 0;
    });
  }
  const score = wordCount === 0 ? 100 : kandelMoles(wordCount / sentenceCount, syllableCount / wordCount);
  return { sentences: sentenceCount, words: wordCount, syllables: syllableCount, score: Math.round(score * 10) / 10 };
}
