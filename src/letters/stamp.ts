import { pdfLibFontkit } from '../vendor/pdf-lib-fontkit.js';
import { PDFDocument, PDFName, PDFNumber, type PDFFont, type PDFRef } from '../vendor/pdf-lib.js';
import { FONT_FAMILY } from '../fonts/fonts.js';
import { MM } from '../geometry/units.js';
import { resolveRecipient, type RecipientValues, type StaticLetter } from './letter-model.js';

/**
 * Stamps letters. The static letter (laid out once by pdfmake) is embedded
 * once per batch as a form XObject; every letter is then a page that draws
 * that XObject and a few strings (address in the window, lines naming the
 * recipient, the code). The per-letter content stream is written directly as
 * PDF operators with glyph ids cached per character: no layout, no
 * operator objects, so a batch costs little more than its bytes.
 */

export interface LetterToPrint {
  addressLines: string[];
  code: string;
  recipient: RecipientValues;
}

export interface StampOptions {
  staticLetter: StaticLetter;
  /** Bytes of the regular and bold font files (the same font pdfmake used). */
  regularFont: Uint8Array;
  boldFont: Uint8Array;
  /** Fixed document dates: same input, same bytes. */
  date: Date;
}

const INK = '0.1 0.1 0.1 rg';
const CODE_INK = '0.05 0.1 0.35 rg';

/** A font as the stamper uses it: glyph hex and advance width per character, cached. */
class StampFont {
  private readonly glyphs = new Map<string, { hex: string; width: number }>();
  readonly ascent: number;

  constructor(
    readonly font: PDFFont,
    readonly resourceName: string,
  ) {
    this.ascent = font.heightAtSize(1000, { descender: false }) / 1000;
  }

  private glyph(character: string): { hex: string; width: number } {
    let glyph = this.glyphs.get(character);
    if (!glyph) {
      // encodeText also adds the glyph to the font subset written at save time.
      const hex = this.font.encodeText(character).toString().slice(1, -1);
      glyph = { hex, width: this.font.widthOfTextAtSize(character, 1) };
      this.glyphs.set(character, glyph);
    }
    return glyph;
  }

  hex(text: string): string {
    let out = '';
    for (const character of text) out += this.glyph(character).hex;
    return out;
  }

  width(text: string, size: number, letterSpacing = 0): number {
    let width = 0;
    for (const character of text) width += this.glyph(character).width * size + letterSpacing;
    return width;
  }
}

export async function stampBatch(options: StampOptions, letters: LetterToPrint[]): Promise<Uint8Array> {
  const { staticLetter } = options;
  const document = await PDFDocument.create({ updateMetadata: false });
  document.registerFontkit(pdfLibFontkit);
  // Subset fonts with fixed names (no random suffix) keep the output reproducible.
  const regular = new StampFont(await document.embedFont(options.regularFont, { subset: true, customName: `LVRTAA+${FONT_FAMILY}` }), 'F1');
  const bold = new StampFont(await document.embedFont(options.boldFont, { subset: true, customName: `LVRTAB+${FONT_FAMILY}-Bold` }), 'F2');
  const staticPages = await document.embedPdf(staticLetter.pdf, [...Array(staticLetter.pageCount).keys()]);
  // One resources dictionary shared by every page of the batch.
  const resources = document.context.register(
    document.context.obj({
      Font: { F1: regular.font.ref, F2: bold.font.ref },
      XObject: Object.fromEntries(staticPages.map((page, index) => [`S${index + 1}`, page.ref])),
    }),
  );
  const staticDraws = staticPages.map((_, index) => `q 1 0 0 1 0 0 cm /S${index + 1} Do Q\n`);
  const pageTree = document.catalog.Pages();
  const pageTreeRef = document.catalog.get(PDFName.of('Pages')) as PDFRef;
  const mediaBox = document.context.obj([0, 0, staticLetter.pageWidth, staticLetter.pageHeight]);
  let pageCount = 0;
  for (const letter of letters) {
    const streams = letterContent(staticLetter, regular, bold, letter);
    staticDraws.forEach((draw, index) => {
      // Pages go straight into one flat Kids array: pdf-lib's addPage walks the
      // page tree on every insert, which grows quadratically with the batch.
      const contents = document.context.register(document.context.stream(draw + (streams.get(index + 1) ?? '')));
      const page = document.context.obj({ Type: 'Page', Parent: pageTreeRef, MediaBox: mediaBox, Resources: resources, Contents: contents });
      pageTree.Kids().push(document.context.register(page));
      pageCount++;
    });
  }
  pageTree.set(PDFName.of('Count'), PDFNumber.of(pageCount));
  setFixedMetadata(document, staticLetter.title, options.date);
  return document.save({ useObjectStreams: false, addDefaultPage: false });
}

