import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from '../fonts/fonts.js';
import type { Block, Booklet, Chapter } from '../model/booklet.js';
import type { ImageLookup, PreparedImage } from '../images/prepared-image.js';
import { layoutBlock, MAP_START_ID, mapFacesItsLegend, notesLineCount, notesLines } from './block-layouts.js';
import { chapterAnchor, pictogramContent, titleContent, type LayoutContext } from './blocks.js';
import { besidePictoWidth, PRESETS, textWidth, type LayoutPreset } from '../geometry/presets.js';
import { MM } from '../geometry/units.js';
import { lineHeight, THEME } from '../geometry/theme.js';
import { textWidthOf } from './balance-lines.js';
import { tagged, taggedRun } from './pdf-tags.js';

/**
 * Booklet model + preset + theme → pdfmake document definition: a cover, a
 * table of contents, one chapter per page run, "Page X sur Y" in the footer,
 * one bookmark per chapter, PDF title and language set.
 */
export interface LayoutInput {
  booklet: Booklet;
  preset: LayoutPreset;
  images: ImageLookup;
  /** Every prepared image, registered once in the document. */
  preparedImages: readonly PreparedImage[];
  creationDate: Date;
  /**
   * For a printed booklet: blank pages inserted before the last chapter (the
   * back cover), which then starts on a page of its own. Undefined: none.
   */
  blankPagesBeforeBackCover?: number;
}

export function layoutBooklet(input: LayoutInput): TDocumentDefinitions {
  const { booklet, preset } = input;
  const context: LayoutContext = { preset, images: input.images };
  const content = [...cover(booklet, preset), tableOfContents(), ...chapters(booklet, context, input.blankPagesBeforeBackCover)];
  return {
    info: {
      title: booklet.title,
      subject: booklet.subtitle ?? booklet.title,
      author: booklet.department.office.name,
      creator: 'livret',
      producer: 'livret',
      creationDate: input.creationDate,
      modDate: input.creationDate,
    },
    language: booklet.language,
    displayTitle: true,
    // PDF/UA-1: a tagged PDF 1.7 (structure from the model, src/layout/pdf-tags.ts), identified in its XMP.
    version: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    pageSize: { width: preset.width, height: preset.height },
    pageMargins: preset.margins,
    defaultStyle: { font: FONT_FAMILY, fontSize: THEME.bodySize, lineHeight: lineHeight(THEME.lineSpacing), color: THEME.colors.text },
    styles: {
      coverTitle: { fontSize: THEME.coverTitleSize, bold: true, color: THEME.colors.accent, lineHeight: lineHeight(1.2) },
      coverSubtitle: { fontSize: THEME.coverSubtitleSize, lineHeight: lineHeight(1.3) },
      chapterTitle: { fontSize: THEME.chapterTitleSize, bold: true, color: THEME.colors.accent, lineHeight: lineHeight(1.2) },
      heading: { fontSize: THEME.headingSize, bold: true, color: THEME.colors.accent, lineHeight: lineHeight(1.3), margin: [0, 6, 0, 10] },
    },
    images: Object.fromEntries(input.preparedImages.map((image) => [image.key, `data:image/png;base64,${image.png.toString('base64')}`])),
    header: booklet.isExample ? exampleMark(preset) : undefined,
    footer: (currentPage: number, pageCount: number) =>
      currentPage === 1
        ? null
        : tagged({ text: `Page ${currentPage} sur ${pageCount}`, alignment: 'center', fontSize: THEME.footerSize, lineHeight: lineHeight(1.2), margin: [0, 18, 0, 0] }, { role: 'Artifact', artifact: 'Pagination' }),
    background: (currentPage: number) => (currentPage === 1 ? coverBandCanvas(preset) : null),
    content,
    ...(containsId(content, MAP_START_ID) ? { pageBreakBefore: mapFacesItsLegend } : {}),
  };
}

