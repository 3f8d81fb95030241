import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';
import { directiveToMarkdown, type LeafDirective } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import sharp from 'sharp';
import { TODO } from '../departments/starter-file.js';
import { SENTENCE_END } from '../content/source-lines.js';

/**
 * A Word document → livret chapters, in memory: mammoth reads the .docx into
 * HTML (its style map names Heading 1, Heading 2, lists, bold, italics),
 * hast-util-to-mdast turns that into a Markdown tree, and the tree is
 * reshaped the livret way before it is written out with
 * mdast-util-to-markdown (GFM tables, directives):
 *
 * - one chapter per Heading 1; Heading 2 (and deeper, said) become `##`;
 * - numbered lists become `:::steps`; bold is kept; italics and strike-through
 *   are dropped (their text kept, and said);
 * - pictures become `::screenshot{src=… alt=…}` on their own line, the alt
 *   from the picture's description in Word, else a TODO that `livret check`
 *   reports (rule `chapter-todo`);
 * - one sentence per line, split where rule `one-sentence-per-line` would
 *   ask for a new line (SENTENCE_END).
 */
export interface ImportedChapter {
  /** e.g. "01-bienvenue.md". */
  fileName: string;
  title: string;
  markdown: string;
  sentenceCount: number;
}

export interface ImportedPicture {
  /** Relative to assets/screenshots/, e.g. "guide/image-01.png". */
  src: string;
  bytes: Buffer;
  /** From the picture's description in Word; undefined: a TODO was written. */
  alt: string | undefined;
}

export interface ImportNotes {
  italics: number;
  struckThrough: number;
  /** Headings of level 3 or more, written as `##`. */
  deepHeadings: number;
  /** Links written as their text only. */
  links: number;
  steps: number;
  tables: number;
  /** Pictures livret cannot read (EMF, WMF …): a TODO line stands in their place. */
  unreadablePictures: string[];
  /** Pictures in a table cell or a heading: not kept. */
  droppedPictures: number;
  /** Text before the first Heading 1: it went into a chapter whose title is a TODO. */
  textBeforeFirstHeading: boolean;
  /** What mammoth could not convert (unknown styles, unsupported elements), as it said it. */
  mammothMessages: string[];
}

export interface ImportedDocument {
  title: string | undefined;
  subtitle: string | undefined;
  chapters: ImportedChapter[];
  pictures: ImportedPicture[];
  notes: ImportNotes;
}

export const MISSING_ALT = `${TODO} : décrivez ce que montre cette image`;
const MISSING_TITLE = `${TODO} : titre du chapitre`;
const PICTURE_URL = 'livret-picture:';

const STYLE_MAP = [
  "p[style-name='Title'] => p.livret-title:fresh",
  "p[style-name='Subtitle'] => p.livret-subtitle:fresh",
  'i => em',
  'strike => s',
];

export async function docxToChapters(bytes: Buffer, booklet: string): Promise<ImportedDocument> {
  const notes: ImportNotes = {
    italics: 0,
    struckThrough: 0,
    deepHeadings: 0,
    links: 0,
    steps: 0,
    tables: 0,
    unreadablePictures: [],
    droppedPictures: 0,
    textBeforeFirstHeading: false,
    mammothMessages: [],
  };
  const pictures: Array<ImportedPicture | { unreadable: string }> = [];
  const converted = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const index = pictures.length + 1;
        pictures.push(await savedPicture(await image.readAsBuffer(), image.contentType, `${booklet}/image-${String(index).padStart(2, '0')}`));
        return { src: `${PICTURE_URL}${index}` };
      }),
    },
  );
  notes.mammothMessages = [...new Set(converted.messages.map((message) => message.message))];
  const hast = fromHtml(converted.value, { fragment: true });
  const title = takeParagraphs(hast, 'livret-title');
  const subtitle = takeParagraphs(hast, 'livret-subtitle');
  const tree = toMdast(hast) as Root;
  const reshape = new Reshaper(notes, pictures);
  const chapters = splitChapters(tree.children, notes).map((chapter, index) => {
    const blocks = reshape.blocks(chapter.blocks);
    const heading: Heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: chapter.title }] };
    const root: Root = { type: 'root', children: [heading, ...blocks] };
    const markdown = toMarkdown(root, { extensions: [gfmToMarkdown(), directiveToMarkdown()], bullet: '-', listItemIndent: 'one', strong: '*', fences: true });
    return {
      fileName: `${String(index + 1).padStart(2, '0')}-${slug(chapter.title === MISSING_TITLE ? 'debut' : chapter.title, 'chapitre')}.md`,
      title: chapter.title,
      markdown,
      sentenceCount: countSentences(root),
    };
  });
  return {
    title,
    subtitle,
    chapters,
    pictures: pictures.filter((picture): picture is ImportedPicture => 'bytes' in picture),
    notes,
  };
}

