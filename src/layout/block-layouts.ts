import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type {
  AgenciesBlock,
  Block,
  ContactBlock,
  ListBlock,
  MapLegendLine,
  NotesBlock,
  Screenshot,
  Sentence,
  StepsBlock,
  Step,
  TableBlock,
  TextBlock,
  WarningBlock,
} from '../model/booklet.js';
import { besidePicto, BOX_BORDER, BOX_PADDING, box, insetsContent, MIN_TEXT_COLUMN, screenshotContent, sentenceContent, sentencesStack, textRuns, titleContent, unbreakable, type LayoutContext } from './blocks.js';
import { besidePictoWidth, PRESETS, textWidth } from '../geometry/presets.js';
import { INSET, isPortrait as isPortraitSize, STEP_NUMBER_WIDTH, stepTextWidth } from '../geometry/screenshot-placement.js';
import { lineHeight, THEME } from '../geometry/theme.js';
import { mapSymbolSvg } from './map-symbols.js';
import { tagged, taggedRun } from './pdf-tags.js';

/**
 * One layout per block kind. Every block is unbreakable: a step, a short
 * paragraph or an agency never splits across pages (UNE 153101).
 */
/** Room a list's bullet takes from the column (pdfmake's marker and its gap). */
const LIST_MARKER_WIDTH = 16;

/** The heading style's margin, given with the title so that its lines can be balanced. */
const HEADING_MARGIN: [number, number, number, number] = [0, 6, 0, 10];

export function layoutBlock(block: Block, context: LayoutContext): Content[] {
  switch (block.kind) {
    case 'paragraph':
      return [layoutParagraph(block, context)];
    case 'list':
      return [layoutList(block, context)];
    case 'heading':
      return [tagged(titleContent(block.sentence.inlines, textWidth(context.preset), THEME.headingSize, HEADING_MARGIN, { style: 'heading' }), 'H2')];
    case 'steps':
      return layoutSteps(block, context);
    case 'warning':
      return [layoutWarning(block, context)];
    case 'screenshot':
      return [unbreakable([besidePicto(undefined, screenshotContent(block.screenshot, context), context), ...insetsContent([block.screenshot], context, blockColumn(context)).rows])];
    case 'agencies':
      return layoutAgencies(block, context);
    case 'contact':
      return [layoutContact(block, context)];
    case 'notes':
      return [layoutNotes(block, context)];
    case 'table':
      return [layoutTable(block)];
  }
}

function layoutParagraph(block: TextBlock, context: LayoutContext): Content {
  if (block.role === 'explanation') {
    const inBox = besidePictoWidth(context.preset) - 2 * (BOX_PADDING + BOX_BORDER);
    return unbreakable([besidePicto(undefined, box(sentencesStack(block.sentences, {}, inBox), THEME.colors.explanationBackground, undefined), context)]);
  }
  return unbreakable([besidePicto(block.pictogram, sentencesStack(block.sentences, {}, besidePictoWidth(context.preset)), context)]);
}

function layoutList(block: ListBlock, context: LayoutContext): Content {
  const list: Content = tagged({ ul: block.items.map((item) => listItem(item, besidePictoWidth(context.preset) - LIST_MARKER_WIDTH)), markerColor: THEME.colors.accent }, 'L');
  return unbreakable([besidePicto(block.pictogram, list, context)]);
}

/** A bulleted item in a column `column` points wide: LI → LBody → P; the bullet is an Artifact. */
function listItem(item: Sentence, column: number): Content {
  return tagged(sentenceContent(item, {}, column), 'LI', 'LBody');
}

function stepNumber(number: number): Content {
  const label = tagged({ text: String(number), bold: true, fontSize: THEME.stepNumberSize, color: THEME.colors.onAccent, alignment: 'center' as const, fillColor: THEME.colors.accent, lineHeight: lineHeight(1.5) }, 'Lbl');
  return {
    table: { widths: [STEP_NUMBER_WIDTH], body: [[label]] },
    layout: 'noBorders',
  };
}

/** Insets stand in the text column, under the step or block whose pictures they enlarge: beside the number and pictogram columns. */
function stepColumn(context: LayoutContext): { offset: number; width: number } {
  const { pictoSize, pictoGap } = context.preset;
  return { offset: STEP_NUMBER_WIDTH + pictoGap + pictoSize + pictoGap, width: stepTextWidth(context.preset) };
}

function blockColumn(context: LayoutContext): { offset: number; width: number } {
  const { pictoSize, pictoGap } = context.preset;
  return { offset: pictoSize + pictoGap, width: besidePictoWidth(context.preset) };
}

