import { normaliseForSearch, type PdfReadback } from '../../verify/read-pdf.js';
import type { Sentence } from '../../model/booklet.js';
import { searchablePages } from './lines.js';

/**
 * Where each source sentence is printed: on one page, split across two
 * consecutive pages (its first words end page N, the rest starts page N + 1),
 * or not found at all.
 */
export type Placement = { kind: 'page'; page: number } | { kind: 'split'; page: number } | { kind: 'missing' };

const cache = new WeakMap<PdfReadback, string[]>();

function pagesOf(readback: PdfReadback): string[] {
  let pages = cache.get(readback);
  if (!pages) {
    pages = searchablePages(readback);
    cache.set(readback, pages);
  }
  return pages;
}

export function placeSentence(readback: PdfReadback, sentence: Sentence): Placement {
  const pages = pagesOf(readback);
  const target = normaliseForSearch(sentence.text);
  if (target === '') return { kind: 'page', page: 1 };
  const whole = pages.findIndex((page) => page.includes(target));
  if (whole >= 0) return { kind: 'page', page: whole + 1 };
  const words = target.split(' ');
  for (let index = 0; index + 1 < pages.length; index++) {
    const here = pages[index] ?? '';
    const next = pages[index + 1] ?? '';
    for (let cut = words.length - 1; cut >= 1; cut--) {
      const head = words.slice(0, cut).join(' ');
      const tail = words.slice(cut).join(' ');
      if (endsNear(here, head) && startsNear(next, tail)) return { kind: 'split', page: index + 1 };
    }
  }
  return { kind: 'missing' };
}

/** Room for a running header or footer ("Page 3 sur 16") between the body text and the page edge. */
const FURNITURE = 120;

/** The end of a split sentence is among the first words of the next page. */
function startsNear(pageText: string, tail: string): boolean {
  const at = pageText.indexOf(tail);
  return at >= 0 && at <= FURNITURE;
}

/** The start of a split sentence is among the last words of its page. */
function endsNear(pageText: string, head: string): boolean {
  const at = pageText.lastIndexOf(head);
  return at >= 0 && pageText.length - (at + head.length) <= FURNITURE;
}
