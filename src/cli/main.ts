import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { previewCommand } from './commands/preview.js';
import { mergeCommand } from './commands/merge.js';
import { initDepartmentCommand } from './commands/init-department.js';
import { watchCommand } from './commands/watch.js';
import { importCommand } from './commands/import.js';

/** The `livret` command line: each command lives in ./commands and calls the library API. */
await yargs(hideBin(process.argv))
  .scriptName('livret')
  .usage('$0 <command> [options]\n\nEasy-read (FALC) PDF booklets and letters from Markdown.')
  .command(buildCommand)
  .command(checkCommand)
  .command(previewCommand)
  .command(mergeCommand)
  .command(initDepartmentCommand)
  .command(watchCommand)
  .command(importCommand)
  .demandCommand(1, 'Choose a command, for example: livret build')
  .strict()
  .fail((message, error, instance) => {
    if (error) throw error;
    instance.showHelp();
    process.stderr.write(`\nlivret: ${message}\n`);
    process.exit(2);
  })
  .help()
  .version()
  .parseAsync();
