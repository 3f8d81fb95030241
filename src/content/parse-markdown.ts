import type { Html, Nodes, Parents, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { LivretError } from '../errors.js';
import { INPUT_LIMITS } from './input-limits.js';
import { assertChapterWithinLimits } from './markdown-limits.js';

/**
 * The one Markdown dialect livret reads: CommonMark + GFM tables + YAML front
 * matter + directives (`:::steps`, `::picto{…}`, `:term[…]{…}`). Every stage
 * that needs a syntax tree (model, easy-read rules) parses through here.
 *
 * HTML comments (`<!-- note -->`) are notes between writers: they are taken
 * out of the tree, so nothing prints or checks them, and kept in
 * `comments` (also `file.data.comments`) for tools that read them.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

/** An HTML comment of a chapter: its text between `<!--` and `-->`, and where it stands. */
export interface MarkdownComment {
  text: string;
  line: number;
  column: number;
  endLine: number;
}

declare module 'vfile' {
  interface DataMap {
    comments: MarkdownComment[];
  }
}

export interface ParsedMarkdown {
  tree: Root;
  file: VFile;
  comments: MarkdownComment[];
}

export function parseMarkdown(source: string, filePath: string): ParsedMarkdown {
  assertChapterWithinLimits(source, filePath);
  const file = new VFile({ path: filePath, value: source });
  const tree = processor.parse(file) as Root;
  assertTreeDepth(tree, filePath);
  const comments = takeOutComments(tree, filePath);
  file.data.comments = comments;
  return { tree, file, comments };
}

/**
 * Deep inline formatting (`*a *b *c …`) passes the line scan; a tree deeper
 * than the limit is refused here, walked without recursion, before any
 * recursive walk (rules, model) meets it.
 */
function assertTreeDepth(tree: Root, filePath: string): void {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > INPUT_LIMITS.treeDepth) {
      throw new LivretError(
        `mise en forme trop imbriquée : plus de ${INPUT_LIMITS.treeDepth} niveaux (gras, liens, listes, directives les uns dans les autres) ; simplifiez ce passage`,
        { file: filePath, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
      );
    }
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
}

const COMMENTS_ONLY = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

/** Removes HTML comments from the tree (any depth) and returns them in source order. */
function takeOutComments(tree: Root, filePath: string): MarkdownComment[] {
  const comments: MarkdownComment[] = [];
  const parents: Parents[] = [tree];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    parent.children = (parent.children as Nodes[]).filter((child) => {
      if (child.type === 'html' && child.value.trimStart().startsWith('<!--')) return !collectComment(child, comments, filePath);
      if ('children' in child) parents.push(child);
      return true;
    }) as Parents['children'];
  }
  return comments.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** True when `node` is only comments (collected); other HTML stays in the tree and is refused where it is read. */
function collectComment(node: Html, comments: MarkdownComment[], filePath: string): boolean {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  if (!node.value.includes('-->')) {
    throw new LivretError('commentaire HTML sans fin : ajoutez « --> » à la fin de la note, sinon tout le reste du chapitre serait caché', {
      file: filePath,
      line,
      column,
    });
  }
  if (!COMMENTS_ONLY.test(node.value)) return false;
  const lineAt = (index: number) => line + (node.value.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
    const start = lineAt(match.index);
    comments.push({ text: match[1]!.trim(), line: start, column: start === line ? column : 1, endLine: lineAt(match.index + match[0].length) });
  }
  return true;
}
