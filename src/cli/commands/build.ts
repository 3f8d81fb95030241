import path from 'node:path';
import type { CommandModule } from 'yargs';
import { buildBooklet, listDepartments, type OutputFormat } from '../../build.js';
import { findProjectRoot } from '../../paths.js';
import { runCommand } from '../run-command.js';

interface BuildArguments {
  booklet?: string;
  department: string;
  format: OutputFormat;
  grayscale: boolean;
  out: string;
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
      .option('out', { type: 'string', default: 'out', describe: 'Output folder' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const projectRoot = findProjectRoot();
      const departments = argv.department === 'all' ? await listDepartments(projectRoot) : [argv.department];
      for (const department of departments) {
        const result = await buildBooklet({
          projectRoot,
          booklet: argv.booklet,
          department,
          format: argv.format,
          grayscale: argv.grayscale,
          outDir: path.resolve(argv.out),
        });
        process.stdout.write(`${path.relative(process.cwd(), result.outputPath)}  ${result.pageCount} pages\n`);
      }
    }),
};
