import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { loadBookletSource } from './content/booklet-config.js';
import { loadDepartment } from './content/load-department.js';
import { LivretError, EXIT_RULES_FAILED } from './errors.js';
import { defaultCacheDir } from './images/image-cache.js';
import { prepareImages } from './images/prepare-images.js';
import { layoutBooklet } from './layout/booklet-layout.js';
import { grayscaleDefinition } from './layout/grayscale-definition.js';
import { PRESETS, type PageFormat } from './layout/presets.js';
import { allSentences, type Booklet } from './model/booklet.js';
import { buildModel } from './model/build-model.js';
import { displayPath, findProjectRoot } from './paths.js';
import { loadLexicon } from './pictograms/lexicon.js';
import { writeFileAtomic } from './render/atomic-write.js';
import { renderPdf } from './render/render-pdf.js';
import { buildDate } from './render/reproducible.js';
import { findMissingSentences, type SourceSentence } from './verify/content-loss.js';
import { readPdf } from './verify/read-pdf.js';

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
}

export interface BuildResult {
  pdf: Uint8Array;
  outputPath: string;
  pageCount: number;
  format: OutputFormat;
  sentences: SourceSentence[];
  chapterFiles: string[];
  bookletDir: string;
  projectRoot: string;
  booklet: Booklet;
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

/** Sources → model → images → layout → PDF, read back and checked for lost sentences, written atomically. */
export async function buildBooklet(options: BuildOptions = {}): Promise<BuildResult> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const format = options.format ?? 'a4';
  const source = await loadBookletSource(projectRoot, options.booklet);
  const department = await loadDepartment(projectRoot, options.department ?? (await defaultDepartment(projectRoot)));
  const lexicon = await loadLexicon(projectRoot);
  const booklet = await buildModel(projectRoot, source, department, lexicon);

  const preset = PRESETS[pageFormatOf(format)];
  const imageCacheDir = options.imageCacheDir === false ? undefined : (options.imageCacheDir ?? defaultCacheDir(projectRoot));
  const { images, lookup, stats: imageStats } = await prepareImages(booklet, { projectRoot, preset, grayscale: options.grayscale, cacheDir: imageCacheDir });
  const fallbackDate = source.config.edition ? new Date(`${source.config.edition}T00:00:00Z`) : undefined;
  const coloured = layoutBooklet({ booklet, preset, images: lookup, preparedImages: images, creationDate: buildDate(fallbackDate) });
  const definition = options.grayscale ? await grayscaleDefinition(coloured) : coloured;
  const pdf = await renderPdf(definition);

  const readback = await readPdf(pdf);
  const sentences = allSentences(booklet).map(({ text, source: where }) => ({ text, ...where }));
  assertNothingLost(readback, sentences);

  const outputPath = path.join(path.resolve(options.outDir ?? path.join(projectRoot, 'out')), department.code, `${source.id}-${format}.pdf`);
  if (options.write !== false) await writeFileAtomic(outputPath, pdf);
  return {
    pdf,
    outputPath,
    pageCount: readback.pageCount,
    format,
    sentences,
    chapterFiles: source.chapterFiles.map((file) => displayPath(projectRoot, file)),
    bookletDir: source.dir,
    projectRoot,
    booklet,
    imageStats,
  };
}

function pageFormatOf(format: OutputFormat): PageFormat {
  return format === 'a4' ? 'a4' : 'a5';
}

function assertNothingLost(readback: Awaited<ReturnType<typeof readPdf>>, sentences: SourceSentence[]): void {
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