/** Portrait screenshots (phone screens) stand beside the step's text; landscape ones below it. */
function isPortrait(screenshot: Screenshot, context: LayoutContext): boolean {
  const image = context.images(screenshot);
  return isPortraitSize(image.width, image.height);
}

/**
 * Phone screens stand beside the step's text when the text keeps a column of
 * at least MIN_TEXT_COLUMN (28 characters); otherwise (A5) they go under it,
 * side by side.
 */
function layoutStep(step: Step, context: LayoutContext, first: boolean): Content[] {
  const { pictoSize, pictoGap } = context.preset;
  const portrait = step.screenshots.filter((screenshot) => isPortrait(screenshot, context));
  const landscape = step.screenshots.filter((screenshot) => !isPortrait(screenshot, context));
  const phoneWidth = context.preset.portraitScreenshotWidth;
  const fullColumn = stepTextWidth(context.preset);
  const besidePhones = fullColumn - portrait.length * (phoneWidth + pictoGap);
  const phonesBeside = portrait.length > 0 && besidePhones >= MIN_TEXT_COLUMN;
  const sentences = sentencesStack(step.sentences, {}, phonesBeside ? besidePhones : fullColumn);
  const phones = portrait.map((screenshot) => ({ width: phoneWidth, stack: [screenshotContent(screenshot, context)] }));
  const text: Content[] = phonesBeside
    ? [{ columns: [{ width: '*', stack: [sentences] }, ...phones], columnGap: pictoGap }]
    : [sentences, ...(phones.length > 0 ? [{ columns: phones, columnGap: pictoGap }] : [])];
  text.push(...landscape.map((screenshot) => screenshotContent(screenshot, context)));
  const insets = insetsContent([...portrait, ...landscape], context, stepColumn(context));
  const columns: Content = {
    columns: [
      { width: STEP_NUMBER_WIDTH, stack: [stepNumber(step.number)] },
      { width: pictoSize, stack: [step.pictogram ? { svg: step.pictogram.svg, width: pictoSize, height: pictoSize } : { text: '' }] },
      tagged({ width: '*', stack: text }, 'LBody'),
    ],
    columnGap: pictoGap,
  };
  // One list item: its number is the Lbl, the text column (sentences, screenshots) the LBody.
  // Its insets stay with it, unless the whole would not fit a page (the first step of a list
  // leaves room for a heading and a lead-in kept with it): then they follow it as a block of
  // their own, since pdfmake would drop a block taller than a page.
  const stepHeight = estimatedStepHeight(step, context, phonesBeside ? besidePhones : fullColumn, portrait, landscape, phonesBeside);
  const room = usableHeight(context) * (first ? 0.75 : 0.92);
  if (insets.rows.length === 0 || stepHeight + insets.height < room) return [tagged(unbreakable([columns, ...insets.rows]), 'LI')];
  return [tagged(unbreakable([columns], INSET.gap / 2), 'LI'), unbreakable([continuedInsets(step, insets, context)])];
}

/**
 * Insets that follow their step as a block of their own (often at the top of
 * the next page) open with a line that names the step ("L'étape 5 en
 * grand :"), so the reader does not take them for the next step's. The line
 * is an Artifact: the step's sentences and its picture's description say it
 * all to a screen reader.
 */
function continuedInsets(step: Step, insets: { rows: Content[]; inColumn: boolean }, context: LayoutContext): Content {
  const offset = insets.inColumn ? stepColumn(context).offset : 0;
  const caption = tagged({ text: textRuns(`L'étape ${step.number} en grand :`), fontSize: THEME.minSize, color: THEME.colors.text, margin: [offset, 0, 0, 0] }, 'Artifact');
  return { stack: [caption, ...insets.rows] };
}

/** A cautious estimate of a step's height without its insets: its text, its phone screens beside or under it, its landscape screens. */
function estimatedStepHeight(step: Step, context: LayoutContext, column: number, portrait: readonly Screenshot[], landscape: readonly Screenshot[], phonesBeside: boolean): number {
  const text = estimatedHeight(step.sentences, context, column);
  const phones = Math.max(0, ...portrait.map((screenshot) => context.images(screenshot).placed.height + 10));
  const screens = landscape.reduce((sum, screenshot) => sum + context.images(screenshot).placed.height + 10, 0);
  return (phonesBeside ? Math.max(text, phones) : text + phones) + screens;
}

