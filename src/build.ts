import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { loadBookletSource, type BookletSource } from './content/booklet-config.js';
import { loadDepartment } from './content/load-department.js';
import { LivretError, EXIT_RULES_FAILED } from './errors.js';
import { defaultCacheDir } from './images/image-cache.js';
import { prepareImages } from './images/prepare-images.js';
import { coverBand, layoutBooklet } from './layout/booklet-layout.js';
import { grayscaleDefinition } from './layout/grayscale-definition.js';
import { grayColor } from './pictograms/grayscale.js';
import { PRESETS, type PageFormat } from './layout/presets.js';
import { allSentences, type Booklet } from './model/booklet.js';
import { buildModel } from './model/build-model.js';
import { addBleed } from './print/bleed.js';
import { imposeSaddleStitch } from './print/impose.js';
import { countPages, padToMultipleOfFour } from './print/padding.js';
import { displayPath, findProjectRoot } from './paths.js';
import { loadLexicon } from './pictograms/lexicon.js';
import { writeFileAtomic } from './render/atomic-write.js';
import { renderPdf } from './render/render-pdf.js';
import { buildDate } from './render/reproducible.js';
import { findMissingSentences, type SourceSentence } from './verify/content-loss.js';
import { readPdf, type PdfReadback } from './verify/read-pdf.js';

export type OutputFormat = 'a4' | 'a5-booklet';

export interface BuildOptions {
  /** Project folder (holds content/ and assets/); default: found from the current directory. */
  projectRoot?: string;
  /** Booklet folder name under content/; default: the first one. */
  booklet?: string;
  /** Department code (content/departments/<code>.yaml); default: the first one. */
  department?: string;
  format?: OutputFormat;
  grayscale?: boolean;
  /** Output folder; default `<projectRoot>/out`. */
  outDir?: string;
  /** Write the PDF (default true); tests may only want the bytes. */
  write?: boolean;
  /** Folder of prepared pictures; default `<projectRoot>/.cache/livret/images`; false: no cache. */
  imageCacheDir?: string | false;
  /** Also write a print-shop file (`-a4-print.pdf` / `-a5-print.pdf`) with this bleed, in points. */
  bleed?: number;
  /** Crop marks on the print-shop file (alone: a print-shop file without bleed). */
  cropMarks?: boolean;
}

/** One file of a build: the pages (A4 or A5), the imposed sheets, or the print-shop pages. */
export interface OutputFile {
  kind: 'pages' | 'imposed' | 'print';
  path: string;
  pdf: Uint8Array;
  /** PDF pages: booklet pages, or sides of sheets for the imposed file. */
  pageCount: number;
}

export interface BuildResult {
  /** The booklet's pages (A4, or A5 unimposed), as read back and checked. */
  pdf: Uint8Array;
  /** The file named by the format: `<booklet>-a4.pdf` or the imposed `<booklet>-a5-booklet.pdf`. */
  outputPath: string;
  pageCount: number;
  /** Every file of the build, written unless `write: false`. */
  files: OutputFile[];
  format: OutputFormat;
  sentences: SourceSentence[];
  chapterFiles: string[];
  bookletDir: string;
  projectRoot: string;
  booklet: Booklet;
  /** The pages as read back for the content-loss check (reused by the PDF rules). */
  readback: PdfReadback;
  /** Pictures drawn with sharp in this build, and pictures read from the cache. */
  imageStats: { processed: number; fromCache: number };
}

/** Department codes with a file in content/departments/, sorted. */
export async function listDepartments(projectRoot: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, 'content', 'departments')).catch(() => [] as string[]);
  return entries.filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length)).sort();
}

async function defaultDepartment(projectRoot: string): Promise<string> {
  const [first] = await listDepartments(projectRoot);
  if (!first) throw new LivretError('no department file: create one with `livret init-department CODE`', { file: 'content/departments/' });
  return first;
}

/**
 * Sources + department file (default: the first one) → the Booklet model.
 * Bad input in the chapters or the department file throws here (exit 2).
 */
