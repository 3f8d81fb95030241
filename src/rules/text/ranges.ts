/**
 * Parts of a sentence that some rules leave alone: the words of a button or a
 * page title quoted between « » (the reader must find them as written on the
 * screen), and web addresses.
 */
export interface Range {
  start: number;
  end: number;
}

export function labelRanges(text: string): Range[] {
  return [...text.matchAll(/«[^»]*»/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export function urlRanges(text: string): Range[] {
  return [...text.matchAll(/\b(?:https?:\/\/|www\.)\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Numeric dates ("03/05/2025"): the `dates` rule reports them, so their slashes are not reported again. */
export function numericDateRanges(text: string): Range[] {
  return [...text.matchAll(/\d{1,2}\/\d{1,2}(?:\/\d{2,4})?/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export function inRanges(index: number, ranges: readonly Range[]): boolean {
  return ranges.some((range) => index >= range.start && index < range.end);
}

const wholeWordPatterns = new Map<string, RegExp>();

/** Case-sensitive whole-word search (letters, digits and "-" count as word characters). */
export function findWholeWord(text: string, phrase: string, flags = 'gu'): number[] {
  // Rules look for the same few words in every sentence: each pattern is compiled once.
  const key = `${flags}\u0000${phrase}`;
  let pattern = wholeWordPatterns.get(key);
  if (!pattern) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, flags);
    wholeWordPatterns.set(key, pattern);
  }
  // A quick test first: most sentences do not hold the word at all.
  if (!flags.includes('i') && !text.includes(phrase)) return [];
  return [...text.matchAll(pattern)].map((match) => match.index);
}
