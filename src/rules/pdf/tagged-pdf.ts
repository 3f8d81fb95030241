import { z } from 'zod';
import type { Sentence } from '../../model/booklet.js';
import { findMissingSentences } from '../../verify/content-loss.js';
import { normaliseForSearch, type PdfStructureReadback } from '../../verify/read-pdf.js';
import { definePdfRule, quote, type PdfFinding } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/**
 * The PDF is tagged (PDF/UA) as a screen reader needs it, read back from its
 * structure tree (pdfjs-dist getStructTree): every source sentence is inside a
 * paragraph, heading or list item, in the order of the sources; every Figure
 * has an alternative text; no page number is in the tree (page numbers are
 * Artifacts). A sentence missing from the page text is `content-loss`'s.
 */
const READABLE_ROLE = /^(P|H[1-6]?|LI)$/;
const PAGE_NUMBER = /^\s*Page \d+ sur \d+\s*$/;

/** Whitespace-free: line breaks inside an element leave or drop spaces depending on the reader. */
const compact = (text: string) => normaliseForSearch(text).replace(/\s+/g, '');

/** The text of the tree's readable elements, in tree order, as one searchable string. */
function readableText(structure: PdfStructureReadback): string {
  return structure.contents
    .filter((content) => content.roles.some((role) => READABLE_ROLE.test(role)))
    .map((content) => compact(content.text))
    .join('');
}

function sentenceFindings(structure: PdfStructureReadback, sentences: readonly Sentence[], lost: ReadonlySet<Sentence>): PdfFinding[] {
  const text = readableText(structure);
  const findings: PdfFinding[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const wanted = compact(sentence.text);
    if (wanted.length === 0 || lost.has(sentence)) continue;
    const at = text.indexOf(wanted, from);
    const where = { ...sentence.source };
    if (at >= 0) {
      from = at + wanted.length;
      continue;
    }
    if (text.includes(wanted)) {
      findings.push({ ...where, message: t('finding.taggedPdf.outOfOrder', { sentence: quote(sentence.text) }) });
    } else {
      findings.push({ ...where, message: t('finding.taggedPdf.untagged', { sentence: quote(sentence.text) }) });
    }
  }
  return findings;
}

function figureFindings(structure: PdfStructureReadback): PdfFinding[] {
  return structure.figures
    .filter((figure) => (figure.alt ?? '').trim().length === 0)
    .map((figure) => ({ message: t('finding.taggedPdf.figureAlt', { page: figure.page }) }));
}

function pageNumberFindings(structure: PdfStructureReadback): PdfFinding[] {
  const pages = new Set(structure.contents.filter((content) => !content.roles.includes('Artifact') && PAGE_NUMBER.test(content.text)).map((content) => content.page));
  return [...pages].map((page) => ({ message: t('finding.taggedPdf.pageNumber', { page }) }));
}

export const taggedPdf = definePdfRule({
  id: 'tagged-pdf',
  description: 'The PDF is tagged: every sentence in a paragraph, heading or list item in source order, every picture described, no page number in the structure.',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    const { structure } = readback;
    if (!structure) return [{ message: t('finding.taggedPdf.notTagged') }];
    const lost = new Set(findMissingSentences(readback, sentences));
    return [...sentenceFindings(structure, sentences, lost), ...figureFindings(structure), ...pageNumberFindings(structure)];
  },
});
