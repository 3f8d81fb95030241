// STUB (issue-3 branch): replaced by the integrator's module when main is merged.
import type { SourceSentence } from '../build.js';
import { normaliseForSearch, type PdfReadback } from './read-pdf.js';

export function findMissingSentences(readback: PdfReadback, sentences: SourceSentence[]): SourceSentence[] {
  const text = normaliseForSearch(readback.pages.map((page) => page.text).join(' '));
  return sentences.filter((sentence) => !text.includes(normaliseForSearch(sentence.text)));
}
