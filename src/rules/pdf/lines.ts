import { normaliseForSearch, type PdfPageText, type PdfReadback, type PdfTextRun } from '../../verify/read-pdf.js';

/**
 * Printed lines of a page, in the order the PDF draws them (pdfmake draws in
 * document order, so this is reading order even when a step number or a
 * pictogram caption sits beside a sentence): consecutive text runs on the
 * same baseline, left to right.
 */
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
  const lines: PrintedLine[] = [];
  for (const run of page.runs) {
    if (run.text.trim() === '') continue;
    const last = lines.at(-1);
    const previous = last?.runs.at(-1);
    const sameLine = last && previous && Math.abs(last.y - run.y) <= SAME_BASELINE && run.x >= previous.x;
    if (sameLine) last.runs.push(run);
    else lines.push({ page: page.page, y: run.y, runs: [run], text: '', left: 0, right: 0, fontSize: 0 });
  }
  for (const line of lines) {
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
