import path from 'node:path';
import { readdir, rename } from 'node:fs/promises';
import { checkModel } from './check/check-model.js';
import { checkParsedChapters } from './check/check-sources.js';
import { loadCheckConfig, type CheckConfig } from './check/config.js';
import { mergeReports, type CheckReport } from './check/report.js';
import { applyDisableComments } from './check/disable-comments.js';
import { defaultBooklet, loadBookletSource, type BookletSource } from './content/booklet-config.js';
import type { Department } from './content/department-schema.js';
import { loadDepartment } from './content/load-department.js';
import { readChapters, type ParsedChapter } from './content/sources.js';
import { LivretError } from './errors.js';
import type { PreparedImages } from './images/prepare-images.js';
import type { PageGeometry } from './render/pdf-structure.js';
import { PRESETS, type LayoutPreset } from './geometry/presets.js';
import { allSentences, type Booklet, type Sentence } from './model/booklet.js';
import { buildModel } from './model/build-model.js';
import { displayPath, findProjectRoot } from './paths.js';
import { loadLexicon, type Lexicon } from './pictograms/lexicon.js';
import { assertKnownPictograms } from './pictograms/check-names.js';
import { t } from './i18n/index.js';
import { writeFileAtomic } from './files/atomic-write.js';
import { buildDate } from './render/reproducible.js';
import type { PdfReadback } from './verify/read-pdf.js';
import type { PictureHighlightFacts } from './rules/pdf/picture-text-size.js';

/**
 * The booklet pipeline. Every entry point (build, check, build --department
 * all, preview) composes these stages, in this order, each once:
 *
 *   loadSources → modelStage → imagesStage → layoutStage → renderStage → checkStage → printStage
 *
 * - loadSources: booklet.yaml, the check settings, each chapter read and parsed once,
 *   the department file and the lexicon. Bad input throws a LivretError (exit 2).
 * - modelStage: the Booklet model (variables resolved, sentences, pictograms).
 * - imagesStage: every screenshot prepared for its printed size (cached).
 * - layoutStage: the pdfmake document definition (the page geometry of the format).
 * - renderStage: the PDF bytes, and the pages read back as a reader's tools see them.
 * - checkStage: one report: source rules, booklet rules, rendered-PDF rules. A lost
 *   sentence is a finding of this report (`content-loss`), thrown nowhere.
 * - printStage: the files of the format (pages, imposed sheets, print-shop file),
 *   written only when the report has no error.
 *
 * The stages after the model load their engines (sharp, pdfmake, pdfjs,
 * pdf-lib) when they first run: `livret check --no-pdf` never loads them.
 */

export type OutputFormat = 'a4' | 'a5-booklet';

// ── Stage 1: sources ───────────────────────────────────────────────────────

export interface SourceOptions {
  /** Project folder (holds content/ and assets/); default: found from the current directory. */
  projectRoot?: string;
  /** Booklet folder name under content/; default: the first one. */
  booklet?: string;
  /** Department code (content/departments/<code>.yaml); default: the first one. */
  department?: string;
}

/** Everything a booklet is made from, read and parsed once. */
export interface BookletSources {
  projectRoot: string;
  booklet: BookletSource;
  chapters: ParsedChapter[];
  department: Department;
  lexicon: Lexicon;
  /** livret.config.yaml, then the booklet's `check:` section. */
  checkConfig: CheckConfig;
}

export async function loadSources(options: SourceOptions = {}): Promise<BookletSources> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const booklet = await loadBookletSource(projectRoot, options.booklet);
  const bookletFile = displayPath(projectRoot, path.join(booklet.dir, 'booklet.yaml'));
  // Every promise is made after the last await before Promise.all: one failing early is never left unhandled.
  const departmentCode = await departmentToLoad(projectRoot, options.department);
  const [checkConfig, chapters, department, lexicon] = await Promise.all([
    loadCheckConfig(projectRoot, booklet.config.check, bookletFile),
    readChapters(projectRoot, booklet),
    loadDepartment(projectRoot, departmentCode),
    loadLexicon(projectRoot),
  ]);
  return { projectRoot, booklet, chapters, department, lexicon, checkConfig };
}

