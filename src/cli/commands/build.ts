import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { CheckReport, OutputFile, OutputFormat } from '../../index.js';
import { loadLibrary, type Library } from '../library.js';
import { runCommand } from '../run-command.js';

interface BuildArguments {
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
  describe: 'Build the booklet PDF: out/<department>/<booklet>-<format>.pdf (or the web page out/<department>/<booklet>.html)',
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: 'Booklet folder in content/ (default: the first one)' })
      .option('department', { type: 'string', default: 'all', describe: 'Department code (content/departments/<code>.yaml), or "all"' })
      .option('format', { choices: ['a4', 'a5-booklet', 'html'] as const, default: 'a4' as OutputFormat | 'html', describe: 'Page format, or html: one accessible web page' })
      .option('grayscale', { type: 'boolean', default: false, describe: 'Gray pictures for black-and-white printers' })
      .option('out', { type: 'string', default: 'out', describe: 'Output folder' })
      .option('bleed', { type: 'string', describe: 'Also write a print-shop file <booklet>-<a4|a5>-print.pdf with this bleed, e.g. 3mm' })
      .option('crop-marks', { type: 'boolean', default: false, describe: 'Crop marks on the print-shop file' })
      .option('workers', { type: 'number', describe: 'With --department all: worker threads (default: 2, or 1 on one core)' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      if (argv.format === 'html') return buildWebPages(livret, argv);
      const bleed = argv.bleed === undefined ? undefined : livret.parseLength(argv.bleed);
      if (argv.bleed !== undefined && bleed === undefined) {
        throw new livret.LivretError(`--bleed ${argv.bleed} is not a length: give one such as 3mm, 0.125in or 8.5pt`);
      }
      const options = {
        projectRoot: livret.findProjectRoot(),
        booklet: argv.booklet,
        format: argv.format as OutputFormat,
        grayscale: argv.grayscale,
        outDir: path.resolve(argv.out),
        bleed,
        cropMarks: argv.cropMarks,
      };
      if (argv.department === 'all') {
        const result = await livret.buildAllDepartments({ ...options, workers: argv.workers, onProgress: livret.terminalProgress() });
        printFindings(livret.formatStylish, result.sourceReport);
        if (result.sourceReport.errorCount > 0) return livret.EXIT_RULES_FAILED;
        process.stdout.write(livret.formatSummary(result, process.cwd(), describeFile));
        return result.exitCode;
      }
      const result = await livret.buildBooklet({ ...options, department: argv.department });
      printFindings(livret.formatStylish, result.report);
      if (!result.written) return livret.EXIT_RULES_FAILED;
      for (const file of result.files) process.stdout.write(`${path.relative(process.cwd(), file.path)}  ${describeFile(file)}\n`);
      return 0;
    }),
};

/** `--format html`: one web page per department, from the same model as the PDF. */
async function buildWebPages(livret: Library, argv: BuildArguments): Promise<number> {
  const projectRoot = livret.findProjectRoot();
  const departments = argv.department === 'all' ? await livret.listDepartments(projectRoot) : [argv.department];
  let exitCode = 0;
  for (const department of departments) {
    const result = await livret.buildHtml({ projectRoot, booklet: argv.booklet, department, outDir: path.resolve(argv.out) });
    printFindings(livret.formatStylish, result.report);
    if (!result.written) exitCode = livret.EXIT_RULES_FAILED;
    else process.stdout.write(`${path.relative(process.cwd(), result.outputPath)}  web page\n`);
  }
  return exitCode;
}

function printFindings(formatStylish: (report: CheckReport, options: { color: boolean }) => string, report: CheckReport): void {
  if (report.findings.length > 0) process.stderr.write(`${formatStylish(report, { color: process.stderr.isTTY === true })}\n`);
}

function describeFile(file: Pick<OutputFile, 'kind' | 'pageCount'>): string {
  if (file.kind === 'imposed') return `${file.pageCount / 2} sheets (${file.pageCount} sides), A4 landscape, duplex short-edge`;
  return `${file.pageCount} pages${file.kind === 'print' ? ' for the print shop (TrimBox and BleedBox set)' : ''}`;
}
