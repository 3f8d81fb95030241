import { PDFDocument } from '../vendor/pdf-lib.js';

/**
 * pdf-lib documents with fixed metadata: pdf-lib stamps the current time and
 * its own name unless told not to, which would make every build differ.
 */
export async function loadForPrint(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

export async function createForPrint(): Promise<PDFDocument> {
  return PDFDocument.create({ updateMetadata: false });
}

/** Saves with the given date as creation and modification date: same input, same bytes. */
export async function saveReproducibly(document: PDFDocument, date: Date): Promise<Uint8Array> {
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setCreator('livret');
  document.setProducer('livret');
  return document.save({ useObjectStreams: false });
}