/** Department codes with a file in content/departments/, sorted. */
export async function listDepartments(projectRoot: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, 'content', 'departments')).catch(() => [] as string[]);
  return entries.filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length)).sort();
}

/** The department asked for, or the first one; "all" belongs to `build` alone, and a code without a file gets the close ones. */
async function departmentToLoad(projectRoot: string, wanted: string | undefined): Promise<string> {
  const codes = await listDepartments(projectRoot);
  if (codes.length === 0) throw new LivretError(t('error.noDepartment'), { file: 'content/departments/' });
  if (wanted === undefined) return codes[0]!;
  if (wanted === 'all') throw new LivretError(t('error.departmentAllHere', { codes: codes.join(', ') }));
  if (!codes.includes(wanted)) {
    const shown = displayPath(projectRoot, path.join(projectRoot, 'content', 'departments', `${wanted}.yaml`));
    throw new LivretError(`${t('error.departmentMissing', { code: wanted })}${t('suggest.joiner')}${t('error.knownDepartments', { codes: codes.join(', ') })}`, { file: shown });
  }
  return wanted;
}

// ── Stage 2: model ─────────────────────────────────────────────────────────

export function modelStage(sources: BookletSources): Booklet {
  const bookletFile = displayPath(sources.projectRoot, path.join(sources.booklet.dir, 'booklet.yaml'));
  assertKnownPictograms(sources.chapters, sources.booklet, bookletFile, sources.lexicon);
  return buildModel(sources);
}

// ── Stage 3: images ────────────────────────────────────────────────────────

export interface ImageOptions {
  grayscale?: boolean;
  /** Folder of prepared pictures; default `<projectRoot>/.cache/livret/images`; false: no cache. */
  imageCacheDir?: string | false;
}

export async function imagesStage(sources: BookletSources, booklet: Booklet, preset: LayoutPreset, options: ImageOptions = {}): Promise<PreparedImages> {
  const { defaultCacheDir } = await import('./images/image-cache.js');
  const { prepareImages } = await import('./images/prepare-images.js');
  const { projectRoot } = sources;
  const cacheDir = options.imageCacheDir === false ? undefined : (options.imageCacheDir ?? defaultCacheDir(projectRoot));
  return prepareImages(booklet, { projectRoot, preset, grayscale: options.grayscale, cacheDir });
}

// ── Stages 4 and 5: layout and render ──────────────────────────────────────

/** The booklet's pages (A4, or A5 before imposition) and what a reader's tools read of them. */
export interface RenderedBooklet {
  pdf: Uint8Array;
  readback: PdfReadback;
  /** Where each page's content was drawn, from the renderer (for `page-fill`). */
  pageGeometry: PageGeometry[] | undefined;
  /** Each screenshot highlight's text size and printed scales (for `picture-text-size`). */
  pictures: PictureHighlightFacts[];
  pageCount: number;
  /** The PDF's date (SOURCE_DATE_EPOCH, else the edition date, else now). */
  date: Date;
}

/**
 * Lays the booklet out in the format's geometry and renders it. A saddle-
 * stitched booklet is laid out again with blank pages before the back cover
 * until it has a multiple of 4 pages.
 */
export async function layoutAndRenderStage(
  sources: BookletSources,
  booklet: Booklet,
  images: PreparedImages,
  format: OutputFormat,
  grayscale: boolean,
): Promise<RenderedBooklet> {
  const { layoutBooklet } = await import('./layout/booklet-layout.js');
  const { renderPdfWithGeometry } = await import('./render/render-pdf.js');
  const { readPdf } = await import('./verify/read-pdf.js');
  const preset = presetFor(format);
  const edition = sources.booklet.config.edition;
  const date = buildDate(edition ? new Date(`${edition}T00:00:00Z`) : undefined);
  let pageGeometry: PageGeometry[] | undefined;
  const layOutAndRender = async (blankPagesBeforeBackCover: number | undefined) => {
    const coloured = layoutBooklet({ booklet, preset, images: images.lookup, preparedImages: images.images, creationDate: date, blankPagesBeforeBackCover });
    const { grayscaleDefinition } = grayscale ? await import('./layout/grayscale-definition.js') : { grayscaleDefinition: undefined };
    const rendered = await renderPdfWithGeometry(grayscaleDefinition ? await grayscaleDefinition(coloured) : coloured);
    pageGeometry = rendered.pages;
    return rendered.pdf;
  };
  const pdf = format === 'a5-booklet' ? await paddedToMultipleOfFour(layOutAndRender) : await layOutAndRender(undefined);
  const readback = await readPdf(pdf);
  const { pictureHighlightFacts } = await import('./rules/pdf/picture-text-size.js');
  return { pdf, readback, pageGeometry, pictures: pictureHighlightFacts(images.screenshots), pageCount: readback.pageCount, date };
}

