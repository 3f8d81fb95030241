import { createRequire } from 'node:module';
import path from 'node:path';
import type CliProgress from 'cli-progress';
import type { CommandModule } from 'yargs';
import { DEFAULT_BATCH_SIZE, type MergeProgress } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';
import { t } from '../../index.js';

interface MergeArguments {
  letter: string;
  recipients: string;
  department: string;
  out: string;
  'batch-size': string;
  shard?: string;
  resume: boolean;
  date?: string;
  workers?: string;
}

export const mergeCommand: CommandModule<object, MergeArguments> = {
  command: 'merge',
  describe: t('cli.merge.describe'),
  builder: (yargs) =>
    yargs
      .option('letter', { type: 'string', demandOption: true, describe: t('cli.merge.letter') })
      .option('recipients', { type: 'string', demandOption: true, describe: t('cli.merge.recipients') })
      .option('department', { type: 'string', demandOption: true, describe: t('cli.merge.department') })
      .option('out', { type: 'string', default: 'out', describe: t('cli.opt.out') })
      .option('batch-size', { type: 'string', default: String(DEFAULT_BATCH_SIZE), describe: t('cli.merge.batchSize') })
      .option('shard', { type: 'string', describe: t('cli.merge.shard') })
      .option('resume', { type: 'boolean', default: false, describe: t('cli.merge.resume') })
      .option('date', { type: 'string', describe: t('cli.merge.date') })
      .option('workers', { type: 'string', describe: t('cli.merge.workers') }) as never,
  handler: (argv) =>
    runCommand(async () => {
      const livret = await loadLibrary();
      const { parseShard, parseWholeNumber } = livret;
      const progress = progressBar();
      const result = await livret.mergeLetters({
        projectRoot: livret.findProjectRoot(),
        // Paths as the user wrote them, so that messages name them the same way.
        letter: argv.letter,
        recipients: argv.recipients,
        department: argv.department,
        out: path.resolve(argv.out),
        // Whole numbers checked as typed: yargs would turn "abc" into NaN.
        batchSize: parseWholeNumber('--batch-size', argv['batch-size']),
        shard: argv.shard === undefined ? undefined : parseShard(argv.shard),
        resume: argv.resume,
        date: argv.date,
        workers: argv.workers === undefined ? undefined : parseWholeNumber('--workers', argv.workers),
        onProgress: progress.update,
      }).finally(progress.stop);
      const { manifest } = result;
      // Counts and paths only: never a name, an address or a code.
      process.stdout.write(
        `${t('cli.mergeSummary', {
          folder: path.relative(process.cwd(), result.runDirectory),
          letters: manifest.letters_written,
          files: manifest.batches.length,
          rejected: manifest.rows_rejected,
          read: manifest.rows_read,
        })}\n`,
      );
    }),
};

/** A progress bar on a terminal (stderr), silent otherwise; it shows counts only. */
function progressBar(): { update: (progress: MergeProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  // Loaded only for a terminal.
  const { SingleBar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'letters {bar} {percentage}% | {letters} letters, {rejected} rejected',
    hideCursor: true,
  });
  let started = false;
  return {
    update: (progress) => {
      if (!started) {
        bar.start(progress.totalBytes, 0, { letters: 0, rejected: 0 });
        started = true;
      }
      bar.update(progress.bytesRead, { letters: progress.letters, rejected: progress.rejected });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
