import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * Every colour a PDF really uses, found by reading its objects back with
 * pdf-lib: image colour spaces, colours set in content streams (pages,
 * forms, patterns), and shading colours (gradients). Returns a description
 * of each colour that is not a neutral gray (empty: the PDF is gray only).
 */
const TOLERANCE = 0.004;

function isGray(values: number[]): boolean {
  if (values.length === 1) return true;
  if (values.length === 3) return Math.max(...values) - Math.min(...values) <= TOLERANCE;
  if (values.length === 4) return values[0]! <= TOLERANCE && values[1]! <= TOLERANCE && values[2]! <= TOLERANCE;
  return false;
}

function numbers(array: PDFArray | undefined): number[] {
  if (!array) return [];
  return array.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : Number.NaN));
}

function colorSpaceName(document: PDFDocument, value: PDFObject | undefined): string {
  const resolved = value instanceof PDFRef ? document.context.lookup(value) : value;
  if (resolved instanceof PDFName) return resolved.decodeText();
  if (resolved instanceof PDFArray) return resolved.asArray().map((item) => colorSpaceName(document, item)).join(' ');
  return String(resolved);
}

export async function colouredThings(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  for (const [ref, object] of document.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    const subtype = dict.get(PDFName.of('Subtype'));
    if (object instanceof PDFRawStream && subtype === PDFName.of('Image')) {
      const space = colorSpaceName(document, dict.get(PDFName.of('ColorSpace')));
      // An image's soft mask is gray by definition; every other image must be DeviceGray.
      const isMask = [...document.context.enumerateIndirectObjects()].some(([, other]) => {
        const otherDict = other instanceof PDFRawStream ? other.dict : undefined;
        return otherDict?.get(PDFName.of('SMask')) === ref;
      });
      if (space !== 'DeviceGray' && !isMask) found.push(`image ${ref.toString()} in ${space}`);
      continue;
    }
    for (const key of ['C0', 'C1']) {
      const values = numbers(dict.lookupMaybe(PDFName.of(key), PDFArray));
      if (values.length > 0 && !isGray(values)) found.push(`shading colour ${key} [${values.join(' ')}] in ${ref.toString()}`);
    }
    if (object instanceof PDFRawStream && subtype !== PDFName.of('Image') && !dict.has(PDFName.of('Length1')) && !dict.has(PDFName.of('Subtype'))) {
      const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
      for (const match of text.matchAll(/((?:-?\d*\.?\d+\s+){1,4})(rg|RG|k|K|sc|SC|scn|SCN)\b/g)) {
        const values = match[1]!.trim().split(/\s+/).map(Number);
        if (!isGray(values)) found.push(`colour ${match[0]} in ${ref.toString()}`);
      }
    }
  }
  return found;
}
