import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { decodedFont, FONT_FAMILY } from '../fonts/fonts.js';
import { applyPdfmakeFixes } from './pdfmake-fixes.js';
import { applyStructurePatches, pageGeometryOf, type PageGeometry } from './pdf-structure.js';

/**
 * pdfmake document definition → PDF bytes. No network, no file access from
 * the definition (images arrive as data), fixed dates from the definition.
 */
let configured = false;

/** pdfmake's Node build keeps a virtual file system (absent from @types/pdfmake). */
interface PdfmakeVirtualFs {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
}

function configure(): void {
  if (configured) return;
  applyPdfmakeFixes();
  applyStructurePatches();
  // The fonts, decoded once, live in pdfmake's virtual file system; nothing is read from disk.
  const regular = `${FONT_FAMILY}-400.otf`;
  const bold = `${FONT_FAMILY}-700.otf`;
  const { virtualfs } = pdfmake as unknown as PdfmakeVirtualFs;
  virtualfs.writeFileSync(regular, Buffer.from(decodedFont(400)));
  virtualfs.writeFileSync(bold, Buffer.from(decodedFont(700)));
  // Italics map to the upright files: easy-read forbids italics.
  pdfmake.setFonts({ [FONT_FAMILY]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  return (await renderPdfWithGeometry(definition)).pdf;
}

/** The bytes, and where each page's content was drawn (tagged documents; see `PageGeometry`). */
export async function renderPdfWithGeometry(definition: TDocumentDefinitions): Promise<{ pdf: Uint8Array; pages: PageGeometry[] | undefined }> {
  configure();
  const output = pdfmake.createPdf(definition);
  // The pdfkit document, laid out and drawn, before its bytes are read.
  const document = await (output as unknown as { getStream(): Promise<object> }).getStream();
  const buffer = await output.getBuffer();
  return { pdf: new Uint8Array(buffer), pages: pageGeometryOf(document) };
}
