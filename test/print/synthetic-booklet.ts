import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PRESETS } from '../../src/layout/presets.js';
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

/** The booklet page numbers printed on one imposed side, left half then right half ("Page X sur Y"). */
export function pageNumbersOnSide(side: PdfPageText): { left: number[]; right: number[] } {
  const left: number[] = [];
  const right: number[] = [];
  for (const run of side.runs) {
    const match = /Page (\d+) sur \d+/.exec(run.text);
    if (!match) continue;
    const middle = run.x + run.width / 2;
    (middle < side.width / 2 ? left : right).push(Number(match[1]));
  }
  return { left, right };
}