export async function loadBookletModel(projectRoot: string, source: BookletSource, departmentCode?: string): Promise<Booklet> {
  const department = await loadDepartment(projectRoot, departmentCode ?? (await defaultDepartment(projectRoot)));
  return buildModel(projectRoot, source, department, await loadLexicon(projectRoot));
}

/** Sources → model → images → layout → PDF, read back and checked for lost sentences, written atomically. */
export async function buildBooklet(options: BuildOptions = {}): Promise<BuildResult> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const format = options.format ?? 'a4';
  const source = await loadBookletSource(projectRoot, options.booklet);
  const booklet = await loadBookletModel(projectRoot, source, options.department);
  const { department } = booklet;

  const preset = PRESETS[pageFormatOf(format)];
  const imageCacheDir = options.imageCacheDir === false ? undefined : (options.imageCacheDir ?? defaultCacheDir(projectRoot));
  const { images, lookup, stats: imageStats } = await prepareImages(booklet, { projectRoot, preset, grayscale: options.grayscale, cacheDir: imageCacheDir });
  const fallbackDate = source.config.edition ? new Date(`${source.config.edition}T00:00:00Z`) : undefined;
  const date = buildDate(fallbackDate);
  const render = async (blankPagesBeforeBackCover: number | undefined) => {
    const coloured = layoutBooklet({ booklet, preset, images: lookup, preparedImages: images, creationDate: date, blankPagesBeforeBackCover });
    return renderPdf(options.grayscale ? await grayscaleDefinition(coloured) : coloured);
  };
  // A saddle-stitched booklet is padded to a multiple of 4 pages.
  const pdf = format === 'a5-booklet' ? (await padToMultipleOfFour(render)).pdf : await render(undefined);

  const readback = await readPdf(pdf);
  const sentences = allSentences(booklet).map(({ text, source: where }) => ({ text, ...where }));
  assertNothingLost(readback, sentences);

  const outputFolder = path.join(path.resolve(options.outDir ?? path.join(projectRoot, 'out')), department.code);
  const pages: OutputFile = { kind: 'pages', path: path.join(outputFolder, `${source.id}-${preset.format}.pdf`), pdf, pageCount: readback.pageCount };
  const files = [pages];
  if (format === 'a5-booklet') {
    const imposed = await imposeSaddleStitch(pdf, { date });
    files.push({ kind: 'imposed', path: path.join(outputFolder, `${source.id}-${format}.pdf`), pdf: imposed, pageCount: await countPages(imposed) });
  }
  if (options.bleed !== undefined || options.cropMarks) {
    const band = coverBand(preset);
    const backgrounds = [{ page: 1, ...band, color: options.grayscale ? grayColor(band.color) : band.color }];
    const print = await addBleed(pdf, { bleed: options.bleed ?? 0, cropMarks: options.cropMarks ?? false, backgrounds, date });
    files.push({ kind: 'print', path: path.join(outputFolder, `${source.id}-${preset.format}-print.pdf`), pdf: print, pageCount: readback.pageCount });
  }
  if (options.write !== false) await writeBuildFiles(files);
  return {
    pdf,
    outputPath: path.join(outputFolder, `${source.id}-${format}.pdf`),
    pageCount: readback.pageCount,
    files,
    format,
    sentences,
    chapterFiles: source.chapterFiles.map((file) => displayPath(projectRoot, file)),
    bookletDir: source.dir,
    projectRoot,
    booklet,
    imageStats,
    readback,
  };
}

/** Writes every file of a build, each atomically (temporary name, then rename). */
export async function writeBuildFiles(files: readonly OutputFile[]): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.pdf);
}

function pageFormatOf(format: OutputFormat): PageFormat {
  return format === 'a4' ? 'a4' : 'a5';
}

function assertNothingLost(readback: PdfReadback, sentences: SourceSentence[]): void {
  const missing = findMissingSentences(readback, sentences);
  const first = missing[0];
  if (!first) return;
  throw new LivretError(
    `${missing.length} sentence(s) missing from the PDF, first: "${first.text}". ` +
      'A block (a step with its screenshot, a list) is probably taller than a page: split it or use a smaller screenshot',
    { file: first.file, line: first.line, column: first.column },
    EXIT_RULES_FAILED,
  );
}
