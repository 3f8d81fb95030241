import type { CommandModule } from 'yargs';
import type { OutputFormat } from '../../index.js';
import { t } from '../../index.js';
import { loadLibrary } from '../library.js';
import { findingOptions, maxWarningsOf, tooManyWarnings, type FindingArguments } from '../finding-options.js';
import { runCommand } from '../run-command.js';

interface CheckArguments extends FindingArguments {
  booklet?: string;
  department?: string;
  format: 'stylish' | 'json';
  paper: OutputFormat;
  pdf: boolean;
}

export const checkCommand: CommandModule<object, CheckArguments> = {
  command: 'check [booklet]',
  describe: t('cli.check.describe'),
  builder: (yargs) =>
    findingOptions(
      yargs
        .positional('booklet', { type: 'string', describe: t('cli.opt.booklet') })
        .option('department', { type: 'string', describe: t('cli.check.department') })
        .option('format', { choices: ['stylish', 'json'] as const, default: 'stylish' as const, describe: t('cli.check.format') })
        .option('paper', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: t('cli.check.paper') })
        .option('pdf', { type: 'boolean', default: true, describe: t('cli.check.pdf') }),
    ) as never,
  handler: (argv) =>
    runCommand(
      async () => {
        const livret = await loadLibrary();
        const maxWarnings = maxWarningsOf(argv);
        const report = await livret.checkBooklet({ booklet: argv.booklet, department: argv.department, format: argv.paper, pdf: argv.pdf });
        const shown = argv.quiet ? livret.errorsOnly(report) : report;
        const output = argv.format === 'json' ? livret.formatJson(shown) : livret.formatStylish(shown, { color: process.stdout.isTTY === true });
        // --quiet with warnings only prints nothing, as ESLint does: "aucun problème" would not be true.
        const silent = argv.quiet && argv.format !== 'json' && shown.findings.length === 0 && report.warningCount > 0;
        if (!silent) process.stdout.write(`${output}\n`);
        const code = livret.exitCodeOf(report, { maxWarnings });
        if (argv.format !== 'json') tooManyWarnings(report, maxWarnings);
        return code;
      },
      { json: argv.format === 'json' },
    ),
};
