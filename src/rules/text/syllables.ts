/**
 * French syllable counting for the Kandel & Moles readability score, with the
 * heuristic of EASY-READ.md: count groups of vowels, and drop a silent final
 * "e" in words of more than one group. Two refinements fix the heuristic's
 * best-known errors:
 * - "qu" and "gu" before e/i: the "u" is not a vowel ("banque" = 1, "guérir" = 2);
 * - a verb in "-ent" after "ils"/"elles": "-ent" is silent ("ils parlent" = 2).
 * Known remaining errors (tested): hiatus read as one group ("création" = 2,
 * "pays" = 1), and "-ent" verbs without "ils"/"elles" before them ("les
 * enfants parlent" counts "parlent" as 2).
 */
const VOWELS = 'aeiouyàâäéèêëîïôöùûüÿœæ';
const VOWEL_GROUP = new RegExp(`[${VOWELS}]+`, 'g');
const IS_VOWEL = new RegExp(`[${VOWELS}]`);

export interface SyllableOptions {
  /** The word is a verb after "ils"/"elles": its final "-ent" is silent. */
  silentEnt?: boolean;
}

/** Syllables of one word (letters only; digits and symbols are ignored). */
export function countSyllables(word: string, options: SyllableOptions = {}): number {
  let letters = word.toLowerCase().normalize('NFC').replace(/[^a-zàâäéèêëîïôöùûüÿœæç]/g, '');
  if (letters.length === 0) return 0;
  // "qu" + vowel and "gu" + e/i: the u only changes how the consonant sounds.
  letters = letters.replace(/qu(?=[aeiouyàâäéèêëîïôöùûüÿ])/g, 'q').replace(/gu(?=[eiéèêëîïy])/g, 'g');
  if (options.silentEnt && letters.length > 3 && letters.endsWith('ent')) letters = letters.slice(0, -3);
  let groups = letters.match(VOWEL_GROUP)?.length ?? 0;
  if (groups > 1 && hasSilentFinalE(letters)) groups -= 1;
  return Math.max(1, groups);
}

/** "page", "pages": a final "e" (or "es") after a consonant is not pronounced. */
function hasSilentFinalE(letters: string): boolean {
  const stem = letters.endsWith('es') ? letters.slice(0, -2) : letters.endsWith('e') ? letters.slice(0, -1) : undefined;
  if (stem === undefined || stem.length === 0) return false;
  return !IS_VOWEL.test(stem.at(-1) ?? '');
}

const SUBJECT_PRONOUNS = new Set(['ils', "qu'ils", 'elles', "qu'elles"]);
/** Words that may sit between the subject and its verb: "ils ne se parlent pas". */
const OBJECT_PRONOUNS = new Set(['ne', "n'", 'se', "s'", 'me', "m'", 'te', "t'", 'le', 'la', 'les', "l'", 'lui', 'leur', 'y', 'en', 'nous', 'vous']);

/**
 * Syllables of each word of a sentence, applying the "ils/elles … -ent" rule
 * (the words as given by `words()`; elisions such as "qu'ils" stay attached).
 */
export function countSentenceSyllables(words: readonly string[]): number[] {
  let afterSubject = false;
  return words.map((word) => {
    const lower = word.toLowerCase().replace(/’/g, "'");
    const count = countSyllables(word, { silentEnt: afterSubject && lower.endsWith('ent') });
    if (SUBJECT_PRONOUNS.has(lower)) afterSubject = true;
    else if (!OBJECT_PRONOUNS.has(lower)) afterSubject = false;
    return count;
  });
}
