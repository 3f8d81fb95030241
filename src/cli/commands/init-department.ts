import type { CommandModule } from 'yargs';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface InitDepartmentArgs {
  code: string;
  force: boolean;
}

/** `livret init-department CODE [--force]`: a starter department file to complete. */
export const initDepartmentCommand: CommandModule<object, InitDepartmentArgs> = {
  command: 'init-department <code>',
  describe: 'Write content/departments/<code>.yaml, pre-filled from INSEE, with TODO markers to complete',
  builder: (yargs) =>
    yargs
      .positional('code', { type: 'string', demandOption: true, describe: 'INSEE code of the département: 14, 2A, 974' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing department file' }),
  handler: (args) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const { shown } = await livret.initDepartment({ projectRoot: livret.findProjectRoot(), code: String(args.code), force: args.force });
      process.stdout.write(`wrote ${shown}\nComplete every TODO in it; \`livret check\` lists the ones left.\n`);
      return 0;
    }),
};
