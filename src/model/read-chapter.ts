import type { Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { assertKnownDirective, integerAttribute, requiredAttribute } from '../content/directives.js';
import { parseYamlSource } from '../content/yaml-document.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { pictogramByName, pictogramForText } from '../pictograms/lexicon.js';
import type { Block, Chapter, Pictogram, Screenshot, Sentence, Step, TextBlock } from './booklet.js';
import { nodeStart, type ChapterContext } from './chapter-context.js';
import { agenciesBlock, contactBlock } from './department-blocks.js';
import { explanationSentence } from './explanation.js';
import { sentencesOf } from './inlines.js';
import { readScreenshot } from './screenshot-directive.js';

/**
 * One chapter's mdast → its model. Blocks are read in order; a `::picto`
 * applies to the block that follows it.
 */
export function readChapter(tree: Root, id: string, context: ChapterContext): Chapter {
  const frontMatter = readFrontMatter(tree, context);
  const blocks: Block[] = [];
  let title: Sentence | undefined;
  let pendingPicto: Pictogram | undefined;

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      if (title) throw new LivretError(t('error.chapter.twoTitles'), nodeStart(context, node));
      title = headingSentence(node, context);
      context.pendingExplanations.length = 0;
      continue;
    }
    if (node.type === 'leafDirective' && node.name === 'picto') {
      pendingPicto = readPicto(node, context);
      continue;
    }
    blocks.push(...readBlock(node, pendingPicto, context));
    pendingPicto = undefined;
  }
  if (!title) throw new LivretError(t('error.chapter.noTitle'), { file: context.file, line: 1 });
  const pictoName = typeof frontMatter.picto === 'string' ? frontMatter.picto : undefined;
  const pictogram = pictoName ? pictogramByName(context.lexicon, pictoName, { file: context.file, line: 1 }) : pictogramForText(context.lexicon, title.text);
  return { id, title, pictogram, blocks, file: context.file };
}

/** A heading's one sentence; an empty heading ("##" alone) is refused at its line. */
function headingSentence(node: Heading, context: ChapterContext): Sentence {
  const sentence = sentencesOf(node, context)[0];
  if (sentence) return sentence;
  const marks = '#'.repeat(node.depth);
  throw new LivretError(`titre vide : écrivez le titre après « ${marks} », ou supprimez la ligne`, nodeStart(context, node));
}

function readFrontMatter(tree: Root, context: ChapterContext): Record<string, unknown> {
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return {};
  try {
    // The one YAML reader: its limits (size, depth, aliases) hold for front matter too.
    const { value } = parseYamlSource(node.value, context.file);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch (error) {
    if (!(error instanceof LivretError)) throw error;
    // The front matter's first line is line 2 of the file (after "---").
    const line = (error.location?.line ?? 1) + 1;
    // The reader's own "YAML syntax error:" would say the same twice.
    const prefix = t('error.yamlSyntax', { message: '' });
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new LivretError(t('error.chapter.frontMatterYaml', { reason: message }), { file: context.file, line });
  }
}

function readPicto(node: LeafDirective, context: ChapterContext): Pictogram {
  const where = nodeStart(context, node);
  return pictogramByName(context.lexicon, requiredAttribute(node, 'name', 'name=carte-vitale', where), where);
}

function readBlock(node: RootContent, picto: Pictogram | undefined, context: ChapterContext): Block[] {
  const where = nodeStart(context, node);
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', sentence: headingSentence(node, context), source: where }, ...explanations(context)];
    case 'paragraph':
      return readParagraph(node, picto, context);
    case 'list':
      return readList(node, picto, context);
    case 'table':
      return [readTable(node, context)];
    case 'leafDirective':
      return [readLeafDirective(node, context)];
    case 'containerDirective':
      return readContainer(node, picto, context);
    case 'thematicBreak':
      return [];
    case 'code':
      throw new LivretError(t('error.chapter.codeBlock'), where);
    case 'html':
      throw new LivretError(t('error.chapter.html'), where);
    default:
      throw new LivretError(`"${node.type}" is not supported here: use paragraphs, lists and livret directives`, where);
  }
}

function withPicto(picto: Pictogram | undefined, sentences: Sentence[], context: ChapterContext): Pictogram | undefined {
  return picto ?? pictogramForText(context.lexicon, sentences.map((sentence) => sentence.text).join(' '));
}

/** Difficult words met for the first time in the block just read, as "X veut dire : …" blocks. */
function explanations(context: ChapterContext): TextBlock[] {
  const entries = context.pendingExplanations.splice(0);
  return entries.map((entry) => ({
    kind: 'paragraph',
    role: 'explanation',
    sentences: [explanationSentence(entry.term, entry.definition, entry.source)],
    pictogram: undefined,
    source: entry.source,
  }));
}

function readParagraph(node: Paragraph, picto: Pictogram | undefined, context: ChapterContext): Block[] {
  const sentences = sentencesOf(node, context);
  if (sentences.length === 0) return [];
  const block: TextBlock = { kind: 'paragraph', role: 'text', sentences, pictogram: withPicto(picto, sentences, context), source: nodeStart(context, node) };
  return [block, ...explanations(context)];
}

