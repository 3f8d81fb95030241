import type { CommandModule } from 'yargs';
import { DEFAULT_WATCH_PORT, type OutputFormat } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface WatchArguments {
  booklet?: string;
  department?: string;
  format: OutputFormat;
  port: number;
}

export const watchCommand: CommandModule<object, WatchArguments> = {
  command: 'watch [booklet]',
  describe: 'Aperçu en direct sur http://127.0.0.1 : les pages et leurs remarques, mises à jour à chaque enregistrement',
  builder: (yargs) =>
    yargs
      .positional('booklet', { type: 'string', describe: 'Dossier du livret dans content/ (par défaut : le premier)' })
      .option('department', { type: 'string', describe: 'Code du département (content/departments/<code>.yaml) ; par défaut : le premier' })
      .option('format', { choices: ['a4', 'a5-booklet'] as const, default: 'a4' as OutputFormat, describe: 'Format des pages (a5-booklet : les pages A5, avant imposition)' })
      .option('port', { type: 'number', default: DEFAULT_WATCH_PORT, describe: 'Port du serveur sur 127.0.0.1 (0 : un port libre)' }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      if (!(Number.isInteger(argv.port) && argv.port >= 0 && argv.port <= 65535)) {
        throw new livret.LivretError(`--port ${argv.port} : donnez un numéro de port de 0 (un port libre) à 65535, par exemple --port ${DEFAULT_WATCH_PORT}`);
      }
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const handle = await livret.watchBooklet({
        booklet: argv.booklet,
        department: argv.department,
        format: argv.format,
        port: argv.port,
        log,
        onInternalError: (error) => log(`livret: erreur interne, signalez-la avec cette trace :\n${String((error as Error).stack ?? error)}`),
      });
      process.stdout.write(`Aperçu en direct : ${handle.url}\nOuvrez cette adresse dans votre navigateur. Ctrl-C pour arrêter.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      log('Arrêt de l’aperçu…');
      await handle.close();
      return 0;
    }),
};
