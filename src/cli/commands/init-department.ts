import type { CommandModule } from 'yargs';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';
import { t } from '../../index.js';

interface InitDepartmentArgs {
  code: string;
  force: boolean;
}

/** `livret init-department CODE [--force]`: a starter department file to complete. */
export const initDepartmentCommand: CommandModule<object, InitDepartmentArgs> = {
  command: 'init-department <code>',
  describe: t('cli.init.describe'),
  builder: (yargs) =>
    yargs
      .positional('code', { type: 'string', demandOption: true, describe: t('cli.init.code') })
      .option('force', { type: 'boolean', default: false, describe: t('cli.init.force') }),
  handler: (args) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const { shown } = await livret.initDepartment({ projectRoot: livret.findProjectRoot(), code: String(args.code), force: args.force });
      process.stdout.write(`${t('cli.init.wrote', { file: shown })}\n`);
      return 0;
    }),
};
