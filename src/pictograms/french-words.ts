import { foldForMatching } from './fold.js';

/**
 * Just enough French morphology to match a lexicon word in running text:
 * simple plurals (cartes, prix → pri), and the verb forms an easy-read booklet
 * uses (cliquez, cliquer, cliqué, cliquée; remplissez, remplir, rempli). Both
 * the lexicon's words and the text go through the same `stem`, so a stem only
 * has to be stable, not a real French root. Words of 3 letters or fewer are
 * left whole ("rib", "vos", "mer").
 */
const VERB_ENDINGS = ['issez', 'issent', 'ee', 'ez', 'er', 'ir', 'ie', 'e', 'i'] as const;
const MIN_STEM = 3;

export function stem(word: string): string {
  let result = foldForMatching(word);
  if (result.length <= MIN_STEM) return result;
  if (/[sx]$/.test(result)) result = result.slice(0, -1);
  for (const ending of VERB_ENDINGS) {
    if (result.endsWith(ending) && result.length - ending.length >= MIN_STEM) return result.slice(0, -ending.length);
  }
  return result;
}

/** The words of a text (letters and digits; apostrophes, hyphens and dots separate words), stemmed. */
export function stems(text: string): string[] {
  return (foldForMatching(text).match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}
