import path from 'node:path';
import { buildBooklet, loadBookletModel, writeBuildFiles, type BuildOptions, type BuildResult, type OutputFormat } from '../build.js';
import { loadBookletSource } from '../content/booklet-config.js';
import { EXIT_RULES_FAILED, isLivretError } from '../errors.js';
import { displayPath, findProjectRoot } from '../paths.js';
import { checkModel } from './check-model.js';
import { checkPdf, layoutFactsFor } from './check-pdf.js';
import { checkChapterFiles } from './check-sources.js';
import { loadCheckConfig, type CheckConfig } from './config.js';
import { makeReport, mergeReports, type CheckReport } from './report.js';

export interface CheckOptions {
  /** Project folder; default: found from the current directory. */
  projectRoot?: string;
  /** Booklet folder name under content/; default: the first one. */
  booklet?: string;
  /** Department whose data fills the variables of the rendered PDF; default: the first one. */
  department?: string;
  /** Page format to render and check; default a4. */
  format?: OutputFormat;
  /** Also render the PDF and run the rendered-PDF rules (default true). */
  pdf?: boolean;
}

/** The configuration for one booklet: livret.config.yaml, then the booklet's `check:` section. */
export async function loadBookletCheckConfig(projectRoot: string, booklet: string | undefined): Promise<CheckConfig> {
  const source = await loadBookletSource(projectRoot, booklet);
  return loadCheckConfig(projectRoot, source.config.check, displayPath(projectRoot, path.join(source.dir, 'booklet.yaml')));
}

/**
 * `livret check`: the easy-read rules on the Markdown sources, then on the
 * rendered PDF read back. Bad input (a YAML error, a missing file) throws a
 * LivretError (exit 2); rule findings are returned, never thrown.
 */
export async function checkBooklet(options: CheckOptions = {}): Promise<CheckReport> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const source = await loadBookletSource(projectRoot, options.booklet);
  const config = await loadCheckConfig(projectRoot, source.config.check, displayPath(projectRoot, path.join(source.dir, 'booklet.yaml')));
  const sourceReport = await checkChapterFiles(projectRoot, source.chapterFiles, config);
  if (options.pdf === false) {
    // No PDF: the booklet rules still run on the model (pictures, department TODOs).
    const booklet = await loadBookletModel(projectRoot, source, options.department);
    return mergeReports(sourceReport, await checkModel(booklet, projectRoot, config));
  }
  let result: BuildResult;
  try {
    result = await buildBooklet({ projectRoot, booklet: source.id, department: options.department, format: options.format ?? 'a4', write: false });
  } catch (error) {
    // The build refuses a PDF that lost sentences (exit 1): report it as the content-loss rule would.
    if (isLivretError(error) && error.exitCode === EXIT_RULES_FAILED && error.location) {
      const lost = makeReport([
        {
          file: error.location.file,
          line: error.location.line ?? null,
          column: error.location.column ?? null,
          rule: 'content-loss',
          severity: 'error',
          message: error.message,
        },
      ]);
      return mergeReports(sourceReport, lost);
    }
    throw error;
  }
  return mergeReports(sourceReport, await checkBuiltBooklet(result, { config, sources: false }));
}

export interface BuiltCheckOptions {
  /** Settings to use; default: livret.config.yaml and the booklet's `check:` section. */
  config?: CheckConfig;
  /** Also run the source rules on the booklet's chapters (default true). */
  sources?: boolean;
}

/**
 * The checks `livret build` runs on what it has just built: the source rules
 * on `result.chapterFiles`, the booklet rules on the model and the department
 * file, and the rendered-PDF rules on `result.pdf`.
 */
export async function checkBuiltBooklet(result: BuildResult, options: BuiltCheckOptions = {}): Promise<CheckReport> {
  const config = options.config ?? (await loadBookletCheckConfig(result.projectRoot, path.basename(result.bookletDir)));
  const reports: CheckReport[] = [];
  if (options.sources !== false) reports.push(await checkChapterFiles(result.projectRoot, result.chapterFiles, config));
  reports.push(await checkModel(result.booklet, result.projectRoot, config));
  const { readback } = result;
  reports.push(
    await checkPdf(
      {
        readback,
        pdfPath: displayPath(result.projectRoot, result.outputPath),
        format: result.format,
        pageCount: result.pageCount,
        sentences: result.sentences,
        layout: layoutFactsFor(result.format),
      },
      config,
    ),
  );
  return mergeReports(...reports);
}

export interface CheckedBuild {
  result: BuildResult;
  report: CheckReport;
  /** False when a rule of severity error failed (or `write: false`): no file was written. */
  written: boolean;
}

/**
 * `livret build`: build, run the easy-read checks on the result, and write
 * the files only when no rule of severity error fails.
 */
export async function buildCheckedBooklet(options: BuildOptions, checks: BuiltCheckOptions = {}): Promise<CheckedBuild> {
  const result = await buildBooklet({ ...options, write: false });
  const report = await checkBuiltBooklet(result, checks);
  const written = report.errorCount === 0 && options.write !== false;
  if (written) await writeBuildFiles(result.files);
  return { result, report, written };
}
