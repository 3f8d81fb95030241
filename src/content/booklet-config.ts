import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { readYamlFile } from './read-text-file.js';
import { parseYamlSource } from './yaml-document.js';
import { offsetOfPath, parseWithSchema } from './yaml-issues.js';
import { t } from '../i18n/index.js';
import { didYouMean } from '../i18n/suggest.js';

/** The project's settings file (rules, default booklet). */
const CONFIG_FILE = 'livret.config.yaml';

/** The special chapter entry that places the generated glossary ("Les mots difficiles"). */
export const GLOSSARY_ENTRY = '@glossary';

export const bookletConfigSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  language: z.string().default('fr-FR'),
  cover_picto: z.string().min(1).optional(),
  /** Edition date (YYYY-MM-DD): the PDF's date, unless SOURCE_DATE_EPOCH is set. Keeps output reproducible. */
  edition: z.iso.date().optional(),
  chapters: z
    .array(z.string().regex(/^(@glossary|[\w.-]+\.md)$/, { error: () => t('schema.chapterEntry') }))
    .min(1),
  /** Easy-read check overrides for this booklet (see livret.config.yaml). */
  check: z.record(z.string(), z.unknown()).optional(),
});

export type BookletConfig = z.infer<typeof bookletConfigSchema>;

export interface BookletSource {
  id: string;
  dir: string;
  config: BookletConfig;
  /** Absolute paths of the chapter files, in booklet order (glossary entry excluded). */
  chapterFiles: string[];
}

/** The booklets of a project: folders of content/ that hold a booklet.yaml. */
export async function listBooklets(projectRoot: string): Promise<string[]> {
  const contentDir = path.join(projectRoot, 'content');
  const entries = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(contentDir, entry.name, 'booklet.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The booklet built when none is named: the only one, or the one named by
 * `booklet:` in livret.config.yaml. Several with none named is an error that
 * lists them: adding a folder must never switch the booklet silently.
 */
export async function defaultBooklet(projectRoot: string): Promise<string> {
  const booklets = await listBooklets(projectRoot);
  const configured = await configuredBooklet(projectRoot);
  if (configured) {
    if (!booklets.includes(configured.name)) {
      throw new LivretError(`${t('error.configBookletUnknown', { name: configured.name })}${didYouMean(configured.name, booklets)}`, { file: CONFIG_FILE, line: configured.line });
    }
    return configured.name;
  }
  const contentDir = displayPath(projectRoot, path.join(projectRoot, 'content'));
  if (booklets.length === 0) throw new LivretError(t('error.noBooklet'), { file: contentDir });
  if (booklets.length > 1) throw new LivretError(t('error.severalBooklets', { names: booklets.join(', '), first: booklets[0]! }), { file: contentDir });
  return booklets[0]!;
}

/** `booklet:` of livret.config.yaml, with its line (the rest of that file is read by src/check/config.ts). */
async function configuredBooklet(projectRoot: string): Promise<{ name: string; line: number } | undefined> {
  const file = path.join(projectRoot, CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const source = await readYamlFile(file, CONFIG_FILE, (error) => new LivretError(error.message, { file: CONFIG_FILE }));
  const { document, lineCounter, value } = parseYamlSource(source, CONFIG_FILE);
  const name = (value as { booklet?: unknown } | null)?.booklet;
  if (typeof name !== 'string' || name === '') return undefined;
  return { name, line: lineCounter.linePos(offsetOfPath(document, ['booklet'])).line };
}

export async function loadBookletSource(projectRoot: string, bookletId: string | undefined): Promise<BookletSource> {
  const id = bookletId ?? (await defaultBooklet(projectRoot));
  const dir = path.join(projectRoot, 'content', id);
  const file = path.join(dir, 'booklet.yaml');
  const shown = displayPath(projectRoot, file);
  const missing = async () => new LivretError(`${t('error.bookletMissing', { name: id, file: shown })}${didYouMean(id, await listBooklets(projectRoot))}`, { file: shown });
  if (!existsSync(file)) throw await missing();
  const source = await readYamlFile(file, shown, () => new LivretError(t('error.bookletMissing', { name: id, file: shown }), { file: shown }));
  const yaml = parseYamlSource(source, shown);
  const config = parseWithSchema(bookletConfigSchema, yaml.value ?? {}, yaml, shown);
  const chapterFiles = config.chapters.filter((entry) => entry !== GLOSSARY_ENTRY).map((entry) => path.join(dir, entry));
  return { id, dir, config, chapterFiles };
}