/** Sentences of a list item's paragraphs (nested lists are flattened: easy-read avoids them). */
function itemSentences(item: ListItem, context: ChapterContext): Sentence[] {
  return item.children.flatMap((child) => {
    if (child.type === 'paragraph') return sentencesOf(child, context);
    if (child.type === 'list') return child.children.flatMap((nested) => itemSentences(nested, context));
    throw new LivretError(`"${child.type}" is not supported inside a list item`, nodeStart(context, child));
  });
}

function readList(node: List, picto: Pictogram | undefined, context: ChapterContext): Block[] {
  const items = node.children.flatMap((item) => itemSentences(item, context));
  return [{ kind: 'list', items, pictogram: withPicto(picto, items, context), source: nodeStart(context, node) }, ...explanations(context)];
}

function readTable(node: Table, context: ChapterContext): Block {
  const rows = node.children.map((row) =>
    row.children.map((cell) => sentencesOf(cell, context)[0] ?? emptySentence(nodeStart(context, cell))),
  );
  return { kind: 'table', rows, source: nodeStart(context, node) };
}

function emptySentence(source: Sentence['source']): Sentence {
  return { inlines: [], text: '', source };
}

function readLeafDirective(node: LeafDirective, context: ChapterContext): Block {
  const where = nodeStart(context, node);
  assertKnownDirective(node, where);
  switch (node.name) {
    case 'screenshot':
      return { kind: 'screenshot', screenshot: readScreenshot(node, context.projectRoot, where), source: where };
    case 'agencies':
      return agenciesBlock(context, where, hoursStyle(node, where));
    case 'contact':
      return contactBlock(context, where);
    case 'notes':
      return { kind: 'notes', lines: integerAttribute(node, 'lines', 12, [1, 20], where), source: where };
    default:
      throw new LivretError(t('error.chapter.pictoAlone', { name: node.name }), where);
  }
}

function hoursStyle(node: LeafDirective, where: Sentence['source']): 'sentences' | 'table' {
  const value = node.attributes?.hours ?? 'sentences';
  if (value === 'sentences' || value === 'table') return value;
  throw new LivretError(t('error.chapter.hoursStyle', { value }), where);
}

function readContainer(node: ContainerDirective, picto: Pictogram | undefined, context: ChapterContext): Block[] {
  const where = nodeStart(context, node);
  assertKnownDirective(node, where);
  if (node.name === 'steps') return [readSteps(node, context)];
  // :::warning: short paragraphs the reader must not miss, with the warning pictogram unless one is given.
  let warningPicto = picto;
  const sentences: Sentence[] = [];
  for (const child of node.children) {
    if (child.type === 'leafDirective' && child.name === 'picto') warningPicto = readPicto(child, context);
    else if (child.type === 'paragraph') sentences.push(...sentencesOf(child, context));
    else if (child.type === 'list') sentences.push(...child.children.flatMap((item) => itemSentences(item, context)));
    else throw new LivretError(t('error.chapter.warningContent', { type: child.type }), nodeStart(context, child));
  }
  sentences.push(...explanations(context).flatMap((block) => block.sentences));
  return [{ kind: 'warning', sentences, pictogram: warningPicto ?? pictogramByName(context.lexicon, 'attention', where), source: where }];
}

function readSteps(node: ContainerDirective, context: ChapterContext): Block {
  const where = nodeStart(context, node);
  const lists = node.children.filter((child): child is List => child.type === 'list' && child.ordered === true);
  const stray = node.children.find((child) => !(child.type === 'list' && child.ordered === true));
  if (lists.length !== 1 || stray) {
    throw new LivretError(t('error.chapter.stepsList'), stray ? nodeStart(context, stray) : where);
  }
  const list = lists[0]!;
  const steps = list.children.map((item, index) => readStep(item, (list.start ?? 1) + index, context));
  return { kind: 'steps', steps, source: where };
}

function readStep(item: ListItem, number: number, context: ChapterContext): Step {
  const sentences: Sentence[] = [];
  const screenshots: Screenshot[] = [];
  let picto: Pictogram | undefined;
  for (const child of item.children) {
    if (child.type === 'paragraph') sentences.push(...sentencesOf(child, context));
    else if (child.type === 'list') sentences.push(...child.children.flatMap((nested) => itemSentences(nested, context)));
    else if (child.type === 'leafDirective' && child.name === 'picto') picto = readPicto(child, context);
    else if (child.type === 'leafDirective' && child.name === 'screenshot') {
      const where = nodeStart(context, child);
      screenshots.push(readScreenshot(child, context.projectRoot, where));
    } else if (child.type === 'leafDirective' || child.type === 'containerDirective') {
      assertKnownDirective(child, nodeStart(context, child));
      throw new LivretError(t('error.chapter.notInStep', { name: child.name }), nodeStart(context, child));
    } else throw new LivretError(`"${child.type}" is not supported inside a step`, nodeStart(context, child));
  }
  sentences.push(...explanations(context).flatMap((block) => block.sentences));
  return { number, sentences, pictogram: withPicto(picto, sentences, context), screenshots, source: nodeStart(context, item) };
}