/** A picture livret can read: PNG and JPEG as they are, other formats through sharp to PNG. */
async function savedPicture(bytes: Buffer, contentType: string, base: string): Promise<ImportedPicture | { unreadable: string }> {
  try {
    const { format } = await sharp(bytes).metadata();
    if (format === 'png') return { src: `${base}.png`, bytes, alt: undefined };
    if (format === 'jpeg') return { src: `${base}.jpg`, bytes, alt: undefined };
    return { src: `${base}.png`, bytes: await sharp(bytes).png().toBuffer(), alt: undefined };
  } catch {
    return { unreadable: contentType };
  }
}

/** Removes the paragraphs of a class (Word's Title, Subtitle) and returns their text. */
function takeParagraphs(root: HastRoot, className: string): string | undefined {
  const texts: string[] = [];
  root.children = root.children.filter((node: HastContent) => {
    if (node.type !== 'element' || !hasClass(node, className)) return true;
    texts.push(hastText(node));
    return false;
  });
  const text = texts.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function hasClass(node: Element, className: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(className);
}

function hastText(node: HastContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

interface RawChapter {
  title: string;
  blocks: RootContent[];
}

function splitChapters(nodes: RootContent[], notes: ImportNotes): RawChapter[] {
  const chapters: RawChapter[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 1) {
      chapters.push({ title: plain(node.children) || MISSING_TITLE, blocks: [] });
      continue;
    }
    if (chapters.length === 0) {
      notes.textBeforeFirstHeading = true;
      chapters.push({ title: MISSING_TITLE, blocks: [] });
    }
    chapters[chapters.length - 1]!.blocks.push(node);
  }
  return chapters;
}

function plain(children: PhrasingContent[]): string {
  return toString({ type: 'paragraph', children }, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
}

type PictureSlot = ImportedPicture | { unreadable: string };

/** Reshapes mammoth's blocks the livret way, counting what it changed in `notes`. */
class Reshaper {
  constructor(
    private readonly notes: ImportNotes,
    private readonly pictures: PictureSlot[],
  ) {}

  blocks(nodes: RootContent[]): RootContent[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: RootContent): RootContent[] {
    switch (node.type) {
      case 'heading': {
        if (node.depth > 2) this.notes.deepHeadings += 1;
        const text = plain(this.inline(node.children, 'dropPictures'));
        return text === '' ? [] : [{ type: 'heading', depth: 2, children: [{ type: 'text', value: text }] }];
      }
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return this.list(node);
      case 'table':
        this.notes.tables += 1;
        return [this.table(node)];
      case 'blockquote':
        return this.blocks(node.children);
      case 'thematicBreak':
        return [];
      default:
        return [];
    }
  }

  /** A paragraph → the paragraph, one sentence a line, and its pictures each on its own line after it. */
  private paragraph(node: Paragraph): Array<Paragraph | LeafDirective> {
    const pictures: LeafDirective[] = [];
    const children = this.inline(node.children, pictures);
    const out: Array<Paragraph | LeafDirective> = [];
    const sentences = oneSentencePerLine(children);
    if (sentences.length > 0) out.push({ type: 'paragraph', children: sentences });
    return [...out, ...pictures];
  }

  private list(node: List): RootContent[] {
    const lifted: LeafDirective[] = [];
    const items = node.children.map((item): ListItem => {
      const children: Array<BlockContent | LeafDirective> = [];
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          const [paragraph, ...pictures] = this.paragraph(child);
          if (paragraph) children.push(paragraph as BlockContent);
          // A step keeps its screenshots; a bulleted list cannot hold one: they follow the list.
          if (node.ordered) children.push(...pictures.filter((picture): picture is LeafDirective => picture.type === 'leafDirective'));
          else lifted.push(...pictures.filter((picture): picture is LeafDirective => picture.type === 'leafDirective'));
        } else if (child.type === 'list') {
          const [nested, ...after] = this.list({ ...child, ordered: false });
          if (nested?.type === 'list') children.push(nested);
          lifted.push(...after.filter((picture): picture is LeafDirective => picture.type === 'leafDirective'));
        }
      }
      return { type: 'listItem', spread: false, children: children as BlockContent[] };
    });
    const list: List = { type: 'list', ordered: node.ordered ?? false, start: node.ordered ? (node.start ?? 1) : undefined, spread: false, children: items };
    if (!node.ordered) return [list, ...lifted];
    this.notes.steps += 1;
    return [{ type: 'containerDirective', name: 'steps', attributes: {}, children: [list] }, ...lifted];
  }

  private table(node: Table): Table {
    // Without a header row in Word, the tree starts with an empty one: the first row of text is the header.
    const [first, ...rest] = node.children;
    const rows = first && rest.length > 0 && first.children.every((cell) => plain(cell.children) === '') ? rest : node.children;
    return {
      ...node,
      children: rows.map((row) => ({
        ...row,
        children: row.children.map((cell) => ({ ...cell, children: trimmed(this.inline(cell.children, 'dropPictures')) })),
      })),
    };
  }

  /** Inline content: bold kept; italics, strike-through and links become their text; pictures go to `pictures`. */
  private inline(children: PhrasingContent[], pictures: LeafDirective[] | 'dropPictures'): PhrasingContent[] {
    return children.flatMap((child): PhrasingContent[] => {
      switch (child.type) {
        case 'text':
          return [{ type: 'text', value: child.value }];
        case 'strong':
          return [{ type: 'strong', children: this.inline(child.children, pictures) }];
        case 'emphasis':
          this.notes.italics += 1;
          return this.inline(child.children, pictures);
        case 'delete':
          this.notes.struckThrough += 1;
          return this.inline(child.children, pictures);
        case 'link':
          this.notes.links += 1;
          return this.inline(child.children, pictures);
        case 'break':
          return [{ type: 'text', value: '\n' }];
        case 'inlineCode':
          return [{ type: 'text', value: child.value }];
        case 'image': {
          if (pictures === 'dropPictures') this.notes.droppedPictures += 1;
          else {
            const picture = this.picture(child.url, child.alt ?? undefined);
            if (picture) pictures.push(picture);
          }
          return [];
        }
        default:
          return 'children' in child ? this.inline(child.children as PhrasingContent[], pictures) : [];
      }
    });
  }

  private picture(url: string, alt: string | undefined): LeafDirective | undefined {
    const slot = url.startsWith(PICTURE_URL) ? this.pictures[Number(url.slice(PICTURE_URL.length)) - 1] : undefined;
    if (!slot) return undefined;
    if ('unreadable' in slot) {
      this.notes.unreadablePictures.push(slot.unreadable);
      return undefined;
    }
    const description = alt?.replace(/\s+/g, ' ').trim();
    slot.alt = description ? description : undefined;
    return { type: 'leafDirective', name: 'screenshot', attributes: { src: slot.src, alt: slot.alt ?? MISSING_ALT }, children: [] };
  }
}

