import { readFile } from 'node:fs/promises';
import type { PhrasingContent, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseMarkdown } from '../content/parse-markdown.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * A letter template: Markdown in `templates/` whose front matter holds the
 * layout (page margins, envelope window, folds, code format and size) and
 * whose body is the letter, one sentence per source line. The template is
 * read into a small typed model; layout never sees Markdown.
 */

const mm = z.number().nonnegative();

export const letterLayoutSchema = z.strictObject({
  title: z.string().min(1).describe('Titre du document PDF (métadonnées): jamais de donnée personnelle'),
  page: z
    .strictObject({ margin_left_mm: mm.default(20), margin_right_mm: mm.default(18), margin_top_mm: mm.default(15), margin_bottom_mm: mm.default(12) })
    .prefault({}),
  envelope: z
    .strictObject({
      name: z.string().default('DL 110 × 220 mm'),
      window: z
        .strictObject({ left_mm: mm.default(110), top_mm: mm.default(55), width_mm: mm.default(85), height_mm: mm.default(33) })
        .prefault({}),
      folds_mm: z.array(mm).min(1).default([99, 198]),
    })
    .prefault({}),
  body: z.strictObject({ size_pt: z.number().min(14).default(16), line_height: z.number().min(1).default(1.3) }).prefault({}),
  address: z
    .strictObject({ max_size_pt: z.number().positive().default(14), min_size_pt: z.number().positive().default(9), padding_mm: mm.default(4) })
    .prefault({}),
  code: z
    .strictObject({
      format: z
        .string()
        .default('^\\d{4}$')
        .refine((source) => {
          try {
            new RegExp(source);
            return true;
          } catch {
            return false;
          }
        }, 'write the code format as a regular expression, for example "^\\d{4}$"'),
      size_pt: z.number().min(24).max(48).default(32),
      letter_spacing_pt: z.number().nonnegative().default(10),
      min_gap_below_fold_mm: mm.default(6),
    })
    .prefault({}),
});

export type LetterLayout = z.infer<typeof letterLayoutSchema>;

export interface Inline {
  text: string;
  bold: boolean;
}

/** One printed line (one sentence); `{{…}}` placeholders are still in the text. */
export type Line = Inline[];

export type LetterBlock =
  | { kind: 'heading'; level: number; line: Line; sourceLine: number }
  /** Consecutive source lines, the first at `sourceLine`. */
  | { kind: 'paragraph'; lines: Line[]; sourceLine: number }
  /** A line that names the recipient: laid out empty, stamped per letter. */
  | { kind: 'recipient-line'; text: string; sourceLine: number }
  /** `{{code}}` alone on its line: the framed box where the code is stamped. */
  | { kind: 'code'; sourceLine: number }
  | { kind: 'steps'; steps: Array<{ picto: string | undefined; lines: Line[] }>; sourceLine: number }
  | { kind: 'warning'; lines: Line[]; sourceLine: number }
  /** `***` (a thematic break): the rest goes on the next page (the back of the sheet). */
  | { kind: 'page-break'; sourceLine: number };

export interface LetterTemplate {
  file: string;
  layout: LetterLayout;
  /** Paragraphs of the sender block (top left, beside the window), placeholders unresolved. */
  sender: Line[][];
  blocks: LetterBlock[];
  /** The template's text, hashed into the run id so a changed template starts a new run. */
  source: string;
}

const RECIPIENT_PLACEHOLDER = /\{\{\s*destinataire\.[a-z_]+\s*\}\}/;
const CODE_PLACEHOLDER = /\{\{\s*code\s*\}\}/;

export async function loadLetterTemplate(file: string): Promise<LetterTemplate> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new LivretError(t('error.letter.unreadable'), { file });
  }
  return parseLetterTemplate(source, file);
}

export function parseLetterTemplate(source: string, file: string): LetterTemplate {
  const { tree } = parseMarkdown(source, file);
  const frontMatter = tree.children.find((node) => node.type === 'yaml');
  if (!frontMatter || frontMatter.type !== 'yaml') {
    throw new LivretError(t('error.letter.noFrontMatter'), { file, line: 1 });
  }
  const layout = parseLayout(frontMatter.value, file);
  const sender: Line[][] = [];
  const blocks: LetterBlock[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'containerDirective' && node.name === 'sender') {
      for (const child of node.children) if (child.type === 'paragraph') sender.push(splitLines(child.children));
      continue;
    }
    blocks.push(...toBlocks(node, file));
  }
  if (!blocks.some((block) => block.kind === 'code')) {
    throw new LivretError(t('error.letter.noCode'), { file });
  }
  return { file, layout, sender, blocks, source };
}

