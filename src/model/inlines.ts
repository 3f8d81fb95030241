import type { Heading, Nodes, Paragraph, PhrasingContent, TableCell } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { assertKnownDirective, attribute } from '../content/directives.js';
import { sourceBlock, type Block as SourceBlock, type SourceLine } from '../content/source-lines.js';
import { resolveVariables } from '../content/variables.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Inline, Sentence, SourcePosition } from './booklet.js';
import { nodeStart, type ChapterContext } from './chapter-context.js';

/**
 * A paragraph, heading or table cell → its printed sentences. Where one
 * sentence ends is decided once, by the source lines the rules read
 * (`content/source-lines.ts`); here each line gets its variables resolved and
 * its bold runs and difficult words as inlines.
 */
export function sentencesOf(node: Paragraph | Heading | TableCell, context: ChapterContext): Sentence[] {
  const directives = new Map<Nodes, DirectiveInline>();
  for (const child of node.children) readPhrasing(child, context, directives);
  const block = sourceBlock(node, context.source);
  return block.sentences.flatMap((line) => printedSentence(line, block, directives, context) ?? []);
}

/** What a `:term` or a `:chapitre` prints, but for its boldness (the run's). */
type DirectiveInline = Omit<Extract<Inline, { kind: 'term' }>, 'bold'> | Omit<Extract<Inline, { kind: 'chapter-ref' }>, 'bold'>;

/**
 * What the printed booklet refuses in running text (inline pictures, HTML,
 * unknown directives, a `:term` without its explanation), the difficult
 * words, registered in the glossary in reading order, and the chapter
 * references.
 */
function readPhrasing(node: PhrasingContent, context: ChapterContext, directives: Map<Nodes, DirectiveInline>): void {
  switch (node.type) {
    case 'image':
    case 'imageReference':
      throw new LivretError(t('error.chapter.inlineImage'), nodeStart(context, node));
    case 'html':
      throw new LivretError(t('error.chapter.html'), nodeStart(context, node));
    case 'textDirective':
      directives.set(node, node.name === 'chapitre' ? readChapterReference(node, context) : readTerm(node, context));
      return;
    default:
      if ('children' in node) for (const child of node.children) readPhrasing(child as PhrasingContent, context, directives);
  }
}

function readTerm(node: TextDirective, context: ChapterContext): DirectiveInline {
  const where = nodeStart(context, node);
  assertKnownDirective(node, where);
  const term = toString(node).trim();
  const rawDefinition = attribute(node, 'definition');
  if (!term || !rawDefinition) {
    throw new LivretError(t('error.chapter.termNeedsDefinition'), where);
  }
  const definition = resolveVariables(rawDefinition, context.variables, () => where);
  if (!context.glossary.has(term.toLowerCase())) {
    const entry = { term, definition, source: where };
    context.glossary.set(term.toLowerCase(), entry);
    context.pendingExplanations.push(entry);
  }
  return { kind: 'term', text: term, definition };
}

/** `:chapitre[Titre du chapitre]`: resolved to a chapter by build-model once every chapter is read. */
function readChapterReference(node: TextDirective, context: ChapterContext): DirectiveInline {
  const where = nodeStart(context, node);
  const title = resolveVariables(toString(node).trim(), context.variables, () => where);
  if (!title) throw new LivretError(t('error.chapter.referenceNeedsTitle'), where);
  return { kind: 'chapter-ref', text: `« ${title} », page\u00a0`, title, chapter: '', source: where };
}

/** One source line as printed; undefined when nothing is left to print (a line of spaces, an empty variable). */
function printedSentence(line: SourceLine, block: SourceBlock, directives: ReadonlyMap<Nodes, DirectiveInline>, context: ChapterContext): Sentence | undefined {
  const lineEnd = line.offset + line.text.length;
  const inlines: Inline[] = [];
  let start: SourcePosition | undefined;
  const at = (offset: number): SourcePosition => ({ file: context.file, ...line.pointAt(offset - line.offset) });
  for (const run of block.runs) {
    const from = Math.max(run.start, line.offset);
    const to = Math.min(run.end, lineEnd);
    if (to <= from) continue;
    const directive = directives.get(run.node);
    if (directive) {
      start ??= nodeStart(context, run.node);
      inlines.push({ ...directive, bold: run.bold });
      continue;
    }
    const text = resolveVariables(block.text.slice(from, to), context.variables, (offset) => at(from + offset));
    if (!start && text.trim() !== '') {
      // Inline code starts at its backtick, as an error about it would point.
      start = run.node.type === 'inlineCode' && from === run.start ? nodeStart(context, run.node) : at(from + text.length - text.trimStart().length);
    }
    if (start) inlines.push({ kind: 'text', text, bold: run.bold });
  }
  const text = sentenceText(inlines);
  if (!text || !start) return undefined;
  return { inlines: trimInlines(inlines), text, source: start };
}

/**
 * The sentence's text as the PDF prints it. A chapter reference ends its
 * sentence: its page number is known only at layout, so the text stops
 * before it ("… « Terminer la création », page"), which the printed
 * "… page 10." still contains.
 */
function sentenceText(inlines: readonly Inline[]): string {
  const reference = inlines.findIndex((inline) => inline.kind === 'chapter-ref');
  const printed = reference < 0 ? inlines : inlines.slice(0, reference + 1);
  return printed.map((inline) => inline.text).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Collapse inner whitespace, trim the ends of the sentence, drop empty runs.
 * A no-break space stays: it glues what must not part ("page\u00a010").
 */
function trimInlines(inlines: Inline[]): Inline[] {
  const collapsed = inlines.map((inline) => ({ ...inline, text: inline.text.replace(/[^\S\u00a0]+/g, ' ') }));
  if (collapsed[0]) collapsed[0].text = collapsed[0].text.replace(/^[^\S\u00a0]+/, '');
  const last = collapsed.at(-1);
  if (last) last.text = last.text.replace(/[^\S\u00a0]+$/, '');
  return collapsed.filter((inline) => inline.text.length > 0);
}
