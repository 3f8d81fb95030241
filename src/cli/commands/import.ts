import type { CommandModule } from 'yargs';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface ImportArguments {
  file: string;
  booklet?: string;
  force: boolean;
}

export const importCommand: CommandModule<object, ImportArguments> = {
  command: 'import <file>',
  describe: 'Commencer un livret depuis un document Word (.docx) : un chapitre par « Titre 1 », ses images dans assets/screenshots/',
  builder: (yargs) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'Le document Word (.docx)' })
      .option('booklet', { type: 'string', describe: 'Nom du dossier du livret dans content/ (par défaut : tiré du nom du fichier)' })
      .option('force', { type: 'boolean', default: false, describe: 'Remplacer un livret qui existe déjà sous ce nom' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const result = await livret.importDocx({ file: argv.file, booklet: argv.booklet, force: argv.force });
      process.stdout.write(`${result.summary}\n`);
    }),
};
