import type { Department, MapSymbol } from '../content/department-schema.js';

/**
 * The Booklet model: the one typed tree between the Markdown reader and the
 * layout. Layout never parses Markdown; the reader never knows about pages.
 */

/** Where a piece of the model came from, for errors and checks. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type Inline =
  | { kind: 'text'; text: string; bold: boolean }
  | { kind: 'term'; text: string; definition: string; bold: boolean }
  /**
   * `:chapitre[Terminer la création]`: the chapter's title in « », then its
   * page, which only the layout knows ("« Terminer la création », page 10").
   * `text` is the printed words before the number; `chapter` the id of the
   * chapter (set once every chapter is read).
   */
  | { kind: 'chapter-ref'; text: string; title: string; chapter: string; bold: boolean; source: SourcePosition };

/** One sentence = one source line; the PDF starts each on a new line. */
export interface Sentence {
  inlines: Inline[];
  /** Plain text as printed (variables resolved, markup removed). */
  text: string;
  source: SourcePosition;
}

/** A pictogram: an SVG drawn as vectors, or a raster picture. */
export interface Pictogram {
  /** The concept it stands for (lexicon key) or the `set:icon` reference. */
  concept: string;
  /** The picture: `set:icon` (an Iconify icon) or `file:name.svg` (the project's own). */
  icon: string;
  svg: string;
  /** 'named': by `::picto` or by livret (warnings, agencies …); 'lexicon': chosen from the block's words. */
  chosen: 'named' | 'lexicon';
}

export interface ScreenshotRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Screenshot {
  /** Absolute path of the source image (inside the project). */
  path: string;
  alt: string;
  highlights: ScreenshotRegion[];
  masks: ScreenshotRegion[];
  /** How masks hide personal data: a hatched gray box (default) or a strong blur. */
  maskStyle?: 'fill' | 'blur';
  crop: ScreenshotRegion | undefined;
  source: SourcePosition;
}

export interface TextBlock {
  kind: 'paragraph';
  /** 'explanation': a difficult word explained at its first use. */
  role: 'text' | 'explanation';
  sentences: Sentence[];
  pictogram: Pictogram | undefined;
  source: SourcePosition;
}

export interface ListBlock {
  kind: 'list';
  items: Sentence[];
  pictogram: Pictogram | undefined;
  source: SourcePosition;
}

export interface Step {
  number: number;
  sentences: Sentence[];
  pictogram: Pictogram | undefined;
  screenshots: Screenshot[];
  source: SourcePosition;
}

export interface StepsBlock {
  kind: 'steps';
  steps: Step[];
  source: SourcePosition;
}

export interface WarningBlock {
  kind: 'warning';
  sentences: Sentence[];
  pictogram: Pictogram;
  source: SourcePosition;
}

export interface HeadingBlock {
  kind: 'heading';
  sentence: Sentence;
  source: SourcePosition;
}

export interface ScreenshotBlock {
  kind: 'screenshot';
  screenshot: Screenshot;
  source: SourcePosition;
}

export interface AgenciesBlock {
  kind: 'agencies';
  /** Sentences generated from the department data, located at the directive. */
  agencies: Array<{
    name: Sentence;
    address: Sentence[];
    /** Appointment only, opening hours as sentences, closed days, note (with `hours=table`: appointment and note only). */
    hours: Sentence[];
    /** With `::agencies{hours=table}`: one [day, hours] row per day. */
    week: Array<[Sentence, Sentence]>;
    pictogram: Pictogram;
  }>;
  map: Screenshot | undefined;
  /** Said above the map ("Carte des agences de l'Orne"). */
  mapTitle: Sentence | undefined;
  /** Each legend line with the map's own mark when it explains one. */
  mapLegend: MapLegendLine[];
  source: SourcePosition;
}

export interface MapLegendLine {
  sentence: Sentence;
  symbol: MapSymbol | undefined;
}

export interface ContactBlock {
  kind: 'contact';
  lines: Array<{ sentences: Sentence[]; pictogram: Pictogram }>;
  source: SourcePosition;
}

export interface NotesBlock {
  kind: 'notes';
  lines: number;
  source: SourcePosition;
}

export interface TableBlock {
  kind: 'table';
  rows: Sentence[][];
  source: SourcePosition;
}

export type Block =
  | TextBlock
  | ListBlock
  | StepsBlock
  | WarningBlock
  | HeadingBlock
  | ScreenshotBlock
  | AgenciesBlock
  | ContactBlock
  | NotesBlock
  | TableBlock;

export interface Chapter {
  id: string;
  title: Sentence;
  pictogram: Pictogram | undefined;
  blocks: Block[];
  file: string;
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  source: SourcePosition;
}

export interface Booklet {
  id: string;
  title: string;
  subtitle: string | undefined;
  language: string;
  department: Department;
  /** Set when the department file is an example whose data must be checked. */
  isExample: boolean;
  chapters: Chapter[];
  glossary: GlossaryEntry[];
  cover: { pictogram: Pictogram | undefined; officeName: string };
}

/** Every sentence of the model in reading order: what the content-loss check looks for in the PDF. */
export function allSentences(booklet: Booklet): Sentence[] {
  const sentences: Sentence[] = [];
  for (const chapter of booklet.chapters) {
    sentences.push(chapter.title);
    for (const block of chapter.blocks) sentences.push(...blockSentences(block));
  }
  return sentences;
}

export function blockSentences(block: Block): Sentence[] {
  switch (block.kind) {
    case 'paragraph':
    case 'warning':
      return block.sentences;
    case 'list':
      return block.items;
    case 'heading':
      return [block.sentence];
    case 'steps':
      return block.steps.flatMap((step) => step.sentences);
    case 'agencies':
      return [...block.agencies.flatMap((a) => [a.name, ...a.address, ...a.hours, ...a.week.flat()]), ...(block.mapTitle ? [block.mapTitle] : []), ...block.mapLegend.map((line) => line.sentence)];
    case 'contact':
      return block.lines.flatMap((line) => line.sentences);
    case 'table':
      return block.rows.flat();
    case 'screenshot':
    case 'notes':
      return [];
  }
}
