/**
 * French typography that keeps an idea together on a line: a no-break space
 * before : ; ! ? » and after «, inside digit groups ("36 46", "02 33 12 34 56"),
 * in "8 h 30", between a number and the word after it ("8 jours",
 * "13 chiffres"), in a range ("de 8h30 à 17h00", "entre 8 et 13 chiffres")
 * and inside a short « quoted label » ("« Se connecter »").
 * The reader never sees "«" alone at a line end, nor "8" / "jours".
 *
 * Every replacement turns one space into one no-break space: the text keeps
 * its length, so a sentence made of several inlines (bold parts) is spaced as
 * one text and cut back into the same inlines (`spacedInlines`).
 */
const NBSP = '\u00a0';

/**
 * Without a column width (letters), the longest « quoted label », guillemets
 * included, kept on one line: the narrowest text column of a booklet holds
 * 28 characters. A label that does not fit its column may break at its
 * spaces, since pdfmake would otherwise cut a word that does not fit a line.
 */
export const LONGEST_GLUED_LABEL = 28;

const QUOTED_LABEL = /«[^«»\n]+»/g;

/** Whether a « label » (guillemets included) fits the column it is printed in. */
export type LabelFits = (label: string) => boolean;

const shortLabel: LabelFits = (label) => label.length <= LONGEST_GLUED_LABEL;

export function frenchSpacing(text: string, labelFits: LabelFits = shortLabel): string {
  return text
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`)
    .replace(/ ([:;!?])/g, `${NBSP}$1`)
    .replace(/(\d) (?=\d)/g, `$1${NBSP}`)
    .replace(/(\d) (€|h\b|%)/g, `$1${NBSP}$2`)
    .replace(/(\d) (à|et|ou) (?=\d)/g, `$1${NBSP}$2${NBSP}`)
    .replace(/(\d) (?=\p{L})/gu, `$1${NBSP}`)
    .replace(QUOTED_LABEL, (label) => (labelFits(label) ? label.replace(/ /g, NBSP) : label));
}

/**
 * In a cover or a title, a small word stays with the name after it: "de
 * l'Orne", "du Calvados", "la CPAM" (a title cut as "CPAM de / l'Orne" parts
 * the office from its place).
 */
const SMALL_WORD_BEFORE_NAME = /(^|[\s\u00a0])(de|du|des|la|le|les|à|au|aux|en|d'|l')[ ](?=(?:[ldLD]['’])?\p{Lu})/gu;

export function keepNamesTogether(text: string): string {
  return text.replace(SMALL_WORD_BEFORE_NAME, `$1$2${NBSP}`);
}

/** `transform` (length-preserving) applied to the inlines of one sentence as one text, cut back into the same inlines. */
export function spacedInlines(texts: readonly string[], transform: (text: string) => string = frenchSpacing): string[] {
  const joined = texts.join('');
  const spaced = transform(joined);
  if (spaced.length !== joined.length) throw new Error('typography: a spacing rule changed the length of the text');
  const parts: string[] = [];
  let start = 0;
  for (const text of texts) {
    parts.push(spaced.slice(start, start + text.length));
    start += text.length;
  }
  return parts;
}
