import type { Heading, ListItem, Nodes, Paragraph, Parents, Root, TableCell } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';

/**
 * The one sentence splitter. Livret's contract is one sentence per source
 * line: each line of a paragraph, a list item, a heading or a table cell is
 * one sentence. This module reads a chapter's syntax tree into those lines
 * with the position of every character, so that a rule can point at the exact
 * word; the model builds its printed `Sentence`s from the same lines
 * (`model/inlines.ts`), and the two never disagree on where a sentence ends.
 * Markup is gone (`**bold**` → "bold", `:term[CPAM]{…}` → "CPAM") but kept as
 * runs; variables stay as written (`{{caisse.nom}}`).
 */
export interface Point {
  line: number;
  column: number;
}

export interface TermUse {
  /** The explained word as written between the brackets. */
  label: string;
  definition: string | undefined;
  /** Offsets in the block text. */
  start: number;
  end: number;
}

/** A run of a block's text with one formatting: bold or not, a `:term` or plain text. */
export interface InlineRun {
  /** Offsets in the block text. */
  start: number;
  end: number;
  bold: boolean;
  /** The phrasing node the run comes from (its start is where a `:term` or `` `code` `` begins). */
  node: Nodes;
}

/** One source line of a block: one sentence, as written (variables unresolved). */
export interface SourceLine {
  text: string;
  /** Offset of the line in its block's text. */
  offset: number;
  block: Block;
  /** Source position of the character at `index` in `text` (the end of the sentence for index = length). */
  pointAt(index: number): Point;
}

/** `definition`: the text of a `:term[…]{definition="…"}`, printed in the explanation box and the glossary. */
export type BlockKind = 'paragraph' | 'heading' | 'table-cell' | 'definition';

export interface Block {
  kind: BlockKind;
  node: Paragraph | Heading | TableCell | TextDirective;
  /** The block's text, lines separated by "\n". */
  text: string;
  points: Point[];
  sentences: SourceLine[];
  terms: TermUse[];
  runs: InlineRun[];
  /** The step or list item holding this paragraph, if any (sentence counts are per step). */
  listItem: ListItem | undefined;
  /** Names of the container directives around the block, innermost last (`steps`, `warning`). */
  containers: string[];
  /** The `:term` directives with a definition inside this block. */
  definitionNodes: TextDirective[];
}

export interface ChapterText {
  blocks: Block[];
  /** One per source line: the sentences of paragraphs, headings and table cells. */
  sentences: SourceLine[];
  /** The sentences of the `:term` definitions (split at ". "), with their positions in the attribute. */
  definitions: SourceLine[];
}

/**
 * A sentence end (". ", "? ", "! ") followed by the start of a new sentence
 * (a capital or a digit, after an optional opening quote), not after an
 * abbreviation such as "M." or "etc.". Rule `one-sentence-per-line` reports
 * a line that holds one; `livret import` splits lines there.
 */
export const SENTENCE_END = /(?<!\b(?:M|etc|ex|cf|n°))[.!?]\s+(?=[«"]?\s*[\p{Lu}\d])/gu;

/** A piece of a text: what it says and where it starts. */
interface TextPiece {
  text: string;
  offset: number;
}

/** The pieces of a text cut at each sentence end (SENTENCE_END), the punctuation kept with its sentence. */
function piecesAtSentenceEnds(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    pieces.push({ text: text.slice(start, match.index + 1), offset: start });
    start = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(start), offset: start });
  return pieces;
}

/** The pieces of a text cut at each line end: one sentence per source line. */
function piecesAtLineEnds(text: string): TextPiece[] {
  let offset = 0;
  return text.split('\n').map((line) => {
    const piece = { text: line, offset };
    offset += line.length + 1;
    return piece;
  });
}

/** Splits a text at each sentence end (SENTENCE_END): the sentences, trimmed, without empty ones. */
export function splitSentences(text: string): string[] {
  return piecesAtSentenceEnds(text)
    .map((piece) => piece.text.trim())
    .filter((sentence) => sentence.length > 0);
}

