import path from 'node:path';
import { GLOSSARY_ENTRY, type BookletSource } from '../content/booklet-config.js';
import type { Department } from '../content/department-schema.js';
import { parseMarkdown } from '../content/parse-markdown.js';
import { readChapterFile } from '../content/read-text-file.js';
import { resolveVariables, variablesFor } from '../content/variables.js';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { pictogramByName, type Lexicon } from '../pictograms/lexicon.js';
import type { Booklet, Chapter, GlossaryEntry, Sentence } from './booklet.js';
import { createChapterContext } from './chapter-context.js';
import { explanationSentence } from './explanation.js';
import { readChapter } from './read-chapter.js';

/** Sources + department → the Booklet model (variables resolved, sentences split, pictograms chosen). */
export async function buildModel(
  projectRoot: string,
  source: BookletSource,
  department: Department,
  lexicon: Lexicon,
): Promise<Booklet> {
  const variables = variablesFor(department);
  const bookletFile = displayPath(projectRoot, path.join(source.dir, 'booklet.yaml'));
  const glossary = new Map<string, GlossaryEntry>();
  const chapters: Chapter[] = [];
  let glossaryIndex: number | undefined;
  for (const entry of source.config.chapters) {
    if (entry === GLOSSARY_ENTRY) {
      glossaryIndex = chapters.length;
      continue;
    }
    const file = path.join(source.dir, entry);
    const shown = displayPath(projectRoot, file);
    const text = await readChapterFile(file, shown, () => new LivretError(`chapter file not found: ${shown}; fix the chapter list or add the file`, { file: bookletFile }));
    const { tree } = parseMarkdown(text, shown);
    const context = createChapterContext({ projectRoot, file: shown, source: text, variables, lexicon, department, glossary });
    chapters.push(readChapter(tree, path.basename(entry, '.md'), context));
  }
  const resolveConfigText = (text: string) => resolveVariables(text, variables, () => ({ file: bookletFile }));
  if (glossaryIndex !== undefined && glossary.size > 0) {
    chapters.splice(glossaryIndex, 0, glossaryChapter([...glossary.values()], lexicon, bookletFile));
  }
  return {
    id: source.id,
    title: resolveConfigText(source.config.title),
    subtitle: source.config.subtitle ? resolveConfigText(source.config.subtitle) : undefined,
    language: source.config.language,
    department,
    isExample: department.example,
    chapters,
    glossary: [...glossary.values()],
    cover: {
      pictogram: pictogramByName(lexicon, source.config.cover_picto ?? 'cpam', { file: bookletFile }),
      officeName: department.office.name,
    },
  };
}

/** "Les mots difficiles": every :term of the booklet, in alphabetical order. */
function glossaryChapter(entries: GlossaryEntry[], lexicon: Lexicon, bookletFile: string): Chapter {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'fr'));
  const title: Sentence = { inlines: [{ kind: 'text', text: 'Les mots difficiles', bold: false }], text: 'Les mots difficiles', source: { file: bookletFile, line: 1, column: 1 } };
  return {
    id: 'glossaire',
    title,
    pictogram: pictogramByName(lexicon, 'lire', { file: bookletFile }),
    file: bookletFile,
    blocks: sorted.map((entry) => ({
      kind: 'paragraph',
      role: 'text',
      sentences: [explanationSentence(entry.term, entry.definition, entry.source)],
      pictogram: undefined,
      source: entry.source,
    })),
  };
}