function trimmed(children: PhrasingContent[]): PhrasingContent[] {
  const text = (node: PhrasingContent): node is Text => node.type === 'text';
  const out = children.map((child) => (text(child) ? { ...child, value: child.value.replace(/\s+/g, ' ') } : child));
  const first = out[0];
  if (first && text(first)) first.value = first.value.trimStart();
  const last = out[out.length - 1];
  if (last && text(last)) last.value = last.value.trimEnd();
  return out.filter((child) => !(text(child) && child.value === ''));
}

/**
 * Puts each sentence of a paragraph on its own line: the white space after
 * each sentence end (SENTENCE_END, as rule `one-sentence-per-line` finds
 * them) becomes one line break, across bold and plain text alike.
 */
export function oneSentencePerLine(children: PhrasingContent[]): PhrasingContent[] {
  const texts: Text[] = [];
  const collect = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') texts.push(node);
      else if ('children' in node) collect(node.children as PhrasingContent[]);
    }
  };
  const copy = structuredClone(children);
  collect(copy);
  const whole = texts.map((node) => node.value).join('');
  // What each character of `whole` becomes: kept, a line break, or dropped.
  const replacement = new Array<string | undefined>(whole.length);
  const characters = whole.split('');
  const mark = (start: number, end: number) => {
    replacement[start] = '\n';
    for (let index = start + 1; index < end; index++) replacement[index] = '';
  };
  for (const match of whole.matchAll(SENTENCE_END)) mark(match.index + 1, match.index + match[0].length);
  // Line breaks that were already there (Shift+Enter in Word), with the spaces around them.
  for (const match of whole.matchAll(/[ \t]*\n\s*/g)) mark(match.index, match.index + match[0].length);
  let offset = 0;
  for (const node of texts) {
    let value = '';
    for (let index = 0; index < node.value.length; index++) {
      const replaced = replacement[offset + index];
      value += replaced ?? characters[offset + index]!.replace(/\s/, ' ');
    }
    offset += node.value.length;
    node.value = value.replace(/ {2,}/g, ' ');
  }
  return trimLines(copy);
}

/** No white space at the start or end of the paragraph, nor an empty line inside it. */
function trimLines(children: PhrasingContent[]): PhrasingContent[] {
  const out = trimmedEdges(children);
  return out.filter((child) => !(child.type === 'text' && child.value === ''));
}

function trimmedEdges(children: PhrasingContent[]): PhrasingContent[] {
  const flat: Text[] = [];
  const collect = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') flat.push(node);
      else if ('children' in node) collect(node.children as PhrasingContent[]);
    }
  };
  collect(children);
  for (const node of flat) node.value = node.value.replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n');
  const first = flat[0];
  if (first) first.value = first.value.replace(/^\s+/, '');
  const last = flat[flat.length - 1];
  if (last) last.value = last.value.replace(/\s+$/, '');
  return children;
}

function countSentences(root: Root): number {
  let count = 0;
  const visit = (node: Root | RootContent) => {
    if (node.type === 'heading' || node.type === 'paragraph') {
      count += toString(node).split('\n').filter((line) => line.trim() !== '').length;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(root);
  return count;
}

/** "Créer votre compte ameli" → "creer-votre-compte-ameli" (file and folder names). */
export function slug(text: string, fallback: string): string {
  const made = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return made === '' ? fallback : made;
}
