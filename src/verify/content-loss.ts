import type { Sentence } from '../model/booklet.js';
import { normaliseForSearch, type PdfReadback } from './read-pdf.js';


/**
 * The sentences of the sources that cannot be found in the PDF's text.
 * pdfmake silently drops an unbreakable block taller than a page; this is
 * how livret notices (EASY-READ.md: content-loss check).
 */
export function findMissingSentences(readback: PdfReadback, sentences: readonly Sentence[]): Sentence[] {
  const text = normaliseForSearch(readback.pages.map((page) => page.text).join('\n'));
  return sentences.filter((sentence) => {
    const wanted = normaliseForSearch(sentence.text);
    return wanted.length > 0 && !text.includes(wanted);
  });
}