/** The steps are one list (L), though each step is a block of its own in the page flow. */
function layoutSteps(block: StepsBlock, context: LayoutContext): Content[] {
  return taggedRun(
    block.steps.flatMap((step, index) => layoutStep(step, context, index === 0)),
    'L',
  );
}

function layoutWarning(block: WarningBlock, context: LayoutContext): Content {
  const inner = besidePicto(block.pictogram, sentencesStack(block.sentences, {}, besidePictoWidth(context.preset) - 2 * (BOX_PADDING + BOX_BORDER)), context);
  return unbreakable([box(inner, THEME.colors.warningBackground, THEME.colors.warningBorder)]);
}

function layoutAgencies(block: AgenciesBlock, context: LayoutContext): Content[] {
  const agencies = block.agencies.map((agency) =>
    unbreakable([
      besidePicto(
        agency.pictogram,
        { stack: [sentenceContent(agency.name, { fontSize: 18, color: THEME.colors.accent }, besidePictoWidth(context.preset)), sentencesStack(agency.address, {}, besidePictoWidth(context.preset)), sentencesStack(agency.hours, { bold: true }, besidePictoWidth(context.preset)), ...weekTable(agency.week)] },
        context,
      ),
    ]),
  );
  if (!block.map) return agencies;
  const title = block.mapTitle ? [tagged(sentenceContent(block.mapTitle, { bold: true }, textWidth(context.preset)), 'P')] : [];
  const map = { stack: [...title, screenshotContent(block.map, context)] };
  if (block.mapLegend.length === 0) return [...agencies, unbreakable([map])];
  const marked = block.mapLegend.some((line) => line.symbol !== undefined);
  const legend: Content = tagged({ ul: block.mapLegend.map((line) => legendLine(line, marked, textWidth(context.preset) - LIST_MARKER_WIDTH)), markerColor: THEME.colors.accent, margin: [0, 8, 0, 0] }, 'L');
  // The map stays with its legend when both fit a page; else (a tall map on a small page) they are two blocks.
  const mapHeight = context.images(block.map).placed.height + (block.mapTitle ? THEME.bodySize * THEME.lineSpacing : 0);
  const together = mapHeight + estimatedHeight(block.mapLegend.map((line) => line.sentence), context) < usableHeight(context) * 0.9;
  if (together) return [...agencies, unbreakable([map, legend])];
  // Apart (A5), they face each other: the map starts a left-hand page (mapFacesItsLegend), its legend is on the page after it.
  // The id is on the unbreakable block itself: a page break asked inside one drops it.
  return [...agencies, { ...(unbreakable([map], 8) as object), id: MAP_START_ID } as Content, unbreakable([legend])];
}

/** The id of the block of a map printed apart from its legend (mapFacesItsLegend looks for it). */
export const MAP_START_ID = 'livret-carte-seule';

/**
 * The document's `pageBreakBefore` when a map is printed apart from its
 * legend: a map that would start on a right-hand (odd) page goes to the next
 * page, a left-hand one, so that the legend after it is on the facing page
 * of the open booklet. pdfmake lays the document out once more when it says
 * yes; it asks this only of the booklets that have such a map.
 */
export function mapFacesItsLegend(node: { id?: string; startPosition: { pageNumber: number } }): boolean {
  return node.id === MAP_START_ID && node.startPosition.pageNumber % 2 === 1;
}

/** Size of a legend line's mark, in points: a little larger than the text's capitals. */
const LEGEND_SYMBOL_SIZE = 18;

/**
 * A legend line starts with the map's own mark (src/layout/map-symbols.ts),
 * drawn in place of the bullet, so the reader matches the line to the map.
 * In a legend with marks, a line without one says more about the mark above
 * it ("Ces maisons s'appelaient avant…"): it stands under that line's text,
 * with no bullet that would make it seem a mark of its own.
 */
function legendLine(line: MapLegendLine, legendHasMarks: boolean, column: number): Content {
  if (!line.symbol && !legendHasMarks) return listItem(line.sentence, column);
  const gap = 8;
  const markBox = { width: LEGEND_SYMBOL_SIZE, height: LEGEND_SYMBOL_SIZE, margin: [-LIST_MARKER_WIDTH, 2, gap, 0] as [number, number, number, number] };
  // The same two columns with or without a mark, so that a line under a marked one starts where its text does.
  const mark = line.symbol ? { svg: mapSymbolSvg(line.symbol, 72), ...markBox } : { text: '', ...markBox };
  const text = { ...sentenceContent(line.sentence, {}, column - LEGEND_SYMBOL_SIZE - gap + LIST_MARKER_WIDTH), width: '*' as const };
  return tagged({ columns: [mark, text], columnGap: 0, listType: 'none' } as Content, 'LI', 'LBody');
}

