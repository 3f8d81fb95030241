import { normaliseForSearch, type PdfPageText, type PdfReadback, type PdfTextRun } from '../../verify/read-pdf.js';

/** Printed lines of a page: text runs on the same baseline, left to right, top to bottom. */
export interface PrintedLine {
  page: number;
  y: number;
  runs: PdfTextRun[];
  text: string;
  left: number;
  right: number;
  fontSize: number;
}

const SAME_BASELINE = 1;

export function pageLines(page: PdfPageText): PrintedLine[] {
  const runs = page.runs.filter((run) => run.text.trim() !== '');
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PrintedLine[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - run.y) <= SAME_BASELINE) last.runs.push(run);
    else lines.push({ page: page.page, y: run.y, runs: [run], text: '', left: 0, right: 0, fontSize: 0 });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.text = lineText(line.runs);
    line.left = Math.min(...line.runs.map((run) => run.x));
    line.right = Math.max(...line.runs.map((run) => run.x + run.width));
    line.fontSize = Math.max(...line.runs.map((run) => run.fontSize));
  }
  return lines;
}

/** Runs joined with a space where the PDF leaves a gap between them. */
function lineText(runs: PdfTextRun[]): string {
  let text = '';
  let end: number | undefined;
  for (const run of runs) {
    if (end !== undefined && run.x - end > run.fontSize * 0.15 && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
    text += run.text;
    end = run.x + run.width;
  }
  return text;
}

/** Whether a printed line ends inside a word broken across lines ("porte-" / "monnaie"). */
export function endsWithBrokenWord(line: PrintedLine, next: PrintedLine | undefined): boolean {
  if (!next) return false;
  return /\p{L}[-\u00ad\u2010]$/u.test(line.text.trimEnd()) && /^\p{L}/u.test(next.text.trimStart());
}

/**
 * Each page's text on one line, ready for searching a sentence in it: lines
 * joined by spaces, a word broken at a line end joined back.
 */
export function searchablePages(readback: PdfReadback): string[] {
  return readback.pages.map((page) => {
    const lines = pageLines(page);
    let text = '';
    lines.forEach((line, index) => {
      const broken = endsWithBrokenWord(line, lines[index + 1]);
      text += broken ? line.text.trimEnd().replace(/\u00ad$/, '') : `${line.text} `;
    });
    return normaliseForSearch(text);
  });
}
