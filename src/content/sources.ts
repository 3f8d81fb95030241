import path from 'node:path';
import type { Root } from 'mdast';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { GLOSSARY_ENTRY, type BookletSource } from './booklet-config.js';
import { parseMarkdown, type MarkdownComment } from './parse-markdown.js';
import { readChapterFile } from './read-text-file.js';
import { t } from '../i18n/index.js';

/**
 * One chapter file, read and parsed once: the source rules and the model
 * both read this tree.
 */
export interface ParsedChapter {
  /** The entry of booklet.yaml's `chapters:` list, e.g. `01-bienvenue.md`. */
  entry: string;
  /** Absolute path. */
  file: string;
  /** Path as shown to the user (relative to the project). */
  shown: string;
  /** The Markdown text. */
  text: string;
  tree: Root;
  /** The chapter's HTML comments (notes, `livret-disable` comments), taken out of the tree. */
  comments: MarkdownComment[];
}

/** Reads and parses every chapter of a booklet, in booklet order (the glossary entry has no file). */
export async function readChapters(projectRoot: string, source: BookletSource): Promise<ParsedChapter[]> {
  const bookletFile = displayPath(projectRoot, path.join(source.dir, 'booklet.yaml'));
  const entries = source.config.chapters.filter((entry) => entry !== GLOSSARY_ENTRY);
  return Promise.all(
    entries.map(async (entry) => {
      const file = path.join(source.dir, entry);
      const shown = displayPath(projectRoot, file);
      // Size, UTF-8 and line limits are checked before the text is parsed.
      const text = await readChapterFile(file, shown, () => new LivretError(t('error.chapterMissing', { file: shown }), { file: bookletFile }));
      const { tree, comments } = parseMarkdown(text, shown);
      return { entry, file, shown, text, tree, comments };
    }),
  );
}