/** The sentences the reader reads: the lines, then the definitions of difficult words. */
export function readSentences(text: ChapterText): SourceLine[] {
  return [...text.sentences, ...text.definitions];
}

const cache = new WeakMap<Root, ChapterText>();
/** Each block read once, whether the rules or the model asks first. */
const blockCache = new WeakMap<BlockNode, Block>();

type BlockNode = Paragraph | Heading | TableCell;

export function chapterText(tree: Root, source: string): ChapterText {
  const cached = cache.get(tree);
  if (cached) return cached;
  const blocks: Block[] = [];
  collectBlocks(tree, source, { listItem: undefined, containers: [] }, blocks);
  const definitions = blocks.flatMap((block) => block.definitionNodes.map((node) => definitionBlock(node, source)));
  const result = {
    blocks,
    sentences: blocks.flatMap((block) => block.sentences),
    definitions: definitions.flatMap((block) => block.sentences),
  };
  cache.set(tree, result);
  return result;
}

interface Surroundings {
  listItem: ListItem | undefined;
  containers: string[];
}

function collectBlocks(node: Nodes, source: string, around: Surroundings, blocks: Block[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    blocks.push(sourceBlock(node, source, around));
    return;
  }
  if (!('children' in node)) return;
  let inner = around;
  if (node.type === 'listItem') inner = { ...around, listItem: node };
  if (node.type === 'containerDirective') inner = { ...around, containers: [...around.containers, node.name] };
  for (const child of (node as Parents).children) collectBlocks(child as Nodes, source, inner, blocks);
}

/** The lines of one paragraph, heading or table cell (`source`: the chapter's text). */
export function sourceBlock(node: BlockNode, source: string, around: Surroundings = { listItem: undefined, containers: [] }): Block {
  const cached = blockCache.get(node);
  if (cached) return cached;
  const block = makeBlock(node.type === 'tableCell' ? 'table-cell' : node.type, node, source, around);
  blockCache.set(node, block);
  return block;
}

function makeBlock(kind: BlockKind, node: BlockNode, source: string, around: Surroundings): Block {
  const builder: TextBuilder = { text: '', points: [], terms: [], runs: [], definitionNodes: [] };
  for (const child of node.children) appendInline(child as Nodes, source, builder, false);
  const end = node.position?.end ?? { line: 1, column: 1 };
  const block: Block = {
    kind,
    node,
    text: builder.text,
    points: builder.points,
    sentences: [],
    terms: builder.terms,
    runs: builder.runs,
    listItem: around.listItem,
    containers: around.containers,
    definitionNodes: builder.definitionNodes,
  };
  addSentences(block, piecesAtLineEnds(builder.text), builder.points, end);
  return block;
}

/** A block's sentences (one per piece), trimmed, each knowing the source position of its characters. */
function addSentences(block: Block, pieces: readonly TextPiece[], points: Point[], end: Point): void {
  for (const piece of pieces) {
    const leading = piece.text.length - piece.text.trimStart().length;
    const text = piece.text.trim();
    const start = piece.offset + leading;
    if (text.length > 0) {
      block.sentences.push({
        text,
        offset: start,
        block,
        pointAt: (index) => points[start + index] ?? points[start + text.length - 1] ?? { line: end.line, column: end.column },
      });
    }
  }
}

/**
 * The definition of a `:term`, as a block of its own: sentences split at each
 * sentence end (SENTENCE_END), positions inside the `definition="…"` attribute.
 */
