import { normaliseForSearch, type PdfReadback } from '../verify/read-pdf.js';
import type { Sentence } from '../model/booklet.js';

/**
 * The proof report: one self-contained HTML file (thumbnails inlined, no
 * script, no server) showing each page beside what `livret check` found on
 * it, for the writer and the reviewer to go through page by page.
 */

/** A finding of `livret check` (same fields), with the page when it is known. */
export interface ProofFinding {
  page?: number;
  file: string;
  line?: number | null;
  column?: number | null;
  rule: string;
  severity: string;
  message: string;
}

export interface ProofPage {
  page: number;
  /** `data:image/png;base64,…` or a path relative to the report. */
  src: string;
  width: number;
  height: number;
}

export interface ProofReportInput {
  title: string;
  /** e.g. "CPAM de l'Orne (61)". */
  department: string;
  /** e.g. "A5, livret piqué". */
  format: string;
  /** Build date shown on the report (the reproducible build date, not "now"). */
  date: Date;
  pages: readonly ProofPage[];
  findings: readonly ProofFinding[];
}

/**
 * The page a finding is about: its own `page`, else "Page N" at the start of
 * its message (rendered-PDF rules), else the page where the sentence at its
 * file and line is printed (source rules). Undefined: the whole booklet.
 */
export function pageOfFinding(finding: ProofFinding, sentencePages: ReadonlyMap<string, number> = new Map()): number | undefined {
  if (finding.page !== undefined) return finding.page;
  const stated = /^Page (\d+)\b/i.exec(finding.message);
  if (stated) return Number(stated[1]);
  if (finding.line === null || finding.line === undefined) return undefined;
  return sentencePages.get(sentenceKey(finding.file, finding.line));
}

function sentenceKey(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Where each source sentence is printed: `file:line` → first page that shows it. */
export function sentencePages(readback: PdfReadback, sentences: readonly Sentence[]): Map<string, number> {
  const pageTexts = readback.pages.map((page) => ({ page: page.page, text: normaliseForSearch(page.text) }));
  const pages = new Map<string, number>();
  for (const sentence of sentences) {
    const key = sentenceKey(sentence.source.file, sentence.source.line);
    if (pages.has(key)) continue;
    const wanted = normaliseForSearch(sentence.text);
    const found = pageTexts.find((page) => page.text.includes(wanted));
    if (found) pages.set(key, found.page);
  }
  return pages;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: 'erreur', warn: 'avertissement', warning: 'avertissement', info: 'remarque' };

function severityClass(severity: string): string {
  return severity === 'error' ? 'error' : severity === 'warn' || severity === 'warning' ? 'warn' : 'info';
}

function findingItem(finding: ProofFinding): string {
  const where = [finding.file, finding.line, finding.line !== null && finding.line !== undefined ? finding.column : undefined]
    .filter((part) => part !== null && part !== undefined)
    .join(':');
  const label = SEVERITY_LABELS[finding.severity] ?? finding.severity;
  return (
    `<li class="finding ${severityClass(finding.severity)}">` +
    `<span class="severity">${escapeHtml(label)}</span> ` +
    `<span class="message">${escapeHtml(finding.message)}</span> ` +
    `<span class="where">${escapeHtml(where)}</span> <code class="rule">${escapeHtml(finding.rule)}</code></li>`
  );
}

function findingList(findings: readonly ProofFinding[]): string {
  if (findings.length === 0) return '<p class="none">Rien à signaler.</p>';
  return `<ul class="findings">${findings.map(findingItem).join('')}</ul>`;
}

const STYLE = `
body { font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #f2f2f2; margin: 0; padding: 24px; }
h1 { color: #0b4f8a; font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 24px 0 8px; }
.summary { margin: 0 0 16px; }
.pages { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.page { background: #fff; border: 1px solid #8c8c8c; padding: 12px; width: 340px; box-sizing: border-box; }
.page.has-error { border: 3px solid #a00000; }
.page.has-warn { border: 3px solid #8a4b00; }
.page img { display: block; width: 100%; height: auto; border: 1px solid #5c5c5c; }
figure { margin: 0; }
figcaption { font-weight: bold; margin: 6px 0; }
.findings { margin: 0; padding-left: 20px; }
.finding { margin: 4px 0; }
.severity { font-weight: bold; }
.error .severity { color: #a00000; }
.warn .severity { color: #8a4b00; }
.where, .rule { color: #4d4d4d; font-size: 14px; }
.none { color: #4d4d4d; margin: 0; }
`;

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The report as one HTML string: same input, same bytes. */
export function proofReportHtml(input: ProofReportInput, pagesOfSentences: ReadonlyMap<string, number> = new Map()): string {
  const byPage = new Map<number, ProofFinding[]>();
  const general: ProofFinding[] = [];
  for (const finding of input.findings) {
    const page = pageOfFinding(finding, pagesOfSentences);
    if (page === undefined || !input.pages.some((picture) => picture.page === page)) general.push(finding);
    else byPage.set(page, [...(byPage.get(page) ?? []), finding]);
  }
  const errors = input.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = input.findings.filter((finding) => severityClass(finding.severity) === 'warn').length;
  const pages = input.pages.map((picture) => {
    const findings = byPage.get(picture.page) ?? [];
    const mark = findings.some((finding) => finding.severity === 'error') ? ' has-error' : findings.length > 0 ? ' has-warn' : '';
    return (
      `<article class="page${mark}" id="page-${picture.page}">` +
      `<figure><img src="${escapeHtml(picture.src)}" alt="Page ${picture.page}" width="${picture.width}" height="${picture.height}">` +
      `<figcaption>Page ${picture.page} sur ${input.pages.length}</figcaption></figure>` +
      `${findingList(findings)}</article>`
    );
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Épreuve : ${escapeHtml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Épreuve : ${escapeHtml(input.title)}</h1>`,
    `<p class="summary">${escapeHtml(input.department)} · ${escapeHtml(input.format)} · ${input.pages.length} pages · ` +
      `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} · ${escapeHtml(formatDate(input.date))}</p>`,
    '<h2>Tout le livret</h2>',
    findingList(general),
    '<h2>Page par page</h2>',
    `<main class="pages">${pages.join('\n')}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