/** Whether a node with this id is in the content (pdfmake's `pageBreakBefore` is asked of every node: only when needed). */
function containsId(node: unknown, id: string): boolean {
  if (Array.isArray(node)) return node.some((child) => containsId(child, id));
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  if (record.id === id) return true;
  return ['stack', 'columns', 'ul', 'ol'].some((key) => containsId(record[key], id));
}

/** Pages of a booklet made from an example department carry a visible warning. */
const EXAMPLE_MARKS = ['EXEMPLE : adresses et horaires à vérifier par la CPAM', 'EXEMPLE : adresses à vérifier par la CPAM', 'EXEMPLE : à vérifier'];

/** The longest warning that holds on one line of the page's top margin (the header has room for one line only). */
export function exampleMarkText(preset: LayoutPreset): string {
  const width = textWidth(preset) * 0.97;
  return EXAMPLE_MARKS.find((text) => textWidthOf(text, THEME.minSize, 700) <= width) ?? EXAMPLE_MARKS.at(-1)!;
}

function exampleMark(preset: LayoutPreset): (currentPage: number) => Content {
  const text = exampleMarkText(preset);
  return () => tagged({
    text,
    fontSize: THEME.minSize,
    bold: true,
    color: THEME.colors.exampleMark,
    alignment: 'center',
    lineHeight: lineHeight(1.2),
    margin: [preset.margins[0], 20, preset.margins[2], 0],
  }, { role: 'Artifact', artifact: 'Pagination' });
}

/**
 * The cover's colour band along the bottom edge: the one area that touches
 * the edge of the page, extended into the bleed for print shops.
 */
export function coverBand(preset: LayoutPreset): { x: number; y: number; width: number; height: number; color: string } {
  const height = Math.round((preset.margins[3] - 8 * MM) * 100) / 100;
  return { x: 0, y: preset.height - height, width: preset.width, height, color: THEME.colors.accent };
}

function coverBandCanvas(preset: LayoutPreset): Content {
  const band = coverBand(preset);
  // Placed absolutely: a canvas reaching the bottom of the page is otherwise refused by pdfmake.
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: band.width, h: band.height, color: band.color }], absolutePosition: { x: band.x, y: band.y } };
}

/** The chapters, with the blank pages of a printed booklet before the back cover. */
function chapters(booklet: Booklet, context: LayoutContext, blankPages: number | undefined): Content[] {
  const laidOut = booklet.chapters.map((chapter) => layoutChapter(chapter, context));
  const backCover = laidOut.pop();
  if (blankPages === undefined || !backCover) return [...laidOut, ...(backCover ?? [])].flat();
  const [opening, ...rest] = backCover;
  // A reader turning a blank side thinks a page is missing: padding pages are "Mes notes" pages.
  const blanks: Content[] = Array.from({ length: blankPages }, () => notesPaddingPage(context.preset));
  const startsPage = typeof opening === 'object' && opening !== null && 'pageBreak' in opening && opening.pageBreak === 'before';
  const start: Content = startsPage ? opening : { stack: [opening ?? ''], pageBreak: 'before' };
  return [...laidOut.flat(), ...blanks, start, ...rest];
}

/** Title of the pages that pad a printed booklet to a multiple of 4 pages. */
export const NOTES_PADDING_TITLE = 'Mes notes';

function notesPaddingPage(preset: LayoutPreset): Content {
  return {
    stack: [{ text: NOTES_PADDING_TITLE, style: 'chapterTitle', margin: [0, 8, 0, 8] }, notesLines(notesLineCount(20, preset), textWidth(preset))],
    pageBreak: 'before',
  };
}

const COVER_OFFICE_SIZE = 20;

