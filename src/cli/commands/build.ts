import path from 'node:path';
import type { CommandModule } from 'yargs';
import { t, type BuildResult, type CheckReport, type OutputFile, type OutputFormat } from '../../index.js';
import { findingOptions, maxWarningsOf, tooManyWarnings, type FindingArguments } from '../finding-options.js';
import { loadLibrary, type Library } from '../library.js';
import { runCommand } from '../run-command.js';

interface BuildArguments extends FindingArguments {
  booklet?: string;
  department: string;
  format: OutputFormat | 'html';
  grayscale: boolean;
  out: string;
  bleed?: string;
  cropMarks: boolean;
  workers?: number;
}

export const buildCommand: CommandModule<object, BuildArguments> = {
  command: 'build [booklet]',
  describe: t('cli.build.describe'),
  builder: (yargs) =>
    findingOptions(
      yargs
        .positional('booklet', { type: 'string', describe: t('cli.opt.booklet') })
        .option('department', { type: 'string', default: 'all', describe: t('cli.build.department') })
        .option('format', { choices: ['a4', 'a5-booklet', 'html'] as const, default: 'a4' as OutputFormat | 'html', describe: t('cli.build.format') })
        .option('grayscale', { type: 'boolean', default: false, describe: t('cli.build.grayscale') })
        .option('out', { type: 'string', default: 'out', describe: t('cli.opt.out') })
        .option('bleed', { type: 'string', describe: t('cli.build.bleed') })
        .option('crop-marks', { type: 'boolean', default: false, describe: t('cli.build.cropMarks') })
        .option('workers', { type: 'number', describe: t('cli.build.workers') }),
    ) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const maxWarnings = maxWarningsOf(argv);
      if (argv.format === 'html') return buildWebPages(livret, argv);
      const bleed = argv.bleed === undefined ? undefined : livret.parseLength(argv.bleed);
      if (argv.bleed !== undefined && bleed === undefined) throw new livret.LivretError(t('cli.bleedNotLength', { value: argv.bleed }));
      const options = {
        projectRoot: livret.findProjectRoot(),
        booklet: argv.booklet,
        format: argv.format as OutputFormat,
        grayscale: argv.grayscale,
        outDir: path.resolve(argv.out),
        bleed,
        cropMarks: argv.cropMarks,
      };
      const show = (report: CheckReport) => printFindings(livret, argv.quiet ? livret.errorsOnly(report) : report);
      if (argv.department === 'all') {
        const result = await livret.buildAllDepartments({ ...options, workers: argv.workers, onProgress: livret.terminalProgress() });
        show(result.sourceReport);
        if (result.sourceReport.errorCount > 0) return livret.EXIT_RULES_FAILED;
        process.stdout.write(livret.formatSummary(result, process.cwd(), describeFile));
        return result.exitCode;
      }
      const result = await livret.buildBooklet({ ...options, department: argv.department });
      show(result.report);
      if (!result.written) {
        reportNotWritten(result);
        return livret.EXIT_RULES_FAILED;
      }
      for (const file of result.files) process.stdout.write(`${path.relative(process.cwd(), file.path)}  ${describeFile(file)}\n`);
      tooManyWarnings(result.report, maxWarnings);
      return livret.exitCodeOf(result.report, { maxWarnings });
    }),
};

/** `--format html`: one web page per department, from the same model as the PDF. */
async function buildWebPages(livret: Library, argv: BuildArguments): Promise<number> {
  const projectRoot = livret.findProjectRoot();
  const departments = argv.department === 'all' ? await livret.listDepartments(projectRoot) : [argv.department];
  let exitCode = 0;
  for (const department of departments) {
    const result = await livret.buildHtml({ projectRoot, booklet: argv.booklet, department, outDir: path.resolve(argv.out) });
    printFindings(livret, result.report);
    if (!result.written) exitCode = livret.EXIT_RULES_FAILED;
    else process.stdout.write(`${path.relative(process.cwd(), result.outputPath)}  ${t('build.webPage')}\n`);
  }
  return exitCode;
}

function printFindings(livret: { formatStylish: (report: CheckReport, options: { color: boolean }) => string }, report: CheckReport): void {
  if (report.findings.length > 0) process.stderr.write(`${livret.formatStylish(report, { color: process.stderr.isTTY === true })}\n`);
}

/** No PDF written: say so, and where the previous one went. */
function reportNotWritten(result: BuildResult): void {
  process.stderr.write(`livret: ${t('build.notWritten')}\n`);
  for (const file of result.setAside) {
    process.stderr.write(`livret: ${path.relative(process.cwd(), file.from)}: ${t('build.oldRenamed', { file: path.basename(file.to) })}\n`);
  }
}

function describeFile(file: Pick<OutputFile, 'kind' | 'pageCount'>): string {
  if (file.kind === 'imposed') return t('build.fileDescription.imposed', { sheets: file.pageCount / 2, sides: file.pageCount });
  return t(file.kind === 'print' ? 'build.fileDescription.print' : 'build.fileDescription.pages', { count: file.pageCount });
}
