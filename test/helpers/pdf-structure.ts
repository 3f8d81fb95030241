import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';

/**
 * Reading a PDF's structure back with pdf-lib: fonts, images, bookmarks and
 * language, as a print shop's preflight would.
 */
export interface PdfStructure {
  fonts: Array<{ name: string; embedded: boolean }>;
  imageCount: number;
  bookmarks: string[];
  language: string | undefined;
}

function lookupDict(document: PDFDocument, object: PDFObject | undefined): PDFDict | undefined {
  const resolved = object instanceof PDFRef ? document.context.lookup(object) : object;
  return resolved instanceof PDFDict ? resolved : undefined;
}

function text(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return undefined;
}

function fontIsEmbedded(document: PDFDocument, font: PDFDict): boolean {
  const descendants = font.lookup(PDFName.of('DescendantFonts'));
  const target = descendants instanceof PDFArray ? lookupDict(document, descendants.get(0)) : font;
  const descriptor = lookupDict(document, target?.get(PDFName.of('FontDescriptor')));
  if (!descriptor) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
}

export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: PdfStructure['fonts'] = [];
  let imageCount = 0;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : (object as { dict?: PDFDict }).dict;
    if (!(dict instanceof PDFDict)) continue;
    const type = dict.get(PDFName.of('Type'));
    const subtype = dict.get(PDFName.of('Subtype'));
    if (type === PDFName.of('Font') && subtype !== PDFName.of('CIDFontType2') && subtype !== PDFName.of('CIDFontType0')) {
      fonts.push({ name: String(dict.get(PDFName.of('BaseFont'))), embedded: fontIsEmbedded(document, dict) });
    }
    if (subtype === PDFName.of('Image') && !dict.has(PDFName.of('SMaskInData'))) imageCount++;
  }
  const bookmarks: string[] = [];
  const outlines = lookupDict(document, document.catalog.get(PDFName.of('Outlines')));
  let item = lookupDict(document, outlines?.get(PDFName.of('First')));
  while (item) {
    bookmarks.push(text(item.get(PDFName.of('Title'))) ?? '');
    item = lookupDict(document, item.get(PDFName.of('Next')));
  }
  return { fonts, imageCount, bookmarks, language: text(document.catalog.get(PDFName.of('Lang'))) };
}