/** The cover: one page, its spacing scaled to the page (an A5 cover keeps every line on page 1). */
function cover(booklet: Booklet, preset: LayoutPreset): Content[] {
  const scale = preset.height / PRESETS.a4.height;
  const gap = (points: number) => Math.round(points * scale);
  const width = textWidth(preset);
  const title = (text: string, fontSize: number, margin: [number, number, number, number], extra: Partial<ContentText>) =>
    titleContent([{ kind: 'text', text, bold: false }], width, fontSize, margin, extra);
  const stack: Content[] = [
    tagged(title(booklet.title, THEME.coverTitleSize, [0, gap(40), 0, gap(16)], { style: 'coverTitle' }), 'H1'),
    ...(booklet.subtitle ? [tagged(title(booklet.subtitle, THEME.coverSubtitleSize, [0, 0, 0, gap(40)], { style: 'coverSubtitle' }), 'P') as Content] : []),
    { columns: [{ width: '*', text: '' }, { width: preset.coverPictoSize, stack: [pictogramContent(booklet.cover.pictogram, preset.coverPictoSize)] }, { width: '*', text: '' }], margin: [0, gap(10), 0, gap(50)] },
    tagged(title(booklet.cover.officeName, COVER_OFFICE_SIZE, [0, 0, 0, gap(20)], { bold: true, fontSize: COVER_OFFICE_SIZE, lineHeight: lineHeight(1.3) }), 'P'),
    tagged({ text: 'Ce livret est écrit en Français facile.' }, 'P'),
  ];
  return [tagged({ stack, unbreakable: true }, 'Sect')];
}

function tableOfContents(): Content {
  // pdfmake builds the entries: src/render/pdf-structure.ts tags them TOC / TOCI.
  return tagged({
    toc: {
      title: tagged({ text: 'Sommaire', style: 'chapterTitle', margin: [0, 0, 0, 20] }, 'H1'),
      textStyle: { fontSize: THEME.bodySize },
      numberStyle: { fontSize: THEME.bodySize, bold: true },
      textMargin: [0, 4, 0, 4],
    },
    pageBreak: 'before',
  }, 'Sect');
}

function chapterTitle(chapter: Chapter, context: LayoutContext): Content {
  const { pictoSize, pictoGap } = context.preset;
  // One table-of-contents entry and one PDF bookmark per chapter.
  const titleText: Content = {
    ...tagged(titleContent(chapter.title.inlines, besidePictoWidth(context.preset), THEME.chapterTitleSize, [0, 8, 0, 0], { style: 'chapterTitle', outline: true, outlineText: chapter.title.text }), 'H1'),
    tocItem: true,
    id: chapterAnchor(chapter.id),
  };
  return {
    columns: [
      { width: pictoSize, stack: [pictogramContent(chapter.pictogram, pictoSize)] },
      { width: '*', stack: [titleText] },
    ],
    columnGap: pictoGap,
    margin: [0, 0, 0, 24],
  };
}

/**
 * A chapter starts on a new page. A heading is kept with the first part of
 * what follows (one unbreakable group), so it never ends a page alone.
 */
function layoutChapter(chapter: Chapter, context: LayoutContext): Content[] {
  const parts: Content[] = [];
  let keepWithNext: Content[] = [chapterTitle(chapter, context)];
  let previous: Block | undefined;
  for (const block of chapter.blocks) {
    const contents = layoutBlock(pictureShownOnce(block, previous, chapter), context);
    if (block.kind === 'heading') {
      keepWithNext.push(...contents);
      continue;
    }
    const lead = previous;
    previous = block;
    // A lead-in ending with ":" stays on the page of what it announces; the box explaining a word, with the sentence that uses it.
    if (lead && (endsWithColon(lead) || explainsShortBlock(block, lead)) && parts.length > 0 && contents.length > 0) {
      const [first, ...rest] = contents;
      parts.push({ stack: [parts.pop()!, first!], unbreakable: true }, ...rest);
      continue;
    }
    const [first, ...rest] = contents;
    if (keepWithNext.length > 0 && first) {
      parts.push({ stack: [...keepWithNext, first], unbreakable: true });
      keepWithNext = [];
    } else if (first) parts.push(first);
    parts.push(...rest);
  }
  if (keepWithNext.length > 0) parts.push({ stack: keepWithNext, unbreakable: true });
  // The next chapter starts on a page of its own: pdfmake would start a new, empty page for the
  // bottom margin of a last block that ends near the bottom of a page (a blank page, or a back
  // cover that is no longer the last page).
  if (parts.length > 0) parts.push(withoutBottomMargin(parts.pop()!));
  const [opening, ...others] = parts;
  // The notes page and the contact page (the back cover) are whole pages of their own.
  const ownPage = chapter.blocks.some((block) => block.kind === 'notes' || block.kind === 'contact');
  // One Sect per chapter in the PDF's structure, around every part of it.
  if (ownPage) return taggedRun([{ stack: [opening ?? ''], pageBreak: 'before' }, ...others], 'Sect');
  const probe = chapterBreakProbe(context.preset);
  return taggedRun([probe, { stack: [opening ?? ''], margin: [0, CHAPTER_TOP_MARGIN - probeHeight(context.preset), 0, 0] }, ...others], 'Sect');
}

