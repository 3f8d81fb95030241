import { createRequire } from 'node:module';
import path from 'node:path';
import type CliProgress from 'cli-progress';
import type { CommandModule } from 'yargs';
import { DEFAULT_BATCH_SIZE, type MergeProgress } from '../../index.js';
import { loadLibrary } from '../library.js';
import { runCommand } from '../run-command.js';

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
  describe: 'Letters with temporary codes: out/letters/<department>/<run>/batch-NNNN.pdf, manifest.json, rejected.csv',
  builder: (yargs) =>
    yargs
      .option('letter', { type: 'string', demandOption: true, describe: 'Letter template (templates/<letter>.md)' })
      .option('recipients', { type: 'string', demandOption: true, describe: 'Recipients CSV (UTF-8 or Windows-1252, ";" or ",")' })
      .option('department', { type: 'string', demandOption: true, describe: 'Department code (content/departments/<code>.yaml)' })
      .option('out', { type: 'string', default: 'out', describe: 'Output folder' })
      .option('batch-size', { type: 'string', default: String(DEFAULT_BATCH_SIZE), describe: 'Letters per PDF file' })
      .option('shard', { type: 'string', describe: 'Share of the rows for this machine, K/N (K from 1)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Finish an interrupted run: keep the batches already written' })
      .option('date', { type: 'string', describe: 'Date printed on the letters, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)' })
      .option('workers', { type: 'string', describe: 'Stamping threads (default: number of cores, at most 2)' }) as never,
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
        `${path.relative(process.cwd(), result.runDirectory)}  ${manifest.letters_written} letters in ${manifest.batches.length} files, ` +
          `${manifest.rows_rejected} rows rejected (rejected.csv), ${manifest.rows_read} rows read\n`,
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
