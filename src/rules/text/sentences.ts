import type { Heading, ListItem, Nodes, Paragraph, Parents, Root, TableCell } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/**
 * The sentences of a chapter, read from its syntax tree with the position of
 * every character, so that a rule can point at the exact word. Livret's
 * contract is one sentence per source line: each line of a paragraph, a list
 * item or a heading is one sentence. Markup is gone (`**bold**` → "bold",
 * `:term[CPAM]{…}` → "CPAM"); variables stay as written (`{{caisse.nom}}`).
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

export interface Sentence {
  text: string;
  /** Offset of the sentence in its block's text. */
  offset: number;
  block: Block;
  /** Source position of the character at `index` in `text` (the end of the sentence for index = length). */
  pointAt(index: number): Point;
}

export type BlockKind = 'paragraph' | 'heading' | 'table-cell';

export interface Block {
  kind: BlockKind;
  node: Paragraph | Heading | TableCell;
  /** The block's text, lines separated by "\n". */
  text: string;
  points: Point[];
  sentences: Sentence[];
  terms: TermUse[];
  /** The step or list item holding this paragraph, if any (sentence counts are per step). */
  listItem: ListItem | undefined;
  /** Names of the container directives around the block, innermost last (`steps`, `warning`). */
  containers: string[];
}

export interface ChapterText {
  blocks: Block[];
  sentences: Sentence[];
}

const cache = new WeakMap<Root, ChapterText>();

export function chapterText(tree: Root, file: VFile): ChapterText {
  const cached = cache.get(tree);
  if (cached) return cached;
  const blocks: Block[] = [];
  collectBlocks(tree, String(file.value), { listItem: undefined, containers: [] }, blocks);
  const result = { blocks, sentences: blocks.flatMap((block) => block.sentences) };
  cache.set(tree, result);
  return result;
}

interface Surroundings {
  listItem: ListItem | undefined;
  containers: string[];
}

function collectBlocks(node: Nodes, source: string, around: Surroundings, blocks: Block[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const kind: BlockKind = node.type === 'tableCell' ? 'table-cell' : node.type;
    blocks.push(makeBlock(kind, node, source, around));
    return;
  }
  if (!('children' in node)) return;
  let inner = around;
  if (node.type === 'listItem') inner = { ...around, listItem: node };
  if (node.type === 'containerDirective') inner = { ...around, containers: [...around.containers, node.name] };
  for (const child of (node as Parents).children) collectBlocks(child as Nodes, source, inner, blocks);
}

function makeBlock(kind: BlockKind, node: Paragraph | Heading | TableCell, source: string, around: Surroundings): Block {
  const builder = { text: '', points: [] as Point[], terms: [] as TermUse[] };
  for (const child of node.children) appendInline(child as Nodes, source, builder);
  const end = node.position?.end ?? { line: 1, column: 1 };
  const block: Block = {
    kind,
    node,
    text: builder.text,
    points: builder.points,
    sentences: [],
    terms: builder.terms,
    listItem: around.listItem,
    containers: around.containers,
  };
  let offset = 0;
  for (const line of builder.text.split('\n')) {
    const leading = line.length - line.trimStart().length;
    const text = line.trim();
    const start = offset + leading;
    if (text.length > 0) {
      block.sentences.push({
        text,
        offset: start,
        block,
        pointAt: (index) => builder.points[start + index] ?? builder.points[start + text.length - 1] ?? { line: end.line, column: end.column },
      });
    }
    offset += line.length + 1;
  }
  return block;
}

interface TextBuilder {
  text: string;
  points: Point[];
  terms: TermUse[];
}

function appendInline(node: Nodes, source: string, builder: TextBuilder): void {
  switch (node.type) {
    case 'text':
      appendMapped(node.value, node.position, source, builder);
      return;
    case 'inlineCode':
      appendMapped(node.value, node.position, source, builder, 1);
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
        const start = node.position?.start.offset ?? 0;
        appendMapped(source.slice(start, node.position?.end.offset ?? start), node.position, source, builder);
        return;
      }
      const start = builder.text.length;
      for (const child of node.children) appendInline(child as Nodes, source, builder);
      builder.terms.push({ label: builder.text.slice(start), definition: termDefinition(node), start, end: builder.text.length });
      return;
    }
    case 'image':
    case 'imageReference':
    case 'html':
      return;
    default:
      if ('children' in node) for (const child of (node as Parents).children) appendInline(child as Nodes, source, builder);
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
