import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontDescriptors } from './fonts.js';
import { applyPdfmakeFixes } from './pdfmake-fixes.js';

/**
 * pdfmake document definition → PDF bytes. No network, no file access from
 * the definition (images arrive as data), fixed dates from the definition.
 */
let configured = false;

function configure(): void {
  if (configured) return;
  applyPdfmakeFixes();
  pdfmake.setFonts(fontDescriptors());
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the font files are read from disk.
  const fonts = new Set(Object.values(fontDescriptors()).flatMap((font) => Object.values(font)));
  pdfmake.setLocalAccessPolicy((file: string) => fonts.has(file));
  configured = true;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  configure();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
