import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';

/**
 * The one Markdown dialect livret reads: CommonMark + GFM tables + YAML front
 * matter + directives (`:::steps`, `::picto{…}`, `:term[…]{…}`). Every stage
 * that needs a syntax tree (model, easy-read rules) parses through here.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

export function parseMarkdown(source: string, filePath: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: filePath, value: source });
  const tree = processor.parse(file) as Root;
  return { tree, file };
}
