import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from '../../../src/fonts/fonts.js';
import { renderPdfWithGeometry } from '../../../src/render/render-pdf.js';
import type { LayoutFacts, PdfCheckInput } from '../../../src/rules/pdf/pdf-rule.js';
import type { Sentence } from '../../../src/model/booklet.js';
import { readPdf } from '../../../src/verify/read-pdf.js';

/** What the build would tell the PDF rules besides the PDF itself. */
export interface ExampleFacts {
  sentences?: string[];
  format?: 'a4' | 'a5-booklet';
  /** Page count to report (the PDF itself is not padded to it). */
  pages?: number;
}

/** The page of the examples: A5, 40 pt margins, 16 pt body text, 14 pt minimum. */
export const EXAMPLE_LAYOUT: LayoutFacts = { margins: [40, 40, 40, 40], bodySize: 16, minSize: 14 };

/** Renders a small pdfmake document with the booklet font, through livret's own renderer. */
export async function renderExample(definition: Partial<TDocumentDefinitions>): Promise<Uint8Array> {
  return (await renderExampleWithGeometry(definition)).pdf;
}

async function renderExampleWithGeometry(definition: Partial<TDocumentDefinitions>) {
  const document: TDocumentDefinitions = {
    pageSize: 'A5',
    pageMargins: EXAMPLE_LAYOUT.margins,
    defaultStyle: { font: FONT_FAMILY, fontSize: 16 },
    info: { title: 'Exemple', creationDate: new Date(0) },
    // Tagged as livret's booklets are (`"tagged": false` for an untagged example).
    tagged: true,
    content: [],
    ...definition,
  };
  return renderPdfWithGeometry(document);
}

/** Renders and reads back an example, giving the input a PDF rule receives. */
export async function pdfInput(definition: Partial<TDocumentDefinitions>, facts: ExampleFacts = {}): Promise<PdfCheckInput> {
  const rendered = await renderExampleWithGeometry(definition);
  const readback = await readPdf(rendered.pdf);
  const sentences: Sentence[] = (facts.sentences ?? []).map((text, index) => ({ text, inlines: [], source: { file: 'exemple.md', line: index + 1, column: 1 } }));
  return {
    readback,
    pdfPath: 'out/exemple.pdf',
    format: facts.format ?? 'a4',
    pageCount: facts.pages ?? readback.pageCount,
    sentences,
    layout: EXAMPLE_LAYOUT,
    pageGeometry: rendered.pages,
  };
}
