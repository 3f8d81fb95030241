import * as fontkit from 'fontkit';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Department } from '../content/department-schema.js';
import { variablesFor } from '../content/variables.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { iconSvg } from '../pictograms/icon-sets.js';
import { decodedFont, FONT_FAMILY } from '../fonts/fonts.js';
import { MM } from '../geometry/units.js';
import { frenchSpacing } from '../layout/typography.js';
import { renderPdf } from '../render/render-pdf.js';
import { tagged } from '../layout/pdf-tags.js';
import { LETTER_SLOT } from './letter-model.js';
import { PLACEHOLDER, RECIPIENT_FIELDS, type Box, type StaticLetter } from './letter-model.js';
export { frenchDate } from './letter-model.js';
import type { Inline, LetterBlock, LetterTemplate, Line } from './template.js';

export type { Box, StaticLetter };

/**
 * Lays the letter out once with pdfmake: everything that is the same in every
 * letter (sender, date, text, steps and pictograms) becomes a static page; the
 * places that change per recipient (address in the window, lines naming the
 * recipient, the code box) are left empty and their positions recorded, so
 * the stamper only has to draw a few strings per letter.
 */

const A4 = { width: 595.28, height: 841.89 };

/** Vertical metrics of the font, as pdfmake uses them to place lines (ratios of the size). */
function fontMetrics(): { ascent: number; lineHeight: number } {
  const font = fontkit.create(Buffer.from(decodedFont(400)));
  return { ascent: font.ascent / font.unitsPerEm, lineHeight: (font.ascent - font.descent + font.lineGap) / font.unitsPerEm };
}

export interface StaticVariables {
  department: Department;
  /** "le 29 novembre 2026" */
  dateText: string;
}

/** The letter goes through the booklets' render stage (fonts, pdfmake fixes, no file or network access). */
export async function layOutStaticLetter(template: LetterTemplate, variables: StaticVariables, creationDate: Date): Promise<StaticLetter> {
  const { layout } = template;
  const window: Box = {
    page: 1,
    left: layout.envelope.window.left_mm * MM,
    top: layout.envelope.window.top_mm * MM,
    width: layout.envelope.window.width_mm * MM,
    height: layout.envelope.window.height_mm * MM,
  };
  const firstFoldTop = Math.min(...layout.envelope.folds_mm) * MM;
  const codeFloor = firstFoldTop + layout.code.min_gap_below_fold_mm * MM;
  const metrics = fontMetrics();

  // Lay out once; when the flow puts the code box above the fold, push it down and lay out again.
  let pushDown = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const positions = new Map<string, { pageNumber: number; left: number; top: number }>();
    const definition = documentDefinition(template, variables, window, pushDown, creationDate, metrics.lineHeight);
    definition.pageBreakBefore = (node) => {
      if (node.id) positions.set(node.id, node.startPosition);
      return false;
    };
    const pdf = Buffer.from(await renderPdf(definition));
    const codePosition = positions.get('code');
    if (!codePosition) throw new Error('layout lost the code box');
    if (codePosition.pageNumber === 1 && codePosition.top < codeFloor && attempt === 0) {
      pushDown = codeFloor - codePosition.top;
      continue;
    }
    const code = {
      page: codePosition.pageNumber,
      left: codePosition.left,
      top: codePosition.top,
      width: contentWidth(template),
      height: codeBoxHeight(template),
      size: layout.code.size_pt,
      letterSpacing: layout.code.letter_spacing_pt,
    };
    assertCodePlacement(template, code, window, codeFloor);
    const recipientLines = template.blocks
      .filter((block) => block.kind === 'recipient-line')
      .map((block, index) => {
        const position = positions.get(`recipient-${index}`);
        if (!position) throw new Error('layout lost a recipient line');
        const size = layout.body.size_pt;
        const text = resolveStatic(block.text, variables, template.file, block.sourceLine);
        return { page: position.pageNumber, left: position.left, baseline: position.top + metrics.ascent * size, size, text };
      });
    const pageCount = countPages(pdf);
    return {
      pdf: new Uint8Array(pdf),
      pageCount,
      pageWidth: A4.width,
      pageHeight: A4.height,
      window,
      firstFoldTop,
      code,
      recipientLines,
      address: { maxSize: layout.address.max_size_pt, minSize: layout.address.min_size_pt, padding: layout.address.padding_mm * MM },
      title: layout.title,
    };
  }
  throw new Error('unreachable');
}