/** pdf-lib, which counts the pages, is loaded only for the saddle-stitched format. */
async function paddedToMultipleOfFour(render: (blankPages: number | undefined) => Promise<Uint8Array>): Promise<Uint8Array> {
  const { padToMultipleOfFour } = await import('./print/padding.js');
  return (await padToMultipleOfFour(render)).pdf;
}

export function presetFor(format: OutputFormat): LayoutPreset {
  return PRESETS[format === 'a4' ? 'a4' : 'a5'];
}

// ── Stage 6: checks ────────────────────────────────────────────────────────

/**
 * Which rules run. `all`: every rule. `without-source-rules`: the booklet and
 * PDF rules (`build --department all` runs the source rules once for every
 * department). `content-loss`: only the rule that no sentence is lost, which
 * always runs when there is a PDF.
 */
export type CheckScope = 'all' | 'without-source-rules' | 'content-loss';

export interface CheckStageInput {
  sources: BookletSources;
  booklet: Booklet;
  /** Absent for `check --no-pdf`: no PDF rule runs. */
  rendered?: RenderedBooklet;
  format: OutputFormat;
  /** The PDF's path as shown in findings. */
  pdfPath?: string;
  scope?: CheckScope;
}

export async function checkStage(input: CheckStageInput): Promise<CheckReport> {
  const { sources, booklet, rendered, scope = 'all' } = input;
  const config = scope === 'content-loss' ? onlyContentLoss(sources.checkConfig) : withContentLoss(sources.checkConfig);
  const reports: CheckReport[] = [];
  if (scope === 'all') reports.push(await sourceRuleFindings(sources));
  if (scope !== 'content-loss') reports.push(await checkModel(booklet, sources.lexicon, sources.projectRoot, config));
  if (rendered) {
    const { checkPdf, layoutFactsFor } = await import('./check/check-pdf.js');
    const pdfInput = {
      readback: rendered.readback,
      pdfPath: input.pdfPath ?? `${sources.booklet.id}-${input.format}.pdf`,
      format: input.format,
      pageCount: rendered.pageCount,
      sentences: allSentences(booklet),
      layout: layoutFactsFor(input.format),
      pageGeometry: rendered.pageGeometry,
      pictures: rendered.pictures,
    };
    reports.push(await checkPdf(pdfInput, config));
  }
  return findingsOfBooklet(sources, reports);
}

/** The source rules alone (run once before `build --department all`). */
export async function sourceRulesStage(sources: BookletSources): Promise<CheckReport> {
  return findingsOfBooklet(sources, [await sourceRuleFindings(sources)]);
}

function sourceRuleFindings(sources: BookletSources): Promise<CheckReport> {
  return checkParsedChapters(
    sources.chapters.map((chapter) => ({ path: chapter.shown, source: chapter.text, tree: chapter.tree })),
    sources.checkConfig,
  );
}

/**
 * Where the findings of a booklet are collected: the `livret-disable`
 * comments of its chapters are applied here, once, for every kind of rule.
 */
function findingsOfBooklet(sources: BookletSources, reports: CheckReport[]): CheckReport {
  return applyDisableComments(mergeReports(...reports), sources.chapters);
}

/** A lost sentence is always an error: no setting lets a booklet with a hole in it be written. */
function withContentLoss(config: CheckConfig): CheckConfig {
  const setting = config.get('content-loss') ?? { severity: 'error' as const, options: {} };
  return new Map([...config, ['content-loss', { ...setting, severity: 'error' as const }]]);
}

function onlyContentLoss(config: CheckConfig): CheckConfig {
  return new Map([...withContentLoss(config)].filter(([id]) => id === 'content-loss'));
}


