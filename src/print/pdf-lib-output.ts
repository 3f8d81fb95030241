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

/**
 * Saves with the given date as creation and modification date: same input, same bytes.
 * `objectsPerTick: Infinity`: pdf-lib otherwise waits for a timer tick (at least
 * 1 ms) every 50 objects, which left a 1,000-letter batch idle 60 % of its time.
 */
export async function saveReproducibly(document: PDFDocument, date: Date, title?: string): Promise<Uint8Array> {
  if (title !== undefined) document.setTitle(title);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setCreator('livret');
  document.setProducer('livret');
  return document.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity });
}
