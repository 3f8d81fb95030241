import path from 'node:path';
import type { CommandModule } from 'yargs';
import { buildBooklet, type OutputFormat } from '../../build.js';
import { buildAllDepartments, formatSummary } from '../../departments/build-all.js';
import { terminalProgress } from '../../departments/progress.js';
import { findProjectRoot } from '../../paths.js';
import { runCommand } from '../run-command.js';

interface BuildArguments {
  booklet?: string;
  department: string;
  format: OutputFormat;
  grayscale: boolean;
  out: string;
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
      .option('workers', { type: 'number', describe: 'With --department all: worker threads (default: 2, or 1 on one core)' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const projectRoot = findProjectRoot();
      const options = { projectRoot, booklet: argv.booklet, format: argv.format, grayscale: argv.grayscale, outDir: path.resolve(argv.out) };
      if (argv.department === 'all') {
        const result = await buildAllDepartments({ ...options, workers: argv.workers, onProgress: terminalProgress() });
        process.stdout.write(formatSummary(result));
        return result.exitCode;
      }
      const result = await buildBooklet({ ...options, department: argv.department });
      process.stdout.write(`${path.relative(process.cwd(), result.outputPath)}  ${result.pageCount} pages\n`);
      return 0;
    }),
};
