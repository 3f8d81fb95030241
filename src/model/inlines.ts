import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { assertKnownDirective, attribute } from '../content/directives.js';
import { resolveVariables } from '../content/variables.js';
import { LivretError } from '../errors.js';
import type { Inline, Sentence, SourcePosition } from './booklet.js';
import { firstTextColumn, nodeStart, type ChapterContext } from './chapter-context.js';

/**
 * Phrasing content → sentences. One source line is one sentence (the
 * contract): a line break inside a paragraph starts a new sentence.
 */
interface Accumulator {
  sentences: Sentence[];
  inlines: Inline[];
  start: SourcePosition | undefined;
}

export function phrasingToSentences(nodes: readonly PhrasingContent[], context: ChapterContext): Sentence[] {
  const accumulator: Accumulator = { sentences: [], inlines: [], start: undefined };
  for (const node of nodes) addPhrasing(node, false, accumulator, context);
  closeSentence(accumulator);
  return accumulator.sentences;
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

function closeSentence(accumulator: Accumulator): void {
  const text = sentenceText(accumulator.inlines);
  if (text && accumulator.start) {
    accumulator.sentences.push({ inlines: trimInlines(accumulator.inlines), text, source: accumulator.start });
  }
  accumulator.inlines = [];
  accumulator.start = undefined;
}

/** Collapse inner whitespace, trim the ends of the sentence, drop empty runs. */
function trimInlines(inlines: Inline[]): Inline[] {
  const collapsed = inlines.map((inline) => ({ ...inline, text: inline.text.replace(/\s+/g, ' ') }));
  if (collapsed[0]) collapsed[0].text = collapsed[0].text.trimStart();
  const last = collapsed.at(-1);
  if (last) last.text = last.text.trimEnd();
  return collapsed.filter((inline) => inline.text.length > 0);
}

function pushText(accumulator: Accumulator, text: string, bold: boolean, start: SourcePosition): void {
  if (!accumulator.start) {
    if (text.trim() === '') return;
    const leading = text.length - text.trimStart().length;
    accumulator.start = { ...start, column: start.column + leading };
  }
  accumulator.inlines.push({ kind: 'text', text, bold });
}

function addText(value: string, bold: boolean, node: PhrasingContent, accumulator: Accumulator, context: ChapterContext): void {
  const start = nodeStart(context, node);
  value.split('\n').forEach((segment, index) => {
    if (index > 0) closeSentence(accumulator);
    const line = start.line + index;
    const column = index === 0 ? start.column : firstTextColumn(context, line);
    const segmentStart: SourcePosition = { file: context.file, line, column };
    const resolved = resolveVariables(segment, context.variables, (offset) => ({ ...segmentStart, column: column + offset }));
    pushText(accumulator, resolved, bold, segmentStart);
  });
}

function addPhrasing(node: PhrasingContent, bold: boolean, accumulator: Accumulator, context: ChapterContext): void {
  switch (node.type) {
    case 'text':
      addText(node.value, bold, node, accumulator, context);
      return;
    case 'inlineCode':
      addText(node.value, bold, node, accumulator, context);
      return;
    case 'strong':
      for (const child of node.children) addPhrasing(child, true, accumulator, context);
      return;
    case 'emphasis':
    case 'delete':
    case 'link':
      // Italics are not printed (easy-read: bold only); `livret check` reports them.
      for (const child of node.children) addPhrasing(child, bold, accumulator, context);
      return;
    case 'break':
      closeSentence(accumulator);
      return;
    case 'textDirective':
      if (node.name === 'chapitre') addChapterReference(node, bold, accumulator, context);
      else addTerm(node, bold, accumulator, context);
      return;
    case 'image':
    case 'imageReference':
      throw new LivretError('inline images are not supported: put the picture on its own line as ::screenshot{src=… alt="…"}', nodeStart(context, node));
    case 'html':
      throw new LivretError('HTML is not supported in chapters: use Markdown and livret directives', nodeStart(context, node));
    default:
      addText(toString(node), bold, node, accumulator, context);
  }
}

function addTerm(node: Extract<PhrasingContent, { type: 'textDirective' }>, bold: boolean, accumulator: Accumulator, context: ChapterContext): void {
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
  if (!accumulator.start) accumulator.start = where;
  accumulator.inlines.push({ kind: 'term', text: term, definition, bold });
}

/** `:chapitre[Titre du chapitre]`: resolved to a chapter by build-model once every chapter is read. */
function addChapterReference(node: Extract<PhrasingContent, { type: 'textDirective' }>, bold: boolean, accumulator: Accumulator, context: ChapterContext): void {
  const where = nodeStart(context, node);
  const title = resolveVariables(toString(node).trim(), context.variables, () => where);
  if (!title) throw new LivretError(':chapitre needs the title of a chapter, for example :chapitre[Terminer la création]', where);
  if (!accumulator.start) accumulator.start = where;
  accumulator.inlines.push({ kind: 'chapter-ref', text: `« ${title} », page\u00a0`, title, chapter: '', bold, source: where });
}
