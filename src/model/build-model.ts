import path from 'node:path';
import { GLOSSARY_ENTRY, type BookletSource } from '../content/booklet-config.js';
import type { Department } from '../content/department-schema.js';
import type { ParsedChapter } from '../content/sources.js';
import { resolveVariables, variablesFor } from '../content/variables.js';
import { displayPath } from '../paths.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { pictogramByName, type Lexicon } from '../pictograms/lexicon.js';
import type { Booklet, Chapter, GlossaryEntry, Inline, Sentence } from './booklet.js';
import { createChapterContext } from './chapter-context.js';
import { explanationSentence } from './explanation.js';
import { readChapter } from './read-chapter.js';

/** What the model is built from: the parsed chapters, the department file and the lexicon. */
export interface ModelInput {
  projectRoot: string;
  booklet: BookletSource;
  chapters: readonly ParsedChapter[];
  department: Department;
  lexicon: Lexicon;
}

/** Sources + department → the Booklet model (variables resolved, sentences split, pictograms chosen). */
export function buildModel({ projectRoot, booklet: source, chapters: parsed, department, lexicon }: ModelInput): Booklet {
  const variables = variablesFor(department);
  const bookletFile = displayPath(projectRoot, path.join(source.dir, 'booklet.yaml'));
  const glossary = new Map<string, GlossaryEntry>();
  const chapters: Chapter[] = [];
  let glossaryIndex: number | undefined;
  const byEntry = new Map(parsed.map((chapter) => [chapter.entry, chapter]));
  for (const entry of source.config.chapters) {
    if (entry === GLOSSARY_ENTRY) {
      glossaryIndex = chapters.length;
      continue;
    }
    const chapter = byEntry.get(entry)!;
    const context = createChapterContext({ projectRoot, file: chapter.shown, source: chapter.text, variables, lexicon, department, glossary });
    chapters.push(readChapter(chapter.tree, path.basename(entry, '.md'), context));
  }
  const resolveConfigText = (text: string) => resolveVariables(text, variables, () => ({ file: bookletFile }));
  resolveChapterReferences(chapters);
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

/** Every `:chapitre[…]` names a chapter of the booklet by its title. */
function resolveChapterReferences(chapters: readonly Chapter[]): void {
  const byTitle = new Map(chapters.map((chapter) => [normalisedTitle(chapter.title.text), chapter.id]));
  for (const reference of chapterReferences(chapters)) {
    const id = byTitle.get(normalisedTitle(reference.title));
    if (!id) {
      const titles = chapters.map((chapter) => `« ${chapter.title.text} »`).join(', ');
      throw new LivretError(t('error.chapter.unknownReference', { title: reference.title, titles }), reference.source);
    }
    reference.chapter = id;
  }
}

function normalisedTitle(title: string): string {
  return title.normalize('NFC').replace(/[’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The chapter references anywhere in the chapters' blocks. */
function chapterReferences(value: unknown, found: Array<Extract<Inline, { kind: 'chapter-ref' }>> = []): Array<Extract<Inline, { kind: 'chapter-ref' }>> {
  if (Array.isArray(value)) for (const item of value) chapterReferences(item, found);
  else if (value !== null && typeof value === 'object') {
    if ((value as { kind?: unknown }).kind === 'chapter-ref') found.push(value as Extract<Inline, { kind: 'chapter-ref' }>);
    else for (const [key, child] of Object.entries(value)) if (key !== 'svg' && key !== 'source') chapterReferences(child, found);
  }
  return found;
}
