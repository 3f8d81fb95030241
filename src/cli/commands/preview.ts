import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { OutputFormat } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface PreviewArguments {
  booklet?: string;
  department?: string;
  format: OutputFormat;
  dpi: number;
  out: string;
}

export const previewCommand: CommandModule<object, PreviewArguments> = {
  command: 'preview [booklet]',
  describe: 'One PNG per page, a contact sheet and a proof report: out/<department>/preview/, out/<department>/<booklet>-report.html',
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: 'Booklet folder in content/ (default: the first one)' })
      .option('department', { type: 'string', describe: 'Department code (content/departments/<code>.yaml); default: the first one' })
      .option('format', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: 'Page format (a5-booklet: the A5 pages, before imposition)' })
      .option('dpi', { type: 'number', default: 96, describe: 'Resolution of the page pictures' })
      .option('out', { type: 'string', default: 'out', describe: 'Output folder' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      if (!(argv.dpi >= 20 && argv.dpi <= 600)) throw new livret.LivretError(`--dpi ${argv.dpi}: give a resolution between 20 and 600, for example 96`);
      const projectRoot = livret.findProjectRoot();
      const department = argv.department ?? (await livret.listDepartments(projectRoot))[0];
      const result = await livret.previewBooklet({ projectRoot, booklet: argv.booklet, department, format: argv.format, dpi: argv.dpi, outDir: path.resolve(argv.out) });
      const shown = (file: string) => path.relative(process.cwd(), file);
      process.stdout.write(`${shown(path.dirname(result.contactSheetPath))}/page-*.png  ${result.pageCount} pages\n`);
      process.stdout.write(`${shown(result.contactSheetPath)}\n${shown(result.reportPath)}\n`);
    }),
};