// ── Stage 7: print ─────────────────────────────────────────────────────────

/** One file of a build: the pages (A4 or A5), the imposed sheets, or the print-shop pages. */
export interface OutputFile {
  kind: 'pages' | 'imposed' | 'print';
  path: string;
  pdf: Uint8Array;
  /** PDF pages: booklet pages, or sides of sheets for the imposed file. */
  pageCount: number;
}

export interface PrintOptions {
  /** Output folder; default `<projectRoot>/out`. */
  outDir?: string;
  grayscale?: boolean;
  /** Also write a print-shop file (`-a4-print.pdf` / `-a5-print.pdf`) with this bleed, in points. */
  bleed?: number;
  /** Crop marks on the print-shop file (alone: a print-shop file without bleed). */
  cropMarks?: boolean;
}

/** The files of a build, in `<out>/<department>/`: the pages, then the imposed sheets and the print-shop file when asked. */
export async function printStage(sources: BookletSources, rendered: RenderedBooklet, format: OutputFormat, options: PrintOptions = {}): Promise<OutputFile[]> {
  const preset = presetFor(format);
  const { coverBand } = await import('./layout/booklet-layout.js');
  const id = sources.booklet.id;
  const folder = outputFolder(sources, options.outDir);
  const { pdf, date } = rendered;
  const files: OutputFile[] = [{ kind: 'pages', path: path.join(folder, `${id}-${preset.format}.pdf`), pdf, pageCount: rendered.pageCount }];
  if (format === 'a5-booklet') {
    const { imposeSaddleStitch } = await import('./print/impose.js');
    const { countPages } = await import('./print/padding.js');
    const imposed = await imposeSaddleStitch(pdf, { date });
    files.push({ kind: 'imposed', path: path.join(folder, `${id}-${format}.pdf`), pdf: imposed, pageCount: await countPages(imposed) });
  }
  if (options.bleed !== undefined || options.cropMarks) {
    const { addBleed } = await import('./print/bleed.js');
    const { grayColor } = await import('./pictograms/grayscale.js');
    const band = coverBand(preset);
    const backgrounds = [{ page: 1, ...band, color: options.grayscale ? grayColor(band.color) : band.color }];
    const print = await addBleed(pdf, { bleed: options.bleed ?? 0, cropMarks: options.cropMarks ?? false, backgrounds, date });
    files.push({ kind: 'print', path: path.join(folder, `${id}-${preset.format}-print.pdf`), pdf: print, pageCount: rendered.pageCount });
  }
  return files;
}

function outputFolder(sources: BookletSources, outDir: string | undefined): string {
  return path.join(path.resolve(outDir ?? path.join(sources.projectRoot, 'out')), sources.department.code);
}

/** The file named by the format: `<booklet>-a4.pdf`, or the imposed `<booklet>-a5-booklet.pdf`. */
function outputPathOf(sources: BookletSources, format: OutputFormat, outDir: string | undefined): string {
  return path.join(outputFolder(sources, outDir), `${sources.booklet.id}-${format}.pdf`);
}

/** Writes every file of a build, each atomically (temporary name, then rename). */
export async function writeBuildFiles(files: readonly OutputFile[]): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.pdf);
}

// ── HTML: the booklet as one accessible web page ───────────────────────────

/**
 * `livret build --format html`: the same Booklet model and prepared pictures
 * as the PDF (A4 sizes), written as one self-contained page instead of being
 * laid out in pages. Placed after the images stage; no PDF stage runs.
 */
export async function htmlStage(booklet: Booklet, images: PreparedImages): Promise<string> {
  const { bookletHtml } = await import('./html/booklet-html.js');
  return bookletHtml({ booklet, images: images.lookup });
}

export interface HtmlBuildOptions extends SourceOptions, ImageOptions {
  /** Output folder; default `<projectRoot>/out`. */
  outDir?: string;
  /** Write the file (default true); never when a rule of severity error fails. */
  write?: boolean;
}

export interface HtmlBuildResult {
  html: string;
  /** `<out>/<department>/<booklet>.html` */
  outputPath: string;
  /** The source and booklet rules (no PDF rule: there is no PDF). */
  report: CheckReport;
  written: boolean;
}

