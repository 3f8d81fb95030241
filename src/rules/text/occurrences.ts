import type { BookletContext, ChapterSource } from '../source/rule-kit.js';
import type { Point, SourceLine } from '../../content/source-lines.js';

/**
 * Where a word is used across the booklet, in reading order, and whether that
 * use is explained by `:term[…]{definition="…"}`. Rules that ask for "an
 * explanation at first use" report only at the booklet's first occurrence.
 */
export interface Occurrence {
  key: string;
  written: string;
  chapter: ChapterSource;
  sentence: SourceLine;
  index: number;
  point: Point;
  /** Inside a `:term[…]` that has a definition. */
  explained: boolean;
}

export interface OccurrenceMatch {
  key: string;
  written: string;
  index: number;
}

const computed = new WeakMap<BookletContext, Map<string, Map<string, Occurrence[]>>>();

/**
 * All uses of the words picked by `match`, booklet order, grouped by key.
 * A rule runs once per chapter but looks at the whole booklet: the result is
 * computed once per booklet and `cacheKey` (the rule and its options).
 */
export function occurrencesInBooklet(
  booklet: BookletContext,
  cacheKey: string,
  match: (sentence: SourceLine) => OccurrenceMatch[],
): Map<string, Occurrence[]> {
  let byKey = computed.get(booklet);
  if (!byKey) {
    byKey = new Map();
    computed.set(booklet, byKey);
  }
  let found = byKey.get(cacheKey);
  if (!found) {
    found = findOccurrences(booklet, match);
    byKey.set(cacheKey, found);
  }
  return found;
}

function findOccurrences(booklet: BookletContext, match: (sentence: SourceLine) => OccurrenceMatch[]): Map<string, Occurrence[]> {
  const found = new Map<string, Occurrence[]>();
  for (const chapter of booklet.chapters) {
    for (const sentence of chapter.text.sentences) {
      for (const hit of match(sentence)) {
        const blockIndex = sentence.offset + hit.index;
        const explained = sentence.block.terms.some(
          (term) => term.definition !== undefined && blockIndex >= term.start && blockIndex < term.end,
        );
        const occurrence = { ...hit, chapter, sentence, point: sentence.pointAt(hit.index), explained };
        const list = found.get(hit.key);
        if (list) list.push(occurrence);
        else found.set(hit.key, [occurrence]);
      }
    }
  }
  return found;
}

/** Every word of every `:term` label that has a definition, lower-cased: the booklet's glossary. */
export function glossaryWords(booklet: BookletContext): Set<string> {
  const glossary = new Set<string>();
  for (const chapter of booklet.chapters) {
    for (const block of chapter.text.blocks) {
      for (const term of block.terms) {
        if (term.definition === undefined) continue;
        glossary.add(term.label.toLowerCase());
        for (const word of term.label.toLowerCase().split(/[\s'’]+/)) if (word) glossary.add(word);
      }
    }
  }
  return glossary;
}

export function describePlace(occurrence: Occurrence): string {
  return `${occurrence.chapter.path}:${occurrence.point.line}:${occurrence.point.column}`;
}
