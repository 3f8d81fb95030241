import { PDFHexString, PDFName, PDFString, type PDFDocument } from '../vendor/pdf-lib.js';
import { createForPrint, loadForPrint, saveReproducibly } from './pdf-lib-output.js';
import { imposedSides } from './saddle-stitch.js';

/** A4 landscape, in points: two A5 pages side by side. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

export interface ImposeOptions {
  /** Creation and modification date written in the PDF (reproducible output). */
  date: Date;
  sheet?: { width: number; height: number };
}

/**
 * Imposes a booklet for saddle stitching: two pages per A4 landscape side,
 * in the order of `imposedSides` (sheet 1 front, sheet 1 back, …), for duplex
 * printing with short-edge flip. The pages are drawn at their own size (no
 * scaling: type sizes stay as laid out), centred on the fold.
 */
export async function imposeSaddleStitch(pages: Uint8Array, options: ImposeOptions): Promise<Uint8Array> {
  const source = await loadForPrint(pages);
  const sheet = options.sheet ?? A4_LANDSCAPE;
  const imposed = await createForPrint();
  const embedded = await imposed.embedPages(source.getPages());
  const first = embedded[0];
  if (!first) throw new RangeError('cannot impose an empty PDF');
  if (2 * first.width > sheet.width + 0.5 || first.height > sheet.height + 0.5) {
    throw new RangeError(`pages of ${first.width} × ${first.height} pt do not fit two by two on ${sheet.width} × ${sheet.height} pt`);
  }
  const foldX = sheet.width / 2;
  const y = (sheet.height - first.height) / 2;
  for (const side of imposedSides(embedded.length)) {
    const page = imposed.addPage([sheet.width, sheet.height]);
    const left = embedded[side.left - 1];
    const right = embedded[side.right - 1];
    if (!left || !right) throw new RangeError(`page ${side.left} or ${side.right} missing`);
    page.drawPage(left, { x: foldX - left.width, y });
    page.drawPage(right, { x: foldX, y });
  }
  copyDocumentFacts(source, imposed);
  return saveReproducibly(imposed, options.date);
}

/** Title (shown in the viewer's title bar) and language follow the booklet. */
function copyDocumentFacts(from: PDFDocument, to: PDFDocument): void {
  const title = from.getTitle();
  if (title) to.setTitle(title, { showInWindowTitleBar: true });
  const subject = from.getSubject();
  if (subject) to.setSubject(subject);
  const author = from.getAuthor();
  if (author) to.setAuthor(author);
  const language = from.catalog.get(PDFName.of('Lang'));
  if (language instanceof PDFString || language instanceof PDFHexString) to.setLanguage(language.decodeText());
}