function parseLayout(yamlText: string, file: string): LetterLayout {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new LivretError(t('error.letter.frontMatterYaml', { reason: (error as Error).message.split('\n')[0] ?? '' }), { file, line: 2 });
  }
  const parsed = letterLayoutSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LivretError(t('error.letter.frontMatterKey', { key: issue?.path.join('.') ?? '', reason: issue?.message ?? '' }), { file, line: 2 });
  }
  return parsed.data;
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

function toBlocks(node: RootContent, file: string): LetterBlock[] {
  const sourceLine = lineOf(node);
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', level: node.depth, line: splitLines(node.children).flat(), sourceLine }];
    case 'thematicBreak':
      return [{ kind: 'page-break', sourceLine }];
    case 'paragraph':
      return paragraphBlocks(splitLines(node.children), sourceLine, file);
    case 'containerDirective':
      if (node.name === 'steps') return [stepsBlock(node.children, sourceLine, file)];
      if (node.name === 'warning') {
        const lines = node.children.flatMap((child) => (child.type === 'paragraph' ? splitLines(child.children) : []));
        return [{ kind: 'warning', lines, sourceLine }];
      }
      break;
    default:
      break;
  }
  throw new LivretError(
    `a letter template accepts headings, paragraphs, {{code}}, *** (new page), :::sender, :::steps and :::warning; found "${'name' in node ? `:::${String(node.name)}` : node.type}"`,
    { file, line: sourceLine },
  );
}

/** Lines naming the recipient and the `{{code}}` line become their own blocks. */
function paragraphBlocks(lines: Line[], sourceLine: number, file: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let pending: Line[] = [];
  let pendingStart = sourceLine;
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: 'paragraph', lines: pending, sourceLine: pendingStart });
    pending = [];
  };
  lines.forEach((line, index) => {
    const text = line.map((inline) => inline.text).join('');
    const here = sourceLine + index;
    if (CODE_PLACEHOLDER.test(text)) {
      if (text.trim().replace(CODE_PLACEHOLDER, '') !== '') {
        throw new LivretError(t('error.letter.codeAlone'), { file, line: here });
      }
      flush();
      blocks.push({ kind: 'code', sourceLine: here });
    } else if (RECIPIENT_PLACEHOLDER.test(text)) {
      flush();
      blocks.push({ kind: 'recipient-line', text, sourceLine: here });
    } else {
      if (pending.length === 0) pendingStart = here;
      pending.push(line);
    }
  });
  flush();
  return blocks;
}

function stepsBlock(children: RootContent[], sourceLine: number, file: string): LetterBlock {
  const list = children.find((child) => child.type === 'list');
  if (!list || list.type !== 'list' || !list.ordered) {
    throw new LivretError(t('error.letter.stepsList'), { file, line: sourceLine });
  }
  const steps = list.children.map((item) => {
    let picto: string | undefined;
    const lines: Line[] = [];
    for (const child of item.children) {
      if (child.type === 'leafDirective' && child.name === 'picto') picto = child.attributes?.name ?? undefined;
      else if (child.type === 'paragraph') lines.push(...splitLines(child.children));
      else throw new LivretError(t('error.letter.stepContent'), { file, line: lineOf(child) });
    }
    for (const line of lines) {
      if (CODE_PLACEHOLDER.test(line.map((inline) => inline.text).join(''))) {
        throw new LivretError('{{code}} cannot go inside a step: put it alone on its own line', { file, line: lineOf(item) });
      }
    }
    return { picto, lines };
  });
  return { kind: 'steps', steps, sourceLine };
}

/** Splits phrasing content at source line breaks: one sentence per line. */
export function splitLines(children: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  const push = (text: string, bold: boolean) => {
    const parts = text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1]!.push({ text: part, bold });
    });
  };
  const walk = (nodes: PhrasingContent[], bold: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') push(node.value, bold);
      else if (node.type === 'strong') walk(node.children, true);
      else if (node.type === 'break') lines.push([]);
      else if ('children' in node) walk(node.children as PhrasingContent[], bold);
    }
  };
  walk(children, false);
  return lines.filter((line) => line.length > 0).map((line) => trimLine(line));
}

function trimLine(line: Line): Line {
  const copy = line.map((inline) => ({ ...inline }));
  if (copy[0]) copy[0].text = copy[0].text.trimStart();
  const last = copy[copy.length - 1];
  if (last) last.text = last.text.trimEnd();
  return copy.filter((inline) => inline.text.length > 0);
}
