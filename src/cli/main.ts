import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { currentLanguage, t } from '../index.js';
import { errorJson, explainParseFailure, unknownCommand, wantsJson } from './bad-input.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { previewCommand } from './commands/preview.js';
import { mergeCommand } from './commands/merge.js';
import { initDepartmentCommand } from './commands/init-department.js';
import { watchCommand } from './commands/watch.js';
import { importCommand } from './commands/import.js';
import { pictosCommand } from './commands/pictos.js';

/** The `livret` command line: each command lives in ./commands and calls the library API. French unless LIVRET_LANG=en. */
const commands = [buildCommand, checkCommand, previewCommand, mergeCommand, initDepartmentCommand, watchCommand, importCommand, pictosCommand].map((command) => command.command);
const args = hideBin(process.argv);

function badInput(line: string): never {
  if (wantsJson(args)) process.stdout.write(`${errorJson([{ message: line }], 2)}\n`);
  else process.stderr.write(`livret: ${line}\n${t('cli.seeHelp')}\n`);
  process.exit(2);
}

const names = commands.map((command) => String(command).split(' ')[0]!);
const unknown = unknownCommand(args, names);
if (unknown) badInput(unknown);

const parser = yargs(args);
await parser
  .scriptName('livret')
  .locale(currentLanguage())
  .usage(t('cli.usage'))
  .command(buildCommand)
  .command(checkCommand)
  .command(previewCommand)
  .command(mergeCommand)
  .command(initDepartmentCommand)
  .command(watchCommand)
  .command(importCommand)
  .command(pictosCommand)
  .demandCommand(1, t('cli.demandCommand'))
  .strict()
  .fail((message, error) => {
    if (error) throw error;
    // The parser's options at the time of the failure: those of the command being run.
    const options = Object.keys((parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
    badInput(explainParseFailure(message, options));
  })
  .help()
  .version()
  .parseAsync();
