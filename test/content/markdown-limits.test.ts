import type { Nodes } from 'mdast';
import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../src/content/input-limits.js';
import { assertChapterWithinLimits, estimatedNestingDepth } from '../../src/content/markdown-limits.js';
import { parseMarkdown } from '../../src/content/parse-markdown.js';

const parser = unified().use(remarkParse).use(remarkDirective);

/** Lists, quotes and container directives inside each other in the parsed tree. */
function realDepth(node: Nodes, depth = 0): number {
  const here = node.type === 'list' || node.type === 'blockquote' || node.type === 'containerDirective' ? depth + 1 : depth;
  return 'children' in node ? Math.max(here, ...node.children.map((child) => realDepth(child, here))) : here;
}

const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- niveau ${level + 1}`).join('\n');

describe('the line scan before parsing', () => {
  it(`accepts ${INPUT_LIMITS.nestingDepth} levels and refuses one more, at the line that goes over`, () => {
    expect(() => assertChapterWithinLimits(nestedList(10), 'c.md')).not.toThrow();
    expect(() => assertChapterWithinLimits(nestedList(11), 'c.md')).toThrow(/imbrication trop profonde/);
    expect(() => assertChapterWithinLimits(`${'> '.repeat(10)}a`, 'c.md')).not.toThrow();
    expect(() => assertChapterWithinLimits(`${'> '.repeat(11)}a`, 'c.md')).toThrow(/imbrication trop profonde/);
    expect(() => assertChapterWithinLimits(`${':::warning\n'.repeat(10)}a\n${':::\n'.repeat(10)}`, 'c.md')).not.toThrow();
  });

  it('counts what the parser builds: lists by indentation, quotes and directives together', () => {
    expect(estimatedNestingDepth(nestedList(4))).toBe(4);
    expect(estimatedNestingDepth('1. a\n   1. b\n      1. c')).toBe(3);
    expect(estimatedNestingDepth(':::steps\n1. a\n   > b\n:::')).toBe(3);
    expect(estimatedNestingDepth('- a\n- b\n- c\n\nTexte.\n\n- d')).toBe(1);
  });

  it.each([
    // Cases the property below found, kept: a fence indented 6 spaces closes nothing; "- :::" is inside an item;
    // "10)" indented 4 is a paragraph's lazy line; a directive strips its own indentation from its content.
    [':::warning\n      :::\n- texte'],
    [':::warning\n- :::\n- - texte\ntexte'],
    [' 10) texte\n    10) texte\n      - texte'],
    ['   :::warning\n\t- texte'],
    ['  :::warning\n    - texte\ntexte'],
  ])('never counts fewer levels than the parser builds: %j', (source) => {
    expect(estimatedNestingDepth(source)).toBeGreaterThanOrEqual(realDepth(parser.parse(source) as Nodes));
  });

  it('never counts fewer levels than the parser builds (property)', () => {
    const line = fc.tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', '      '),
      fc.array(fc.constantFrom('- ', '* ', '1. ', '10) ', '> ', '>'), { maxLength: 4 }),
      fc.constantFrom('texte', ':::warning', ':::', '::picto{name=x}', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const source = lines.map(([indent, markers, rest]) => `${indent}${markers.join('')}${rest}`).join('\n');
        expect(estimatedNestingDepth(source)).toBeGreaterThanOrEqual(realDepth(parser.parse(source) as Nodes));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a block with too many formatting marks, and a chapter with too many lines', () => {
    expect(() => assertChapterWithinLimits('**mot** '.repeat(125), 'c.md')).not.toThrow();
    expect(() => assertChapterWithinLimits('**mot** '.repeat(126), 'c.md')).toThrow(/plus de 500 marques de mise en forme/);
    expect(() => assertChapterWithinLimits('a\n'.repeat(INPUT_LIMITS.chapterLines - 1), 'c.md')).not.toThrow();
    expect(() => assertChapterWithinLimits('a\n'.repeat(INPUT_LIMITS.chapterLines), 'c.md')).toThrow(/2 001 lignes, plus que la limite de 2 000/);
  });
});

describe('HTML comments', () => {
  it('are taken out of the tree and kept with their lines', () => {
    const { tree, comments, file } = parseMarkdown('# Titre\n\n<!-- note 1 -->\nUne phrase. <!-- note 2 -->\n\n<!--\nnote 3\n-->\n', 'c.md');
    expect(comments).toEqual([
      { text: 'note 1', line: 3, column: 1, endLine: 3 },
      { text: 'note 2', line: 4, column: 13, endLine: 4 },
      { text: 'note 3', line: 6, column: 1, endLine: 8 },
    ]);
    expect(file.data.comments).toBe(comments);
    expect(JSON.stringify(tree)).not.toContain('note');
  });

  it('leave other HTML in the tree (refused where it is read)', () => {
    const { tree, comments } = parseMarkdown('Un <b>mot</b>.\n', 'c.md');
    expect(comments).toEqual([]);
    expect(JSON.stringify(tree)).toContain('"type":"html"');
  });
});
