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

/** One marked-content sequence of the structure tree: its element and ancestors' roles, and its text. */
export interface TaggedContent {
  page: number;
  /** Roles from the outermost element (Document) to the one holding the content. */
  roles: string[];
  text: string;
}

/** The structure tree as a reader's tools get it (pdfjs-dist getStructTree), in tree order, page by page. */
export interface PdfStructureReadback {
  contents: TaggedContent[];
  figures: Array<{ page: number; alt: string | undefined }>;
  /** Text drawn inside Artifacts (page numbers, the example mark). */
  artifactText: Array<{ page: number; text: string }>;
}

export interface PdfReadback {
  pageCount: number;
  pages: PdfPageText[];
  title: string | undefined;
  /** Absent when the PDF is not tagged. */
  structure?: PdfStructureReadback;
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
    const tagged = (await document.getMarkInfo())?.Marked === true;
    const structure: PdfStructureReadback = { contents: [], figures: [], artifactText: [] };
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: tagged });
      const runs: PdfTextRun[] = [];
      const marked = new MarkedText();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) {
          marked.mark(item);
          continue;
        }
        const run = item as TextItem;
        marked.add(run.str);
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
      if (tagged) readPageStructure(number, await page.getStructTree(), marked, structure);
      page.cleanup();
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: string } | undefined;
    return { pageCount: document.numPages, pages, title: info?.Title, ...(tagged ? { structure } : {}) };
  } finally {
    await document.destroy();
  }
}

interface MarkedItem {
  type: string;
  id?: string | null;
  tag?: string;
}

/** The text of each marked-content sequence of a page (by id), and the text of its Artifacts. */
class MarkedText {
  readonly byId = new Map<string, string>();
  readonly artifacts: string[] = [];
  private readonly open: Array<{ id: string | null | undefined; tag: string | undefined; text: string }> = [];

  mark(item: unknown): void {
    const { type, id, tag } = item as MarkedItem;
    if (type === 'beginMarkedContent' || type === 'beginMarkedContentProps') this.open.push({ id, tag, text: '' });
    else if (type === 'endMarkedContent') {
      const closed = this.open.pop();
      if (!closed) return;
      if (closed.id) this.byId.set(closed.id, (this.byId.get(closed.id) ?? '') + closed.text);
      else if (closed.tag === 'Artifact') {
        if (closed.text.trim().length > 0) this.artifacts.push(closed.text);
      } else this.add(closed.text); // a Span inside a P: its text is the P's
    }
  }

  add(text: string): void {
    const current = this.open.at(-1);
    if (current) current.text += text;
  }
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

function readPageStructure(page: number, tree: unknown, marked: MarkedText, into: PdfStructureReadback): void {
  const walk = (node: StructNode, roles: string[]): void => {
    if (node.type === 'content' && node.id) {
      into.contents.push({ page, roles, text: marked.byId.get(node.id) ?? '' });
      return;
    }
    const path = node.role && node.role !== 'Root' ? [...roles, node.role] : roles;
    if (node.role === 'Figure') into.figures.push({ page, alt: node.alt });
    for (const child of node.children ?? []) walk(child, path);
  };
  if (tree) walk(tree as StructNode, []);
  for (const text of marked.artifacts) into.artifactText.push({ page, text });
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
