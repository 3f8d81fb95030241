// Runs `livret merge` exactly as src/cli/main.ts does, with only the merge
// command registered (tests spawn it to capture stdout and stderr).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { mergeCommand } from '../../src/cli/commands/merge.js';

await yargs(hideBin(process.argv)).scriptName('livret').command(mergeCommand).demandCommand(1).strict().help().parseAsync();
