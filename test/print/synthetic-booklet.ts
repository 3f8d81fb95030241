import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PRESETS } from '../../src/geometry/presets.js';
import type { PdfPageText } from '../../src/verify/read-pdf.js';

/** A small A5 PDF whose page k says "Page k sur n" at the bottom centre, for print tests that need no layout. */
export async function syntheticBooklet(pageCount: number, options: { bandOnCover?: { height: number; color: [number, number, number] } } = {}): Promise<Uint8Array> {
  const { width, height } = PRESETS.a5;
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pageCount; number++) {
    const page = document.addPage([width, height]);
    const label = `Page ${number} sur ${pageCount}`;
    page.drawText(label, { x: (width - font.widthOfTextAtSize(label, 14)) / 2, y: 30, size: 14, font });
    const band = options.bandOnCover;
    if (number === 1 && band) page.drawRectangle({ x: 0, y: 0, width, height: band.height, color: rgb(...band.color) });
  }
  document.setTitle('Livret de test');
  document.setLanguage('fr-FR');
  document.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  document.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  return document.save({ useObjectStreams: false });
}

/**
 * The booklet page numbers printed on one imposed side ("Page X sur Y"), in
 * its left half and its right half. A footer may come as several text runs:
 * runs are grouped by line and half, in reading order, before matching.
 */
export function pageNumbersOnSide(side: PdfPageText): { left: number[]; right: number[] } {
  const halves = { left: [] as PdfPageText['runs'], right: [] as PdfPageText['runs'] };
  for (const run of side.runs) (run.x + run.width / 2 < side.width / 2 ? halves.left : halves.right).push(run);
  const numbers = (runs: PdfPageText['runs']) => {
    const sorted = [...runs].sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x - b.x);
    const text = sorted.map((run) => run.text).join(' ').replace(/\s+/g, ' ');
    return [...text.matchAll(/Page (\d+) sur \d+/g)].map((match) => Number(match[1]));
  };
  return { left: numbers(halves.left), right: numbers(halves.right) };
}
