import { pdfLibFontkit } from '../vendor/pdf-lib-fontkit.js';
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFFont } from '../vendor/pdf-lib.js';
import { FONT_FAMILY } from '../fonts/fonts.js';
import { createForPrint, saveReproducibly } from '../print/pdf-lib-output.js';
import { MM } from '../geometry/units.js';
import { resolveRecipient, type RecipientValues, type StaticLetter } from './letter-model.js';
import { AppendedObjects } from './appended-objects.js';
import { LetterObjects, type StampedSlots } from './letter-objects.js';
import { BatchStructure, copyStaticPages } from './stamp-structure.js';

/**
 * Stamps letters. The static letter (laid out once by pdfmake, tagged) is
 * copied once per batch: every letter page shares its content streams and
 * adds a few strings (address in the window, lines naming the recipient, the
 * code), each a marked-content sequence of the letter's own structure tree
 * (src/letters/stamp-structure.ts). The per-letter content stream is written
 * directly as PDF operators with glyph ids cached per character, and each
 * letter's objects come from one template per batch written as bytes after
 * pdf-lib's (src/letters/letter-objects.ts, appended-objects.ts): no layout,
 * no pdf-lib object per letter, so a batch costs little more than its bytes.
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

  /** Advance width of `text` at 1 pt; it grows with the size. */
  widthAtOnePoint(text: string): number {
    let width = 0;
    for (const character of text) width += this.glyph(character).width;
    return width;
  }
}

/**
 * pdf-lib parses a font anew for each document it embeds it in, and fontkit's
 * glyph and layout caches live on the parsed font: one parsed font per font
 * file and thread keeps them warm from batch to batch.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof pdfLibFontkit.create>>();
const fontkitKeepingFonts: typeof pdfLibFontkit = {
  ...pdfLibFontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = pdfLibFontkit.create(bytes, postscriptName);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

export async function stampBatch(options: StampOptions, letters: LetterToPrint[]): Promise<Uint8Array> {
  const { staticLetter } = options;
  const document = await createForPrint();
  document.registerFontkit(fontkitKeepingFonts);
  // Subset fonts with fixed names (no random suffix) keep the output reproducible.
  // Resource names apart from pdfkit's own (F1, F2 … in the static pages' resources).
  const regular = new StampFont(await document.embedFont(options.regularFont, { subset: true, customName: `LVRTAA+${FONT_FAMILY}` }), 'LF1');
  const bold = new StampFont(await document.embedFont(options.boldFont, { subset: true, customName: `LVRTAB+${FONT_FAMILY}-Bold` }), 'LF2');
  const context = document.context;
  const { pages: staticPages, structure } = await copyStaticPages(document, staticLetter.pdf);
  // One resources dictionary per static page, shared by every letter of the batch.
  const resources = staticPages.map((page) => {
    const merged = page.resources.clone(context);
    const fonts = (merged.lookupMaybe(PDFName.of('Font'), PDFDict) ?? context.obj({})).clone(context);
    fonts.set(PDFName.of(regular.resourceName), regular.font.ref);
    fonts.set(PDFName.of(bold.resourceName), bold.font.ref);
    merged.set(PDFName.of('Font'), fonts);
    return context.register(merged);
  });
  // pdfkit's pages start with their own transformation: the static content runs inside q … Q.
  const save = context.register(context.stream('q\n')).toString();
  const restore = context.register(context.stream('Q\n')).toString();
  const tree = new BatchStructure(document);
  const slots = stampedSlots(staticLetter, structure.mcidCount);
  const template = new LetterObjects(structure, slots, {
    pageTree: String(document.catalog.get(PDFName.of('Pages'))),
    mediaBox: `[0 0 ${staticLetter.pageWidth} ${staticLetter.pageHeight}]`,
    resources: resources.map(String),
    contents: staticPages.map((page) => [save, ...page.contents.map((ref) => ref.toString()), restore].join(' ')),
    documentElement: tree.documentRef.toString(),
  });
  const objects = new AppendedObjects(context);
  // Pages go straight into one flat Kids array: pdf-lib's addPage walks the
  // page tree on every insert, which grows quadratically with the batch.
  const kids = document.catalog.Pages().Kids();
  for (const letter of letters) {
    const first = objects.reserve(template.count);
    const firstKey = tree.nextKey;
    const streams = letterStreams(staticLetter, regular, bold, letter, slots);
    template.write({ first, firstKey, streams, code: letter.code }, objects);
    tree.addLetter(
      first + template.part,
      template.parentArrays.map((relative) => first + relative),
    );
    for (const page of template.pages) kids.push(PDFRef.of(first + page));
  }
  document.catalog.Pages().set(PDFName.of('Count'), PDFNumber.of(letters.length * staticPages.length));
  tree.finish(staticLetter.title, options.date);
  return objects.appendTo(await saveReproducibly(document, options.date, staticLetter.title));
}

const number = (value: number): string => (Math.round(value * 100) / 100).toString();

function textOperator(font: StampFont, text: string, size: number, x: number, baselineFromTop: number, pageHeight: number): string {
  return `/${font.resourceName} ${number(size)} Tf 1 0 0 1 ${number(x)} ${number(pageHeight - baselineFromTop)} Tm <${font.hex(text)}> Tj\n`;
}

/**
 * Where the stamped strings go as marked content, the same for every letter:
 * ids after the static page's own (`mcidCount`, by page index), in the order
 * address, recipient lines, code.
 */