/** The node without space below it: its own bottom margin and its last child's (recursively) set to 0. */
function withoutBottomMargin(node: Content): Content {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const copy = { ...node } as Content & { margin?: unknown; stack?: Content[] };
  if (Array.isArray(copy.margin) && copy.margin.length === 4) copy.margin = [copy.margin[0], copy.margin[1], copy.margin[2], 0];
  if (Array.isArray(copy.stack) && copy.stack.length > 0) copy.stack = [...copy.stack.slice(0, -1), withoutBottomMargin(copy.stack.at(-1)!)];
  return copy;
}

/** An explanation box after a paragraph or a list (a step, with its pictures, may be too tall to take it along). */
function explainsShortBlock(block: Block, lead: Block): boolean {
  return block.kind === 'paragraph' && block.role === 'explanation' && (lead.kind === 'paragraph' || lead.kind === 'list');
}

function endsWithColon(block: Block): boolean {
  if (block.kind !== 'paragraph') return false;
  return block.sentences.at(-1)?.text.trimEnd().endsWith(':') ?? false;
}

/**
 * The same picture is not printed twice in a row: a chapter's first paragraph
 * or list under a title with the same picture, or a list under its lead-in
 * with the same picture, shows it once (the title's, the lead-in's).
 */
function pictureShownOnce(block: Block, previous: Block | undefined, chapter: Chapter): Block {
  if (block.kind !== 'paragraph' && block.kind !== 'list') return block;
  const icon = block.pictogram?.icon;
  if (!icon) return block;
  const underTitle = previous === undefined && chapter.pictogram?.icon === icon;
  const underLead = block.kind === 'list' && previous !== undefined && endsWithColon(previous) && previous.kind === 'paragraph' && previous.pictogram?.icon === icon;
  return underTitle || underLead ? { ...block, pictogram: undefined } : block;
}

/**
 * A chapter starts on a new page, unless it starts in the top part of a page:
 * a fresh page for each idea group, without half-empty pages that would push
 * the booklet past its length limit.
 */
export const CHAPTER_BREAK_RATIO = 0.4;

/** The space a chapter needs below its start to stay on the page: the bottom 60 % of the page body. */
function chapterBreakReserve(preset: LayoutPreset): number {
  return (1 - CHAPTER_BREAK_RATIO) * (preset.height - preset.margins[1] - preset.margins[3]);
}

/**
 * Decides the chapter break in the same layout pass: an invisible block as
 * tall as the reserve, which pdfmake moves to the next page when less space
 * is left; the chapter then comes back up over it (negative top margin). This
 * replaces pdfmake's `pageBreakBefore`, which lays the whole document out
 * again each time it breaks a page.
 */
function chapterBreakProbe(preset: LayoutPreset): Content {
  return { stack: [{ stack: [], margin: [0, probeHeight(preset), 0, 0] }], unbreakable: true };
}

/** Space above a chapter that starts below another one. */
const CHAPTER_TOP_MARGIN = 12;

function probeHeight(preset: LayoutPreset): number {
  return chapterBreakReserve(preset) + CHAPTER_TOP_MARGIN;
}
