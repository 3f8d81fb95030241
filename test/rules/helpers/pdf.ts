import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from '../../../src/fonts/fonts.js';
import { renderPdfWithGeometry } from '../../../src/render/render-pdf.js';
import type { LayoutFacts, PdfCheckInput } from '../../../src/rules/pdf/pdf-rule.js';
import type { PictureHighlightFacts } from '../../../src/rules/pdf/picture-text-size.js';
import type { Sentence } from '../../../src/model/booklet.js';
import { readPdf } from '../../../src/verify/read-pdf.js';

/** What the build would tell the PDF rules besides the PDF itself. */
export interface ExampleFacts {
  sentences?: string[];
  format?: 'a4' | 'a5-booklet';
  /** Page count to report (the PDF itself is not padded to it). */
  pages?: number;
  /** Screenshot highlights as the images stage measures them: type size in pixels, printed pt per pixel in the screen and in the inset. */
  pictures?: Array<{ picture: string; highlight: [number, number, number, number]; textPixels: number | null; scale: number; insetScale?: number }>;
}

function pictureFacts(pictures: NonNullable<ExampleFacts['pictures']>): PictureHighlightFacts[] {
  return pictures.map((picture, index) => {
    const [x, y, width, height] = picture.highlight;
    const inset = picture.insetScale === undefined ? null : { key: `exemple.inset-${index}`, png: Buffer.alloc(0), width: 1, height: 1, placed: { width: 1, height: 1 }, scale: picture.insetScale };
    return { picture: picture.picture, source: { file: 'exemple.md', line: index + 1, column: 4 }, highlight: { x, y, width, height }, index: 1, text: { textPixels: picture.textPixels, scale: picture.scale, inset } };
  });
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
    pictures: pictureFacts(facts.pictures ?? []),
  };
}
