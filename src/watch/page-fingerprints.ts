import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from '../vendor/pdf-lib.js';
import type { PdfReadback } from '../verify/read-pdf.js';

/**
 * One fingerprint per page of a PDF: what the page draws (its content
 * streams, the pictures and forms it uses, its fonts by name, its size) and
 * the text read back from it. Two pages with the same fingerprint look the
 * same, so the live preview draws again only the pages whose fingerprint
 * changed. The text is part of it because font subsets number their glyphs
 * in order of first use: the same content stream can draw other letters.
 */
export async function pageFingerprints(pdf: Uint8Array, readback: PdfReadback): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().map((page, index) => {
    const hash = createHash('sha256');
    hash.update(JSON.stringify([page.getWidth(), page.getHeight(), readback.pages[index]?.text ?? '']));
    addObject(document, hash, page.node.get(PDFName.of('Contents')), new Set());
    addResources(document, hash, page.node.Resources(), new Set());
    return hash.digest('hex').slice(0, 32);
  });
}

function resolve(document: PDFDocument, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? document.context.lookup(object) : object;
}

/** Content streams and XObjects: their bytes as stored (a changed picture changes its bytes). */
function addObject(document: PDFDocument, hash: Hash, object: PDFObject | undefined, seen: Set<PDFObject>): void {
  const resolved = resolve(document, object);
  if (!resolved || seen.has(resolved)) return;
  seen.add(resolved);
  if (resolved instanceof PDFArray) {
    for (const item of resolved.asArray()) addObject(document, hash, item, seen);
  } else if (resolved instanceof PDFStream) {
    hash.update(withoutObjectNumbers(resolved.dict));
    hash.update(resolved instanceof PDFRawStream ? resolved.contents : resolved.getContents());
    addObject(document, hash, resolved.dict.get(PDFName.of('SMask')), seen);
    addResources(document, hash, resolved.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), seen);
  }
}

/** Object numbers shift whenever anything earlier in the document changes: they are not what a page shows. */
function withoutObjectNumbers(object: PDFObject): string {
  return object.toString().replace(/\d+ \d+ R\b/g, 'R');
}

function addResources(document: PDFDocument, hash: Hash, resources: PDFDict | undefined, seen: Set<PDFObject>): void {
  if (!resources) return;
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [key, value] of fonts?.entries() ?? []) {
    const font = resolve(document, value);
    const baseFont = font instanceof PDFDict ? String(font.get(PDFName.of('BaseFont'))) : '';
    // "/ABCDEF+AtkinsonHyperlegibleNext-Bold": the subset tag changes with the glyphs of the whole document.
    hash.update(`${key.toString()}=${baseFont.replace(/^\/[A-Z]{6}\+/, '/')};`);
  }
  const xObjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [key, value] of xObjects?.entries() ?? []) {
    hash.update(key.toString());
    addObject(document, hash, value, seen);
  }
  for (const name of ['ExtGState', 'Pattern', 'Shading', 'ColorSpace']) {
    const dict = resources.lookupMaybe(PDFName.of(name), PDFDict);
    if (dict) hash.update(`${name}:${withoutObjectNumbers(dict)}`);
  }
}
