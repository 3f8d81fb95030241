import path from 'node:path';
import type { CommandModule } from 'yargs';
import { buildBooklet, listDepartments, type OutputFile, type OutputFormat } from '../../build.js';
import { LivretError } from '../../errors.js';
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
      .option('crop-marks', { type: 'boolean', default: false, describe: 'Crop marks on the print-shop file' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const projectRoot = findProjectRoot();
      const bleed = argv.bleed === undefined ? undefined : parseLength(argv.bleed);
      if (argv.bleed !== undefined && bleed === undefined) {
        throw new LivretError(`--bleed ${argv.bleed} is not a length: give one such as 3mm, 0.125in or 8.5pt`);
      }
      const departments = argv.department === 'all' ? await listDepartments(projectRoot) : [argv.department];
      for (const department of departments) {
        const result = await buildBooklet({
          projectRoot,
          booklet: argv.booklet,
          department,
          format: argv.format,
          grayscale: argv.grayscale,
          outDir: path.resolve(argv.out),
          bleed,
          cropMarks: argv.cropMarks,
        });
        for (const file of result.files) process.stdout.write(`${path.relative(process.cwd(), file.path)}  ${describeFile(file)}\n`);
      }
    }),
};

function describeFile(file: OutputFile): string {
  if (file.kind === 'imposed') return `${file.pageCount / 2} sheets (${file.pageCount} sides), A4 landscape, duplex short-edge`;
  return `${file.pageCount} pages${file.kind === 'print' ? ' for the print shop (TrimBox and BleedBox set)' : ''}`;
}