export async function buildHtml(options: HtmlBuildOptions = {}): Promise<HtmlBuildResult> {
  const sources = await loadSources(options);
  const booklet = modelStage(sources);
  const images = await imagesStage(sources, booklet, presetFor('a4'), options);
  const html = await htmlStage(booklet, images);
  const report = await checkStage({ sources, booklet, format: 'a4' });
  const outputPath = path.join(outputFolder(sources, options.outDir), `${sources.booklet.id}.html`);
  const written = options.write !== false && report.errorCount === 0;
  if (written) await writeFileAtomic(outputPath, Buffer.from(html, 'utf8'));
  return { html, outputPath, report, written };
}

// ── Entry points ───────────────────────────────────────────────────────────

export interface BuildOptions extends SourceOptions, ImageOptions, PrintOptions {
  format?: OutputFormat;
  /** Write the files (default true); never when a rule of severity error fails. */
  write?: boolean;
  /** Which rules run (default `all`); `content-loss` always runs. */
  checks?: CheckScope;
}

export interface BuildResult {
  /** The booklet's pages (A4, or A5 unimposed), as read back and checked. */
  pdf: Uint8Array;
  /** The file named by the format: `<booklet>-a4.pdf` or the imposed `<booklet>-a5-booklet.pdf`. */
  outputPath: string;
  pageCount: number;
  /** Every file of the build; written when `written` is true. */
  files: OutputFile[];
  format: OutputFormat;
  sentences: Sentence[];
  chapterFiles: string[];
  bookletDir: string;
  projectRoot: string;
  booklet: Booklet;
  sources: BookletSources;
  /** The pages as read back (the PDF rules read them). */
  readback: PdfReadback;
  pageGeometry: PageGeometry[] | undefined;
  pictures: PictureHighlightFacts[];
  /** Pictures drawn with sharp in this build, and pictures read from the cache. */
  imageStats: { processed: number; fromCache: number };
  /** The easy-read findings of this build (a lost sentence among them). */
  report: CheckReport;
  /** True when the files were written: `write` was not false and no rule of severity error failed. */
  written: boolean;
  /** When not written: the previous files renamed `<name>.ancien.pdf`, so that none passes for this build. */
  setAside: Array<{ from: string; to: string }>;
  /** The date written in the PDF (SOURCE_DATE_EPOCH, else the edition date, else now). */
  date: Date;
}

/**
 * `livret build`: every stage; the files are written only when the checks find
 * no error. A build that fails (findings of severity error, or bad input)
 * leaves no PDF at its output paths that could pass for the new one: the
 * previous files are renamed `<name>.ancien.pdf` (`setAside` says which).
 */
export async function buildBooklet(options: BuildOptions = {}): Promise<BuildResult> {
  const format = options.format ?? 'a4';
  try {
    const result = await buildStages(options, format);
    if (!result.written && options.write !== false) result.setAside = await setAsideStaleFiles(stalePaths(result.projectRoot, result.sources.booklet.id, result.sources.department.code, format, options.outDir));
    return result;
  } catch (error) {
    if (!(error instanceof LivretError) || options.write === false) throw error;
    const paths = await expectedPaths(options, format).catch(() => []);
    const moved = await setAsideStaleFiles(paths);
    if (moved.length === 0) throw error;
    const notes = moved.map((file) => new LivretError(t('build.oldRenamed', { file: path.basename(file.to) }), { file: displayPath(options.projectRoot ?? findProjectRoot(), file.from) }));
    throw new LivretError(error.message, error.location, error.exitCode, [...error.others, ...notes]);
  }
}

async function buildStages(options: BuildOptions, format: OutputFormat): Promise<BuildResult> {
  const grayscale = options.grayscale ?? false;
  const sources = await loadSources(options);
  const booklet = modelStage(sources);
  const images = await imagesStage(sources, booklet, presetFor(format), options);
  const rendered = await layoutAndRenderStage(sources, booklet, images, format, grayscale);
  const outputPath = outputPathOf(sources, format, options.outDir);
  const pdfPath = displayPath(sources.projectRoot, outputPath);
  const report = await checkStage({ sources, booklet, rendered, format, pdfPath, scope: options.checks });
  const files = await printStage(sources, rendered, format, options);
  const written = options.write !== false && report.errorCount === 0;
  if (written) await writeBuildFiles(files);
  return {
    pdf: rendered.pdf,
    outputPath,
    pageCount: rendered.pageCount,
    files,
    format,
    sentences: allSentences(booklet),
    chapterFiles: sources.chapters.map((chapter) => chapter.shown),
    bookletDir: sources.booklet.dir,
    projectRoot: sources.projectRoot,
    booklet,
    sources,
    readback: rendered.readback,
    pageGeometry: rendered.pageGeometry,
    pictures: rendered.pictures,
    imageStats: images.stats,
    report,
    written,
    setAside: [],
    date: rendered.date,
  };
}

