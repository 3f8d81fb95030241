import { visit } from 'unist-util-visit';
import type { BookletSource } from '../content/booklet-config.js';
import type { ParsedChapter } from '../content/sources.js';
import { parseYamlSource } from '../content/yaml-document.js';
import { LivretError, type SourceLocation } from '../errors.js';
import { isKnownPictogram, unknownPictogram, type Lexicon } from './lexicon.js';

/**
 * Every pictogram name a booklet writes (`::picto{name=…}`, a chapter's
 * `picto:` front matter, booklet.yaml's `cover_picto`), checked before the
 * model is read: all the unknown ones of a run in one error, not only the first.
 */
export function assertKnownPictograms(chapters: readonly ParsedChapter[], booklet: BookletSource, bookletFile: string, lexicon: Lexicon): void {
  const named: Array<{ name: string; where: SourceLocation }> = [];
  if (booklet.config.cover_picto) named.push({ name: booklet.config.cover_picto, where: { file: bookletFile } });
  for (const chapter of chapters) {
    visit(chapter.tree, (node) => {
      if (node.type === 'yaml') {
        const picto = frontMatterPicto(node.value, chapter.shown);
        if (picto) named.push({ name: picto, where: { file: chapter.shown, line: 1 } });
      }
      if (node.type !== 'leafDirective' || node.name !== 'picto') return;
      const name = node.attributes?.name;
      const start = node.position?.start;
      if (name) named.push({ name, where: { file: chapter.shown, line: start?.line, column: start?.column } });
    });
  }
  const unknown = named.filter(({ name }) => !isKnownPictogram(lexicon, name)).map(({ name, where }) => unknownPictogram(lexicon, name, where));
  if (unknown.length > 0) throw LivretError.several(unknown);
}

/** The front matter's `picto:`; a front matter that does not parse is reported by the model, at its line. */
function frontMatterPicto(value: string, shown: string): string | undefined {
  try {
    const parsed = parseYamlSource(value, shown).value as { picto?: unknown } | null;
    return typeof parsed?.picto === 'string' ? parsed.picto : undefined;
  } catch {
    return undefined;
  }
}
