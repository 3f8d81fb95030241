import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { readYamlFile } from './read-text-file.js';
import { parseYamlSource } from './yaml-document.js';

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
    .array(z.string().regex(/^(@glossary|[\w.-]+\.md)$/, 'list chapter files such as "01-bienvenue.md", or "@glossary"'))
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

export async function loadBookletSource(projectRoot: string, bookletId: string | undefined): Promise<BookletSource> {
  const id = bookletId ?? (await listBooklets(projectRoot))[0];
  if (!id) {
    throw new LivretError('no booklet found: create content/<name>/booklet.yaml', { file: path.join(projectRoot, 'content') });
  }
  const dir = path.join(projectRoot, 'content', id);
  const file = path.join(dir, 'booklet.yaml');
  const shown = displayPath(projectRoot, file);
  const source = await readYamlFile(file, shown, () => new LivretError(`no booklet "${id}": expected ${shown}`, { file: shown }));
  const { value } = parseYamlSource(source, shown);
  const parsed = bookletConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LivretError(`${issue.path.join('.') || 'booklet'}: ${issue.message}`, { file: shown });
  }
  const chapterFiles = parsed.data.chapters.filter((entry) => entry !== GLOSSARY_ENTRY).map((entry) => path.join(dir, entry));
  return { id, dir, config: parsed.data, chapterFiles };
}