/** Every file a build of `format` may have written before: the pages, the imposed sheets, the print-shop file. */
function stalePaths(projectRoot: string, id: string, code: string, format: OutputFormat, outDir: string | undefined): string[] {
  const folder = path.join(path.resolve(outDir ?? path.join(projectRoot, 'out')), code);
  const pages = presetFor(format).format;
  const names = [`${id}-${pages}.pdf`, `${id}-${pages}-print.pdf`, ...(format === 'a5-booklet' ? [`${id}-${format}.pdf`] : [])];
  return names.map((name) => path.join(folder, name));
}

/** The output paths of a build whose sources did not load: known when the booklet and the department are. */
async function expectedPaths(options: BuildOptions, format: OutputFormat): Promise<string[]> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const bookletId = options.booklet ?? (await defaultBooklet(projectRoot));
  const departmentCode = options.department ?? (await listDepartments(projectRoot))[0];
  return departmentCode ? stalePaths(projectRoot, bookletId, departmentCode, format, options.outDir) : [];
}

/** Renames each existing file `x.pdf` to `x.ancien.pdf` (replacing an older one). */
async function setAsideStaleFiles(paths: readonly string[]): Promise<Array<{ from: string; to: string }>> {
  const moved: Array<{ from: string; to: string }> = [];
  for (const from of paths) {
    const to = from.replace(/\.pdf$/, '.ancien.pdf');
    try {
      await rename(from, to);
      moved.push({ from, to });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return moved;
}

/**
 * The checks of `scope` on a build made earlier, for instance with
 * `checks: 'content-loss'` so that the live preview shows the pages before
 * the findings.
 */
export function checkBuild(result: BuildResult, scope: CheckScope = 'all'): Promise<CheckReport> {
  const rendered = { pdf: result.pdf, readback: result.readback, pageGeometry: result.pageGeometry, pictures: result.pictures, pageCount: result.pageCount, date: result.date };
  const pdfPath = displayPath(result.projectRoot, result.outputPath);
  return checkStage({ sources: result.sources, booklet: result.booklet, rendered, format: result.format, pdfPath, scope });
}

export interface CheckOptions extends SourceOptions {
  /** Page format to render and check; default a4. */
  format?: OutputFormat;
  /** Also render the PDF and run the rendered-PDF rules (default true). */
  pdf?: boolean;
}

/**
 * `livret check`: the easy-read rules on the sources, the model and (unless
 * `pdf: false`) the rendered PDF. Bad input throws a LivretError (exit 2);
 * findings are returned, never thrown.
 */
export async function checkBooklet(options: CheckOptions = {}): Promise<CheckReport> {
  const format = options.format ?? 'a4';
  const sources = await loadSources(options);
  const booklet = modelStage(sources);
  if (options.pdf === false) return checkStage({ sources, booklet, format });
  // No print stage: checking needs the pages, not the imposed sheets.
  const images = await imagesStage(sources, booklet, presetFor(format));
  const rendered = await layoutAndRenderStage(sources, booklet, images, format, false);
  const pdfPath = displayPath(sources.projectRoot, outputPathOf(sources, format, undefined));
  return checkStage({ sources, booklet, rendered, format, pdfPath });
}

/**
 * The first stages of `build --department all`, once for every department:
 * the sources and model of the first department (bad input: exit 2) and the
 * source rules, which do not depend on the department.
 */
export async function checkSourcesOnce(options: SourceOptions): Promise<CheckReport> {
  const sources = await loadSources(options);
  modelStage(sources);
  return sourceRulesStage(sources);
}