function definitionBlock(node: TextDirective, source: string): Block {
  const value = termDefinition(node) ?? '';
  const start = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  const raw = source.slice(start.offset ?? 0, node.position?.end.offset ?? 0);
  const attribute = /definition\s*=\s*(["']?)/.exec(raw);
  const rawValueStart = attribute ? attribute.index + attribute[0].length : 0;
  const points: Point[] = [];
  let line = start.line;
  let column = start.column;
  for (let index = 0; index < rawValueStart; index++) {
    if (raw[index] === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  for (let index = 0; index < value.length; index++) {
    points.push({ line, column });
    if (value[index] === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  const block: Block = {
    kind: 'definition',
    node,
    text: value,
    points,
    sentences: [],
    terms: [],
    runs: [],
    listItem: undefined,
    containers: [],
    definitionNodes: [],
  };
  addSentences(block, piecesAtSentenceEnds(value), points, { line, column });
  return block;
}

interface TextBuilder {
  text: string;
  points: Point[];
  terms: TermUse[];
  runs: InlineRun[];
  definitionNodes: TextDirective[];
}

function appendInline(node: Nodes, source: string, builder: TextBuilder, bold: boolean): void {
  const start = builder.text.length;
  switch (node.type) {
    case 'text':
      appendMapped(node.value, node.position, source, builder);
      builder.runs.push({ start, end: builder.text.length, bold, node });
      return;
    case 'inlineCode':
      appendMapped(node.value, node.position, source, builder, 1);
      builder.runs.push({ start, end: builder.text.length, bold, node });
      return;
    case 'strong':
      for (const child of node.children) appendInline(child, source, builder, true);
      return;
    case 'break': {
      const point = node.position?.start ?? { line: 1, column: 1 };
      builder.text += '\n';
      builder.points.push({ line: point.line, column: point.column });
      return;
    }
    case 'textDirective': {
      if (node.name !== 'term') {
        // Not a livret directive: "12:30" parses as the directive ":30"; rules read it as written.
        const offset = node.position?.start.offset ?? 0;
        appendMapped(source.slice(offset, node.position?.end.offset ?? offset), node.position, source, builder);
        builder.runs.push({ start, end: builder.text.length, bold, node });
        return;
      }
      const firstRun = builder.runs.length;
      for (const child of node.children) appendInline(child as Nodes, source, builder, bold);
      // One run for the whole term: the model prints it as one inline.
      builder.runs.splice(firstRun, Infinity, { start, end: builder.text.length, bold, node });
      builder.terms.push({ label: builder.text.slice(start), definition: termDefinition(node), start, end: builder.text.length });
      if (termDefinition(node) !== undefined) builder.definitionNodes.push(node);
      return;
    }
    case 'image':
    case 'imageReference':
    case 'html':
      return;
    default:
      if ('children' in node) for (const child of (node as Parents).children) appendInline(child as Nodes, source, builder, bold);
  }
}

function termDefinition(node: TextDirective): string | undefined {
  const definition = node.attributes?.definition;
  return typeof definition === 'string' && definition.trim() !== '' ? definition : undefined;
}

/**
 * Appends a text node's value, giving each character its source position.
 * The value drops list indentation and trailing spaces at line ends, so lines
 * are matched one by one.
 */
function appendMapped(
  value: string,
  position: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } | undefined,
  source: string,
  builder: TextBuilder,
  skip = 0,
): void {
  const start = position?.start ?? { line: 1, column: 1, offset: 0 };
  const sourceLines = source.slice((start.offset ?? 0) + skip, position?.end.offset ?? 0).split('\n');
  const valueLines = value.split('\n');
  valueLines.forEach((valueLine, lineIndex) => {
    const sourceLine = sourceLines[lineIndex] ?? '';
    const found = sourceLine.indexOf(valueLine);
    const shift = found >= 0 ? found : 0;
    const line = start.line + lineIndex;
    const firstColumn = (lineIndex === 0 ? start.column + skip : 1) + shift;
    for (let index = 0; index < valueLine.length; index++) builder.points.push({ line, column: firstColumn + index });
    builder.text += valueLine;
    if (lineIndex < valueLines.length - 1) {
      builder.text += '\n';
      builder.points.push({ line, column: firstColumn + valueLine.length });
    }
  });
}
