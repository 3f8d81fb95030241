import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { OutputFormat } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';
import { t } from '../../index.js';

interface PreviewArguments {
  booklet?: string;
  department?: string;
  format: OutputFormat;
  dpi: number;
  out: string;
}

export const previewCommand: CommandModule<object, PreviewArguments> = {
  command: 'preview [booklet]',
  describe: t('cli.preview.describe'),
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: t('cli.opt.booklet') })
      .option('department', { type: 'string', describe: t('cli.preview.department') })
      .option('format', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: t('cli.preview.format') })
      .option('dpi', { type: 'number', default: 96, describe: t('cli.preview.dpi') })
      .option('out', { type: 'string', default: 'out', describe: t('cli.opt.out') }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      if (!(argv.dpi >= 20 && argv.dpi <= 600)) throw new livret.LivretError(t('cli.dpi', { value: String(argv.dpi) }));
      const projectRoot = livret.findProjectRoot();
      const department = argv.department ?? (await livret.listDepartments(projectRoot))[0];
      const result = await livret.previewBooklet({ projectRoot, booklet: argv.booklet, department, format: argv.format, dpi: argv.dpi, outDir: path.resolve(argv.out) });
      const shown = (file: string) => path.relative(process.cwd(), file);
      process.stdout.write(`${t('cli.previewPages', { pattern: `${shown(path.dirname(result.contactSheetPath))}/page-*.png`, count: result.pageCount })}\n`);
      process.stdout.write(`${shown(result.contactSheetPath)}\n${shown(result.reportPath)}\n`);
    }),
};
