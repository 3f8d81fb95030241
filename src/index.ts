/**
 * livret's library API. The CLI (src/cli) is a thin shell over these calls
 * and imports nothing else. Importing this module is cheap: each entry point
 * loads its stages (pdfmake, sharp, pdf-lib, pdfjs …) when it is first
 * called, so `livret --help` or `livret init-department` never pay for a PDF
 * engine. The pipeline and its stages are in ./pipeline.ts.
 */

type AsyncKeys<M> = { [K in keyof M]: M[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof M];

/** `name` of the module `load` gives, loaded at its first call. */
function lazy<M, K extends AsyncKeys<M>>(load: () => Promise<M>, name: K): M[K] {
  const call = async (...args: unknown[]): Promise<unknown> => {
    const entry = (await load())[name] as unknown as (...given: unknown[]) => Promise<unknown>;
    return entry(...args);
  };
  return call as unknown as M[K];
}

const pipeline = () => import('./pipeline.js');
const departments = () => import('./departments/build-all.js');
const letters = () => import('./letters/merge.js');

// The pipeline (sources → model → images → layout/render → checks → print).
export const buildBooklet = lazy(pipeline, 'buildBooklet');
export const checkBooklet = lazy(pipeline, 'checkBooklet');
export const buildHtml = lazy(pipeline, 'buildHtml');
export const loadSources = lazy(pipeline, 'loadSources');
export const listDepartments = lazy(pipeline, 'listDepartments');
export type {
  BookletSources,
  BuildOptions,
  BuildResult,
  CheckOptions,
  CheckScope,
  HtmlBuildOptions,
  HtmlBuildResult,
  OutputFile,
  OutputFormat,
  RenderedBooklet,
} from './pipeline.js';
export type { Booklet } from './model/booklet.js';

// Every department, previews, letters, starter department files.
export const buildAllDepartments = lazy(departments, 'buildAllDepartments');
export type { AllDepartmentsResult, BuildAllOptions, BuildProgress } from './departments/build-all.js';
export const previewBooklet = lazy(() => import('./preview/preview-booklet.js'), 'previewBooklet');
export type { PreviewOptions, PreviewResult } from './preview/preview-booklet.js';
export const mergeLetters = lazy(letters, 'mergeLetters');
export const checkRecipients = lazy(letters, 'checkRecipients');
export type { MergeOptions, MergeProgress, MergeResult, Manifest, Shard, RecipientsCheck } from './letters/merge.js';
export { DEFAULT_BATCH_SIZE, parseShard, parseWholeNumber } from './letters/merge-options.js';
export const initDepartment = lazy(() => import('./departments/init-department.js'), 'initDepartment');
export const loadDepartment = lazy(() => import('./content/load-department.js'), 'loadDepartment');
export type { Department, Agency, OpeningHours } from './content/department-schema.js';

// Live preview and Word import.
export const watchBooklet = lazy(() => import('./watch/watch-booklet.js'), 'watchBooklet');
export type { WatchOptions, WatchHandle } from './watch/watch-booklet.js';
export { DEFAULT_WATCH_PORT } from './watch/defaults.js';
export const importDocx = lazy(() => import('./import/import-docx.js'), 'importDocx');
export type { ImportOptions, ImportResult } from './import/import-docx.js';

// Finding a pictogram.
export const searchPictograms = lazy(() => import('./pictograms/search.js'), 'searchPictograms');
export type { PictogramSearchOptions, PictogramSearchResult } from './pictograms/search.js';

// PDF tools.
export const readPdf = lazy(() => import('./verify/read-pdf.js'), 'readPdf');
export type { PdfReadback } from './verify/read-pdf.js';
export const imposeSaddleStitch = lazy(() => import('./print/impose.js'), 'imposeSaddleStitch');
export const addBleed = lazy(() => import('./print/bleed.js'), 'addBleed');

// Light helpers, loaded with this module.
export { LivretError, EXIT_OK, EXIT_RULES_FAILED, EXIT_BAD_INPUT, isLivretError } from './errors.js';
export { findProjectRoot } from './paths.js';
export { parseLength } from './print/units.js';
export { errorsOnly, exitCodeOf, makeReport, mergeReports, type CheckReport, type Finding } from './check/report.js';
export { t, currentLanguage, setLanguage, type Language } from './i18n/index.js';
export { suggestName } from './i18n/suggest.js';
export { formatJson, formatStylish } from './check/reporters.js';
export { formatSummary } from './departments/summary.js';
export { terminalProgress } from './departments/progress.js';

