import type { CommandModule } from 'yargs';
import type { OutputFormat } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface CheckArguments {
  booklet?: string;
  department?: string;
  format: 'stylish' | 'json';
  paper: OutputFormat;
  pdf: boolean;
}

export const checkCommand: CommandModule<object, CheckArguments> = {
  command: 'check [booklet]',
  describe: 'Check the easy-read rules on the sources and on the rendered PDF',
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: 'Booklet folder in content/ (default: the first one)' })
      .option('department', { type: 'string', describe: 'Department whose data fills the PDF (default: the first one)' })
      .option('format', { choices: ['stylish', 'json'] as const, default: 'stylish' as const, describe: 'Output format of the findings' })
      .option('paper', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: 'Page format of the PDF to check' })
      .option('pdf', { type: 'boolean', default: true, describe: 'Render the PDF and check it (--no-pdf: sources only)' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const report = await livret.checkBooklet({ booklet: argv.booklet, department: argv.department, format: argv.paper, pdf: argv.pdf });
      const output = argv.format === 'json' ? livret.formatJson(report) : livret.formatStylish(report, { color: process.stdout.isTTY === true });
      process.stdout.write(`${output}\n`);
      return livret.exitCodeOf(report);
    }),
};