/** Height of the page's text area, in points. */
function usableHeight(context: LayoutContext): number {
  return context.preset.height - context.preset.margins[1] - context.preset.margins[3];
}

/** A cautious estimate of the height of sentences set in `column` (average glyph ≈ half the type size). */
function estimatedHeight(sentences: readonly Sentence[], context: LayoutContext, column: number = textWidth(context.preset)): number {
  const charactersPerLine = Math.floor(column / (THEME.bodySize * 0.5));
  const lines = sentences.reduce((sum, sentence) => sum + Math.ceil(sentence.text.length / charactersPerLine), 0);
  return lines * THEME.bodySize * THEME.lineSpacing + sentences.length * THEME.sentenceGap;
}

/** A table row's cells: the first opens the TR, the last closes it. */
function tableRow(cells: TableCell[]): TableCell[] {
  return taggedRun(cells, 'TR');
}

/** The weekly table of `::agencies{hours=table}`: one row per day (its TH), the hours in bold. */
function weekTable(rows: Array<[Sentence, Sentence]>): Content[] {
  if (rows.length === 0) return [];
  const row = ([day, hours]: [Sentence, Sentence]) =>
    tableRow([tagged(sentenceContent(day, { margin: [0, 0, 12, 0] }), { role: 'TH', scope: 'Row' }), tagged(sentenceContent(hours, { bold: true, margin: [0, 0, 0, 0] }), 'TD')]);
  return [
    tagged(
      {
        table: { widths: ['auto', '*'], body: rows.map(row) },
        layout: { hLineWidth: (index: number) => (index === 0 ? 0 : 1), vLineWidth: () => 0, hLineColor: () => THEME.colors.rule, paddingTop: () => 2, paddingBottom: () => 2 },
        margin: [0, 4, 0, 0],
      },
      'Table',
    ),
  ];
}

function layoutContact(block: ContactBlock, context: LayoutContext): Content {
  return unbreakable(block.lines.map((line) => ({ stack: [besidePicto(line.pictogram, sentencesStack(line.sentences, {}, besidePictoWidth(context.preset)), context)], margin: [0, 0, 0, 12] })));
}

/** Room a notes page keeps for its title and its two sentences, in points. */
const NOTES_PAGE_HEADER = 170;
const NOTES_LINE_SPACING = 38;

/** As many ruled lines as asked, but never more than the page holds (an A5 page holds fewer). */
export function notesLineCount(asked: number, preset: LayoutContext['preset']): number {
  const room = preset.height - preset.margins[1] - preset.margins[3] - NOTES_PAGE_HEADER;
  return Math.max(1, Math.min(asked, Math.floor(room / NOTES_LINE_SPACING)));
}

function layoutNotes(block: NotesBlock, context: LayoutContext): Content {
  return unbreakable([notesLines(notesLineCount(block.lines, context.preset), textWidth(context.preset))]);
}

/** `count` ruled lines across a column `width` points wide (default: the A5 text width, which an A4 page also holds). */
export function notesLines(count: number, width: number = textWidth(PRESETS.a5)): Content {
  const spacing = NOTES_LINE_SPACING;
  const lines = Array.from({ length: count }, (_, index) => ({
    type: 'line' as const,
    x1: 0,
    y1: (index + 1) * spacing,
    x2: width,
    y2: (index + 1) * spacing,
    lineWidth: 1,
    lineColor: THEME.colors.rule,
  }));
  return { canvas: lines };
}

function layoutTable(block: TableBlock): Content {
  const columns = Math.max(...block.rows.map((row) => row.length));
  // The first row heads the columns (TH); empty cells stay TD cells of the tree.
  const cellTag = (rowIndex: number) => (rowIndex === 0 ? ({ role: 'TH', scope: 'Column' } as const) : ('TD' as const));
  return unbreakable([
    tagged(
      {
        table: {
          headerRows: 1,
          widths: Array.from({ length: columns }, () => '*'),
          body: block.rows.map((row, rowIndex) =>
            tableRow(
              Array.from({ length: columns }, (_, column) => {
                const cell = row[column];
                return tagged(cell ? sentenceContent(cell, rowIndex === 0 ? { bold: true } : {}) : { text: '' }, cellTag(rowIndex));
              }),
            ),
          ),
        },
      },
      'Table',
    ),
  ]);
}
