import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { LivretError } from '../errors.js';
import { displayPath, findProjectRoot } from '../paths.js';
import { readDocxFile } from './docx-file.js';
import { docxToChapters, slug, type ImportedDocument } from './docx-to-chapters.js';

/**
 * `livret import document.docx`: a new booklet folder content/<name>/ (its
 * booklet.yaml and one chapter a Heading 1) and its pictures in
 * assets/screenshots/<name>/, from a Word document. An existing booklet is
 * never replaced unless `force`. Nothing is written when the document
 * cannot be read.
 */
export interface ImportOptions {
  /** The .docx file (absolute, or relative to the current directory). */
  file: string;
  projectRoot?: string;
  /** Folder name under content/; default: from the file name. */
  booklet?: string;
  /** Replace an existing booklet of that name (its folder and its imported pictures). */
  force?: boolean;
  /** Size limit in bytes (default MAX_DOCX_BYTES). */
  maxBytes?: number;
}

export interface ImportResult {
  booklet: string;
  projectRoot: string;
  /** Relative to the project. */
  bookletDir: string;
  source: string;
  document: ImportedDocument;
  /** Every file written, relative to the project. */
  written: string[];
  /** Places the writer must look at: `file:line` and what to do there. */
  todos: Array<{ file: string; line: number; what: string }>;
  /** What the import did and what to look at (formatImportSummary), for the terminal. */
  summary: string;
}

const BOOKLET_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export async function importDocx(options: ImportOptions): Promise<ImportResult> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const file = path.resolve(options.file);
  const shown = path.relative(process.cwd(), file) || file;
  const booklet = options.booklet ?? slug(path.basename(file, path.extname(file)), 'livret');
  if (!BOOKLET_NAME.test(booklet)) {
    throw new LivretError(`--booklet ${booklet} : le nom du livret s'écrit en minuscules, chiffres et tirets, par exemple --booklet guide-accueil`);
  }
  const bookletDir = path.join(projectRoot, 'content', booklet);
  const picturesDir = path.join(projectRoot, 'assets', 'screenshots', booklet);
  if (existsSync(bookletDir) && !options.force) {
    throw new LivretError(
      `le livret « ${booklet} » existe déjà : choisissez un autre nom avec --booklet, ou remplacez-le (ses chapitres et ses images importées) avec --force`,
      { file: displayPath(projectRoot, bookletDir) },
    );
  }
  const docx = await readDocxFile(file, shown, options.maxBytes);
  const document = await docxToChapters(docx.bytes, booklet);
  if (document.chapters.length === 0) {
    throw new LivretError('le document Word est vide : il n’a ni titre ni texte à reprendre', { file: shown });
  }

  // Everything is written beside the target, then put in place: a failure leaves no half booklet.
  const staging = path.join(projectRoot, 'content', `.${booklet}.import`);
  const stagingPictures = path.join(projectRoot, 'assets', 'screenshots', `.${booklet}.import`);
  await rm(staging, { recursive: true, force: true });
  await rm(stagingPictures, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const title = document.title ?? docx.propertiesTitle ?? document.chapters[0]!.title;
  await writeFile(path.join(staging, 'booklet.yaml'), bookletYaml(title, document, path.basename(file)));
  for (const chapter of document.chapters) await writeFile(path.join(staging, chapter.fileName), chapter.markdown);
  if (document.pictures.length > 0) {
    await mkdir(stagingPictures, { recursive: true });
    for (const picture of document.pictures) await writeFile(path.join(stagingPictures, path.basename(picture.src)), picture.bytes);
  }
  await rm(bookletDir, { recursive: true, force: true });
  await rename(staging, bookletDir);
  await rm(picturesDir, { recursive: true, force: true });
  if (document.pictures.length > 0) await rename(stagingPictures, picturesDir);

  const relative = (target: string) => displayPath(projectRoot, target);
  const written = [
    relative(path.join(bookletDir, 'booklet.yaml')),
    ...document.chapters.map((chapter) => relative(path.join(bookletDir, chapter.fileName))),
    ...document.pictures.map((picture) => relative(path.join(picturesDir, path.basename(picture.src)))),
  ];
  const todos = document.chapters.flatMap((chapter) =>
    chapter.markdown.split('\n').flatMap((line, index) => {
      if (!line.includes('TODO')) return [];
      const what = line.includes('alt="TODO') ? 'décrivez ce que montre l’image (alt)' : line.startsWith('# ') ? 'donnez un titre au chapitre' : 'faites ce que dit le TODO';
      return [{ file: relative(path.join(bookletDir, chapter.fileName)), line: index + 1, what }];
    }),
  );
  const result = { booklet, projectRoot, bookletDir: relative(bookletDir), source: shown, document, written, todos };
  return { ...result, summary: formatImportSummary(result) };
}