function stampedSlots(staticLetter: StaticLetter, mcidCount: readonly number[]): StampedSlots {
  const next = [...mcidCount];
  const slot = (page: number) => ({ page: page - 1, mcid: next[page - 1]!++ });
  return {
    address: slot(staticLetter.window.page),
    recipients: staticLetter.recipientLines.map((line) => slot(line.page)),
    code: slot(staticLetter.code.page),
  };
}

/** One letter's stamped operators, by page index: each string one marked-content sequence of its slot. */
function letterStreams(staticLetter: StaticLetter, regular: StampFont, bold: StampFont, letter: LetterToPrint, slots: StampedSlots): string[] {
  const streams = Array.from({ length: staticLetter.pageCount }, () => '');
  const add = ({ page, mcid }: { page: number; mcid: number }, operators: string) => {
    streams[page] += `/P <</MCID ${mcid}>> BDC\n${operators}EMC\n`;
  };
  add(slots.address, addressOperators(staticLetter, regular, letter.addressLines));
  staticLetter.recipientLines.forEach((line, index) => {
    const text = resolveRecipient(line.text, letter.recipient);
    add(slots.recipients[index]!, `BT ${INK}\n${textOperator(regular, text, line.size, line.left, line.baseline, staticLetter.pageHeight)}ET\n`);
  });
  // The code's digits are spaced out (Tc): /ActualText here too, for readers that ignore the structure's.
  // As a UTF-16 hex string: the stream stays ASCII whatever characters a template's code.format allows.
  const actualText = PDFHexString.fromText(letter.code).toString();
  add(slots.code, `/Span <</ActualText ${actualText}>> BDC\n${codeOperators(staticLetter, bold, letter.code)}EMC\n`);
  return streams;
}

/** The address fills the window at the largest size (max 14 pt) at which every line fits. */
function addressFontSize(font: StampFont, lines: string[], staticLetter: StaticLetter): number {
  const { window, address } = staticLetter;
  const innerWidth = window.width - 2 * address.padding;
  const innerHeight = window.height - 2 * address.padding;
  // A line's width grows with the size: measured once at 1 pt.
  const widest = Math.max(...lines.map((line) => font.widthAtOnePoint(line)));
  for (let size = address.maxSize; size > address.minSize; size -= 0.5) {
    if (widest * size <= innerWidth && lines.length * size * 1.15 <= innerHeight) return size;
  }
  return address.minSize;
}

function addressOperators(staticLetter: StaticLetter, font: StampFont, lines: string[]): string {
  const { window, address, pageHeight } = staticLetter;
  const size = addressFontSize(font, lines, staticLetter);
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