function countPages(pdf: Buffer): number {
  // pdfmake writes one "/Type /Page" object per page (and "/Type /Pages" once).
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

function assertCodePlacement(template: LetterTemplate, code: Box, window: Box, codeFloor: number): void {
  const codeLine = template.blocks.find((block) => block.kind === 'code')?.sourceLine;
  const where = { file: template.file, line: codeLine };
  if (code.page === 1 && code.top < codeFloor) {
    throw new LivretError(t('error.letter.codeAboveFold'), where);
  }
  const overlaps =
    code.page === window.page &&
    code.left < window.left + window.width &&
    code.left + code.width > window.left &&
    code.top < window.top + window.height &&
    code.top + code.height > window.top;
  if (overlaps) {
    throw new LivretError(t('error.letter.codeInWindow'), where);
  }
}

function contentWidth(template: LetterTemplate): number {
  const { page } = template.layout;
  return A4.width - (page.margin_left_mm + page.margin_right_mm) * MM;
}

function codeBoxHeight(template: LetterTemplate): number {
  return Math.round(template.layout.code.size_pt * 1.75);
}

/**
 * The pdfmake definition of the static letter, code box where the template
 * puts it. The benchmark builds its pdfmake baselines (one document per
 * letter, all letters in one document) from it.
 */
export function staticDocumentDefinition(template: LetterTemplate, variables: StaticVariables, creationDate: Date): TDocumentDefinitions {
  const { window } = template.layout.envelope;
  const box: Box = { page: 1, left: window.left_mm * MM, top: window.top_mm * MM, width: window.width_mm * MM, height: window.height_mm * MM };
  return documentDefinition(template, variables, box, 0, creationDate, fontMetrics().lineHeight);
}

function documentDefinition(
  template: LetterTemplate,
  variables: StaticVariables,
  window: Box,
  codePushDown: number,
  creationDate: Date,
  fontLineHeight: number,
): TDocumentDefinitions {
  const { layout } = template;
  const marginLeft = layout.page.margin_left_mm * MM;
  const marginTop = layout.page.margin_top_mm * MM;
  const size = layout.body.size_pt;
  const resolveLine = (line: Line, sourceLine: number): ContentText => ({
    text: capitaliseStart(
      line.map((inline: Inline) => ({
        // French spacing as in the booklets: "36 46" and "Téléphone :" never split at a line end.
        text: frenchSpacing(resolveStatic(inline.text, variables, template.file, sourceLine)),
        ...(inline.bold ? { bold: true } : {}),
      })),
    ),
  });
  const senderParagraphs: Content[] = template.sender.map((paragraph) =>
    tagged(
      {
        stack: paragraph.flatMap((line) => expandMultiline(line, variables)).map((line) => resolveLine(line, 1)),
        margin: [0, 0, 0, 8],
      },
      'P',
    ),
  );
  let recipientIndex = 0;
  const blockContent = (block: LetterBlock): Content => {
    switch (block.kind) {
      case 'heading':
        return tagged({ ...resolveLine(block.line, block.sourceLine), fontSize: block.level === 1 ? 24 : 20, bold: true, margin: [0, 0, 0, block.level === 1 ? 6 : 4] }, block.level === 1 ? 'H1' : 'H2');
      case 'paragraph':
        return tagged({ stack: block.lines.map((line, index) => resolveLine(line, block.sourceLine + index)), margin: [0, 0, 0, 8] }, 'P');
      case 'recipient-line': {
        // An empty P the stamper fills with the line naming the recipient (its place in the reading order).
        const slot = `${LETTER_SLOT.recipient}${recipientIndex}`;
        return tagged(
          withId({ canvas: [{ type: 'rect', x: 0, y: 0, w: 1, h: size * fontLineHeight * layout.body.line_height, color: '#ffffff', lineWidth: 0, lineColor: '#ffffff' }] }, `recipient-${recipientIndex++}`),
          { role: 'P', title: slot },
        );
      }
      case 'code':
        return tagged(
          withId(
            {
              canvas: [{ type: 'rect', x: 0, y: 0, w: contentWidth(template), h: codeBoxHeight(template), r: 8, lineWidth: 2.5, lineColor: '#1f3a93' }],
              margin: [0, codePushDown, 0, 10],
            },
            'code',
          ),
          { role: 'P', title: LETTER_SLOT.code },
        );
      case 'warning':
        return {
          table: {
            widths: [44, '*'],
            body: [[{ svg: pictogram('fluent-emoji-flat:warning', template, block.sourceLine), width: 36 }, tagged({ stack: block.lines.map((line) => resolveLine(line, block.sourceLine)) }, 'P')]],
          },
          layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => '#fff4cc', paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 6, paddingBottom: () => 6 },
          margin: [0, 0, 0, 10],
        };
      case 'page-break':
        return { text: ' ', pageBreak: 'after', fontSize: 1 };
      case 'steps':
        return tagged(
          {
            stack: block.steps.map((step, index) =>
              tagged(
                {
                  columns: [
                    tagged({ text: `${index + 1}.`, width: 30, fontSize: 22, bold: true }, 'Lbl'),
                    step.picto ? { svg: pictogram(step.picto, template, block.sourceLine), width: 44 } : { text: '', width: 44 },
                    tagged({ stack: step.lines.map((line) => tagged(resolveLine(line, block.sourceLine), 'P')), width: '*' }, 'LBody'),
                  ],
                  columnGap: 12,
                  unbreakable: true,
                  margin: [0, 0, 0, 6],
                },
                'LI',
              ),
            ),
          },
          'L',
        );
    }
  };
  return {
    pageSize: 'A4',
    pageMargins: [marginLeft, marginTop, layout.page.margin_right_mm * MM, layout.page.margin_bottom_mm * MM],
    defaultStyle: { font: FONT_FAMILY, fontSize: size, lineHeight: layout.body.line_height },
    info: { title: layout.title, creator: 'livret', producer: 'livret', creationDate },
    // Tagged like the booklets; the stamper copies this structure into every letter (src/letters/stamp.ts).
    language: 'fr-FR',
    displayTitle: true,
    version: '1.7',
    tagged: true,
    content: [
      {
        // A column of fixed width keeps the sender block out of the window's side of the sheet.
        columns: [{ stack: senderParagraphs, width: window.left - marginLeft - 6 * MM }],
        fontSize: 14,
        absolutePosition: { x: marginLeft, y: marginTop },
      },
      // The flow starts under the envelope window, so nothing but the address shows through it.
      // The address, stamped later, comes after the sender in the reading order: an empty P the stamper fills.
      tagged({ canvas: [], margin: [0, window.top + window.height + 3 * MM - marginTop, 0, 0] }, { role: 'P', title: LETTER_SLOT.address }),
      ...template.blocks.map(blockContent),
    ],
  };
}