function setFixedMetadata(document: PDFDocument, title: string, date: Date): void {
  document.setTitle(title);
  document.setCreator('livret');
  document.setProducer('livret');
  document.setCreationDate(date);
  document.setModificationDate(date);
}

const number = (value: number): string => (Math.round(value * 100) / 100).toString();

function textOperator(font: StampFont, text: string, size: number, x: number, baselineFromTop: number, pageHeight: number): string {
  return `/${font.resourceName} ${number(size)} Tf 1 0 0 1 ${number(x)} ${number(pageHeight - baselineFromTop)} Tm <${font.hex(text)}> Tj\n`;
}

/** The per-letter operators, by page number. */
function letterContent(staticLetter: StaticLetter, regular: StampFont, bold: StampFont, letter: LetterToPrint): Map<number, string> {
  const byPage = new Map<number, string>();
  const add = (page: number, operators: string) => byPage.set(page, (byPage.get(page) ?? '') + operators);
  add(staticLetter.window.page, addressOperators(staticLetter, regular, letter.addressLines));
  for (const line of staticLetter.recipientLines) {
    const text = resolveRecipient(line.text, letter.recipient);
    add(line.page, `BT ${INK}\n${textOperator(regular, text, line.size, line.left, line.baseline, staticLetter.pageHeight)}ET\n`);
  }
  add(staticLetter.code.page, codeOperators(staticLetter, bold, letter.code));
  return byPage;
}

/** The address fills the window at the largest size (max 14 pt) at which every line fits. */
export function addressFontSize(width: (line: string, size: number) => number, lines: string[], staticLetter: StaticLetter): number {
  const { window, address } = staticLetter;
  const innerWidth = window.width - 2 * address.padding;
  const innerHeight = window.height - 2 * address.padding;
  for (let size = address.maxSize; size > address.minSize; size -= 0.5) {
    const widest = Math.max(...lines.map((line) => width(line, size)));
    if (widest <= innerWidth && lines.length * size * 1.15 <= innerHeight) return size;
  }
  return address.minSize;
}

function addressOperators(staticLetter: StaticLetter, font: StampFont, lines: string[]): string {
  const { window, address, pageHeight } = staticLetter;
  const size = addressFontSize((line, at) => font.width(line, at), lines, staticLetter);
  const lineHeight = size * 1.15;
  // Centred vertically in the window, so a sheet that shifts in the envelope still shows every line.
  let top = window.top + Math.max(address.padding, (window.height - lines.length * lineHeight) / 2);
  let operators = `BT ${INK}\n`;
  for (const line of lines) {
    operators += textOperator(font, line, size, window.left + address.padding, top + font.ascent * size, pageHeight);
    top += lineHeight;
  }
  return `${operators}ET\n`;
}

function codeOperators(staticLetter: StaticLetter, font: StampFont, code: string): string {
  const box = staticLetter.code;
  const digitHeight = font.ascent * box.size * 0.72;
  const baseline = box.top + box.height / 2 + digitHeight / 2;
  // Character spacing (Tc) keeps the code one text run that reads back as "1234".
  return `BT ${CODE_INK} ${number(box.letterSpacing)} Tc\n${textOperator(font, code, box.size, box.left + 14 * MM, baseline, staticLetter.pageHeight)}0 Tc ET\n`;
}
