import path from 'node:path';
import type { CommandModule } from 'yargs';
import { loadBookletModel, type OutputFile, type OutputFormat } from '../../build.js';
import { buildCheckedBooklet, loadBookletCheckConfig } from '../../check/check-booklet.js';
import { checkChapterFiles } from '../../check/check-sources.js';
import type { CheckReport } from '../../check/report.js';
import { formatStylish } from '../../check/reporters.js';
import { loadBookletSource } from '../../content/booklet-config.js';
import { buildAllDepartments, formatSummary } from '../../departments/build-all.js';
import { terminalProgress } from '../../departments/progress.js';
import { EXIT_RULES_FAILED, LivretError } from '../../errors.js';
import { findProjectRoot } from '../../paths.js';
import { parseLength } from '../../print/units.js';
import { runCommand } from '../run-command.js';

interface BuildArguments {
  booklet?: string;
  department: string;
  format: OutputFormat;
  grayscale: boolean;
  out: string;
  bleed?: string;
  cropMarks: boolean;
  workers?: number;
}

export const buildCommand: CommandModule<object, BuildArguments> = {
  command: 'build [booklet]',
  describe: 'Build the booklet PDF: out/<department>/<booklet>-<format>.pdf',
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: 'Booklet folder in content/ (default: the first one)' })
      .option('department', { type: 'string', default: 'all', describe: 'Department code (content/departments/<code>.yaml), or "all"' })
      .option('format', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: 'Page format' })
      .option('grayscale', { type: 'boolean', default: false, describe: 'Gray pictures for black-and-white printers' })
      .option('out', { type: 'string', default: 'out', describe: 'Output folder' })
      .option('bleed', { type: 'string', describe: 'Also write a print-shop file <booklet>-<a4|a5>-print.pdf with this bleed, e.g. 3mm' })
      .option('crop-marks', { type: 'boolean', default: false, describe: 'Crop marks on the print-shop file' })
      .option('workers', { type: 'number', describe: 'With --department all: worker threads (default: 2, or 1 on one core)' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const projectRoot = findProjectRoot();
      const bleed = argv.bleed === undefined ? undefined : parseLength(argv.bleed);
      if (argv.bleed !== undefined && bleed === undefined) {
        throw new LivretError(`--bleed ${argv.bleed} is not a length: give one such as 3mm, 0.125in or 8.5pt`);
      }
      const options = {
        projectRoot,
        booklet: argv.booklet,
        format: argv.format,
        grayscale: argv.grayscale,
        outDir: path.resolve(argv.out),
        bleed,
        cropMarks: argv.cropMarks,
      };
      const config = await loadBookletCheckConfig(projectRoot, argv.booklet);
      if (argv.department === 'all') {
        // Bad input in the chapters (exit 2) comes before easy-read findings (exit 1);
        // the source rules run once here, the model and PDF rules in each worker.
        const source = await loadBookletSource(projectRoot, argv.booklet);
        await loadBookletModel(projectRoot, source);
        const sourceReport = await checkChapterFiles(projectRoot, source.chapterFiles, config);
        printFindings(sourceReport);
        if (sourceReport.errorCount > 0) return EXIT_RULES_FAILED;
        const result = await buildAllDepartments({ ...options, workers: argv.workers, onProgress: terminalProgress() });
        process.stdout.write(formatSummary(result, process.cwd(), describeFile));
        return result.exitCode;
      }
      const { result, report, written } = await buildCheckedBooklet({ ...options, department: argv.department }, { config });
      printFindings(report);
      if (!written) return EXIT_RULES_FAILED;
      for (const file of result.files) process.stdout.write(`${path.relative(process.cwd(), file.path)}  ${describeFile(file)}\n`);
      return 0;
    }),
};

function printFindings(report: CheckReport): void {
  if (report.findings.length > 0) process.stderr.write(`${formatStylish(report, { color: process.stderr.isTTY === true })}\n`);
}

function describeFile(file: Pick<OutputFile, 'kind' | 'pageCount'>): string {
  if (file.kind === 'imposed') return `${file.pageCount / 2} sheets (${file.pageCount} sides), A4 landscape, duplex short-edge`;
  return `${file.pageCount} pages${file.kind === 'print' ? ' for the print shop (TrimBox and BleedBox set)' : ''}`;
}
