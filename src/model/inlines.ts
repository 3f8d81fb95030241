import type { Heading, Nodes, Paragraph, PhrasingContent, TableCell } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { assertKnownDirective, attribute } from '../content/directives.js';
import { sourceBlock, type Block as SourceBlock, type SourceLine } from '../content/source-lines.js';
import { resolveVariables } from '../content/variables.js';
import { LivretError } from '../errors.js';
import type { Inline, Sentence, SourcePosition } from './booklet.js';
import { nodeStart, type ChapterContext } from './chapter-context.js';

/**
 * A paragraph, heading or table cell → its printed sentences. Where one
 * sentence ends is decided once, by the source lines the rules read
 * (`content/source-lines.ts`); here each line gets its variables resolved and
 * its bold runs and difficult words as inlines.
 */
export function sentencesOf(node: Paragraph | Heading | TableCell, context: ChapterContext): Sentence[] {
  const terms = new Map<Nodes, TermInline>();
  for (const child of node.children) readPhrasing(child, context, terms);
  const block = sourceBlock(node, context.source);
  return block.sentences.flatMap((line) => printedSentence(line, block, terms, context) ?? []);
}

interface TermInline {
  term: string;
  definition: string;
}

/**
 * What the printed booklet refuses in running text (inline pictures, HTML,
 * unknown directives, a `:term` without its explanation), and the difficult
 * words, registered in the glossary in reading order.
 */
function readPhrasing(node: PhrasingContent, context: ChapterContext, terms: Map<Nodes, TermInline>): void {
  switch (node.type) {
    case 'image':
    case 'imageReference':
      throw new LivretError('inline images are not supported: put the picture on its own line as ::screenshot{src=… alt="…"}', nodeStart(context, node));
    case 'html':
      throw new LivretError('HTML is not supported in chapters: use Markdown and livret directives', nodeStart(context, node));
    case 'textDirective':
      terms.set(node, readTerm(node, context));
      return;
    default:
      if ('children' in node) for (const child of node.children) readPhrasing(child as PhrasingContent, context, terms);
  }
}

function readTerm(node: TextDirective, context: ChapterContext): TermInline {
  const where = nodeStart(context, node);
  assertKnownDirective(node, where);
  const term = toString(node).trim();
  const rawDefinition = attribute(node, 'definition');
  if (!term || !rawDefinition) {
    throw new LivretError(':term needs a word and its explanation, for example :term[CPAM]{definition="Caisse primaire d\'assurance maladie"}', where);
  }
  const definition = resolveVariables(rawDefinition, context.variables, () => where);
  if (!context.glossary.has(term.toLowerCase())) {
    const entry = { term, definition, source: where };
    context.glossary.set(term.toLowerCase(), entry);
    context.pendingExplanations.push(entry);
  }
  return { term, definition };
}

/** One source line as printed; undefined when nothing is left to print (a line of spaces, an empty variable). */
function printedSentence(line: SourceLine, block: SourceBlock, terms: ReadonlyMap<Nodes, TermInline>, context: ChapterContext): Sentence | undefined {
  const lineEnd = line.offset + line.text.length;
  const inlines: Inline[] = [];
  let start: SourcePosition | undefined;
  const at = (offset: number): SourcePosition => ({ file: context.file, ...line.pointAt(offset - line.offset) });
  for (const run of block.runs) {
    const from = Math.max(run.start, line.offset);
    const to = Math.min(run.end, lineEnd);
    if (to <= from) continue;
    const term = terms.get(run.node);
    if (term) {
      start ??= nodeStart(context, run.node);
      inlines.push({ kind: 'term', text: term.term, definition: term.definition, bold: run.bold });
      continue;
    }
    const text = resolveVariables(block.text.slice(from, to), context.variables, (offset) => at(from + offset));
    if (!start && text.trim() !== '') {
      // Inline code starts at its backtick, as an error about it would point.
      start = run.node.type === 'inlineCode' && from === run.start ? nodeStart(context, run.node) : at(from + text.length - text.trimStart().length);
    }
    if (start) inlines.push({ kind: 'text', text, bold: run.bold });
  }
  const text = inlines.map((inline) => inline.text).join('').replace(/\s+/g, ' ').trim();
  if (!text || !start) return undefined;
  return { inlines: trimInlines(inlines), text, source: start };
}

/** Collapse inner whitespace, trim the ends of the sentence, drop empty runs. */
function trimInlines(inlines: Inline[]): Inline[] {
  const collapsed = inlines.map((inline) => ({ ...inline, text: inline.text.replace(/\s+/g, ' ') }));
  if (collapsed[0]) collapsed[0].text = collapsed[0].text.trimStart();
  const last = collapsed.at(-1);
  if (last) last.text = last.text.trimEnd();
  return collapsed.filter((inline) => inline.text.length > 0);
}
