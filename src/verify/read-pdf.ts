import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/**
 * Reads a PDF back as the reader will see it: every text run with its page,
 * position and font size (pdfjs-dist text items; pdf-parse gives no sizes).
 * Positions are in PDF points with y measured from the top of the page.
 */
export interface PdfTextRun {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  fontName: string;
}

export interface PdfPageText {
  page: number;
  width: number;
  height: number;
  runs: PdfTextRun[];
  /** The page's text in reading order, one line per run group. */
  text: string;
}

export interface PdfReadback {
  pageCount: number;
  pages: PdfPageText[];
  title: string | undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReadback> {
  // Loaded here, not with the module: the rules that import normaliseForSearch do not need pdfjs.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const run = item as TextItem;
        const [a, b, , , e, f] = run.transform as number[];
        if (run.str.length > 0) {
          runs.push({
            page: number,
            text: run.str,
            x: e ?? 0,
            y: viewport.height - (f ?? 0),
            width: run.width,
            fontSize: Math.round(Math.hypot(a ?? 0, b ?? 0) * 100) / 100,
            fontName: run.fontName,
          });
        }
        text += run.str + (run.hasEOL ? '\n' : '');
      }
      pages.push({ page: number, width: viewport.width, height: viewport.height, runs, text });
      page.cleanup();
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: string } | undefined;
    return { pageCount: document.numPages, pages, title: info?.Title };
  } finally {
    await document.destroy();
  }
}

/** Whitespace-insensitive form used to look for a sentence in extracted text. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