/** pdfmake passes a node's `id` to pageBreakBefore with its position; its types omit `id` on canvases. */
function withId(content: Content, id: string): Content {
  return Object.assign(content, { id });
}

function pictogram(name: string, template: LetterTemplate, line: number): string {
  const svg = iconSvg(name);
  if (!svg) throw new LivretError(t('error.letter.unknownPictogram', { name }), { file: template.file, line });
  return svg;
}

/** A line that is just `{{caisse.adresse}}` becomes one line per address line. */
function expandMultiline(line: Line, variables: StaticVariables): Line[] {
  const text = line.map((inline) => inline.text).join('').trim();
  if (/^\{\{\s*caisse\.adresse\s*\}\}$/.test(text)) {
    const bold = line[0]?.bold ?? false;
    return variables.department.office.address.map((addressLine) => [{ text: addressLine, bold }]);
  }
  return [line];
}

function capitaliseStart<T extends { text: string }>(inlines: T[]): T[] {
  const first = inlines[0];
  if (!first) return inlines;
  return [{ ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...inlines.slice(1)];
}


/** Placeholders that are the same in every letter; recipient ones are kept for the stamper. */
export function resolveStatic(text: string, variables: StaticVariables, file: string, line: number): string {
  // The booklets' variables table, plus the letter's date.
  const values = new Map([['date', variables.dateText], ...variablesFor(variables.department)]);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('destinataire.')) {
      if (!RECIPIENT_FIELDS.has(name)) throw new LivretError(t('error.letter.unknownRecipientField', { placeholder: `{{${name}}}`, known: [...RECIPIENT_FIELDS].map((f) => `{{${f}}}`).join(', ') }), { file, line });
      return whole;
    }
    const value = values.get(name);
    if (value === undefined) {
      throw new LivretError(t('error.letter.unknownPlaceholder', { placeholder: `{{${name}}}`, known: [...values.keys()].map((key) => `{{${key}}}`).join(', ') }), { file, line });
    }
    return value;
  });
}
