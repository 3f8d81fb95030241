import path from 'node:path';
import type { CommandModule } from 'yargs';
import { t } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

interface PictosArguments {
  word: string;
  png?: string;
  limit: number;
}

/** `livret pictos <mot> [--png DIR]`: find the name to write in ::picto{name=…}. */
export const pictosCommand: CommandModule<object, PictosArguments> = {
  command: 'pictos <word>',
  describe: t('cli.pictos.describe'),
  builder: (yargs) =>
    yargs
      .positional('word', { type: 'string', demandOption: true, describe: t('cli.pictos.word') })
      .option('png', { type: 'string', describe: t('cli.pictos.png') })
      .option('limit', { type: 'number', default: 30, describe: t('cli.pictos.limit') }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const word = String(argv.word);
      const result = await livret.searchPictograms(word, { limit: argv.limit, pngDir: argv.png === undefined ? undefined : path.resolve(argv.png) });
      const lines: string[] = [];
      if (result.concepts.length === 0 && result.icons.length === 0) lines.push(t('cli.pictos.none', { word }));
      if (result.concepts.length > 0) {
        lines.push(t('cli.pictos.lexicon', { file: result.lexiconFile }));
        for (const concept of result.concepts) lines.push(`  ${concept.concept.padEnd(20)} ${concept.icon}   (${concept.words.join(', ')})`);
      }
      if (result.icons.length > 0) {
        lines.push(t('cli.pictos.icons'));
        for (const icon of result.icons) lines.push(`  ${icon}`);
        if (result.moreIcons > 0) lines.push(t('cli.pictos.more', { count: result.moreIcons, next: argv.limit + result.moreIcons }));
      }
      if (argv.png !== undefined) lines.push(t('cli.pictos.wrote', { count: result.pngFiles.length, folder: path.relative(process.cwd(), path.resolve(argv.png)) || '.' }));
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }),
};
