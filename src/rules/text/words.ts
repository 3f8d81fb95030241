/**
 * Words of a sentence as a reader counts them: "l'Assurance" and
 * "connectez-vous" are one word each, "ameli.fr" is one word, a variable
 * `{{caisse.nom}}` is one word, and "8 h 30" is three.
 */
export interface Word {
  text: string;
  /** Offset of the word in the sentence text. */
  index: number;
  /** A `{{variable}}`: its printed value is not known when checking sources. */
  variable: boolean;
}

const WORD = /\{\{[^}]*\}\}|[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    index: match.index,
    variable: match[0].startsWith('{{'),
  }));
}

/** Words of text with apostrophes normalised to ' and lower-cased, for dictionary look-ups. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}