function bookletYaml(title: string, document: ImportedDocument, source: string): string {
  const config: Record<string, unknown> = { title };
  if (document.subtitle) config.subtitle = document.subtitle;
  config.language = 'fr-FR';
  config.chapters = document.chapters.map((chapter) => chapter.fileName);
  return `# Livret importé de « ${source} » par livret import.\n# Relisez chaque chapitre, puis lancez livret check.\n${stringify(config)}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** What the import did and what the writer should look at, in French, for the terminal. */
export function formatImportSummary(result: Omit<ImportResult, 'summary'>): string {
  const { document } = result;
  const { notes } = document;
  const lines = [`Livret « ${result.booklet} » créé depuis ${result.source} :`];
  lines.push(`  ${result.bookletDir}/booklet.yaml`);
  for (const chapter of document.chapters) {
    lines.push(`  ${result.bookletDir}/${chapter.fileName}  « ${chapter.title} », ${plural(chapter.sentenceCount, 'ligne', 'lignes')}`);
  }
  if (document.pictures.length > 0) {
    const described = document.pictures.filter((picture) => picture.alt !== undefined).length;
    lines.push(`  assets/screenshots/${result.booklet}/  ${plural(document.pictures.length, 'image', 'images')}, ${plural(described, 'décrite', 'décrites')} dans Word`);
  }
  const look: string[] = [];
  for (const todo of result.todos) look.push(`${todo.file}:${todo.line} : ${todo.what}.`);
  if (notes.italics > 0) look.push(`${plural(notes.italics, 'passage en italique', 'passages en italique')} : l’italique est enlevé (le Facile à lire met en valeur avec le gras seulement).`);
  if (notes.struckThrough > 0) look.push(`${plural(notes.struckThrough, 'passage barré', 'passages barrés')} : le texte est gardé sans le trait ; enlevez-le s’il ne doit pas être lu.`);
  if (notes.deepHeadings > 0) look.push(`${plural(notes.deepHeadings, 'titre de niveau 3 ou plus est devenu', 'titres de niveau 3 ou plus sont devenus')} une section (##).`);
  if (notes.steps > 0) look.push(`${plural(notes.steps, 'liste numérotée est devenue', 'listes numérotées sont devenues')} des étapes (:::steps) : vérifiez que ce sont bien des étapes à suivre dans l’ordre.`);
  if (notes.tables > 0) look.push(`${plural(notes.tables, 'tableau repris', 'tableaux repris')} : la première ligne est l’en-tête ; vérifiez qu’un tableau est vraiment utile.`);
  if (notes.links > 0) look.push(`${plural(notes.links, 'lien gardé', 'liens gardés')} comme texte : écrivez l’adresse en entier si le lecteur doit la taper.`);
  if (notes.unreadablePictures.length > 0) look.push(`${plural(notes.unreadablePictures.length, 'image non reprise', 'images non reprises')} (format ${[...new Set(notes.unreadablePictures)].join(', ')}) : enregistrez-les en PNG dans assets/screenshots/${result.booklet}/.`);
  if (notes.droppedPictures > 0) look.push(`${plural(notes.droppedPictures, 'image dans un tableau ou un titre n’est pas reprise', 'images dans un tableau ou un titre ne sont pas reprises')}.`);
  if (notes.textBeforeFirstHeading) look.push('Du texte était avant le premier « Titre 1 » : il est dans un premier chapitre à nommer.');
  for (const message of notes.mammothMessages) look.push(`Word : ${message}`);
  lines.push('', 'À regarder :');
  lines.push(...(look.length > 0 ? look.map((line) => `  - ${line}`) : ['  - rien de particulier.']));
  lines.push('', `Chaque phrase est sur sa ligne. Ensuite : livret check ${result.booklet}, puis livret watch ${result.booklet} pour voir les pages.`);
  return lines.join('\n');
}
