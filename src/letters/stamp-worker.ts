import { createHash } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileAtomic } from '../files/atomic-write.js';
import { decodedFont } from '../fonts/fonts.js';
import { checksumFile, checksumLine } from './batch-checksum.js';
import type { StaticLetter } from './letter-model.js';
import { stampBatch, type LetterToPrint, type StampOptions } from './stamp.js';

/**
 * A stamping thread: receives batches of letters, writes each batch PDF under
 * a temporary name, renames it when complete, and answers with its SHA-256.
 * Only the worker and the PDF ever hold the codes; the answer carries none.
 */

export interface WorkerSetup {
  staticLetter: StaticLetter;
  date: string;
}

export interface BatchJob {
  batch: number;
  target: string;
  letters: LetterToPrint[];
}

export interface BatchDone {
  batch: number;
  sha256: string;
  bytes: number;
}

export async function stampOptionsFrom(setup: WorkerSetup): Promise<StampOptions> {
  return {
    staticLetter: setup.staticLetter,
    // The embedded font, decoded from WOFF once per thread (src/fonts/fonts.ts).
    regularFont: decodedFont(400),
    boldFont: decodedFont(700),
    date: new Date(setup.date),
  };
}

/**
 * Writes one batch: temp name, owner-only mode, its checksum file, then the
 * rename. A batch under its final name always has the hash it had when it was
 * renamed beside it, so a later truncation is seen by `--resume`.
 */
export async function writeBatch(options: StampOptions, job: BatchJob): Promise<BatchDone> {
  const pdf = await stampBatch(options, job.letters);
  const hash = createHash('sha256').update(pdf).digest('hex');
  const temporary = `${job.target}.partial`;
  try {
    await writeFile(temporary, pdf, { mode: 0o600 });
    await writeFileAtomic(checksumFile(job.target), checksumLine(hash, job.target), { mode: 0o600, dirMode: 0o700 });
    await rename(temporary, job.target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { batch: job.batch, sha256: hash, bytes: pdf.length };
}

/** Messages to a stamping thread: its setup once, then batches. */
export type WorkerMessage = { kind: 'setup'; setup: WorkerSetup } | { kind: 'batch'; job: BatchJob };

if (parentPort && (workerData as { livretStampWorker?: boolean } | undefined)?.livretStampWorker) {
  const port = parentPort;
  let options: Promise<StampOptions> | undefined;
  port.on('message', (message: WorkerMessage) => {
    if (message.kind === 'setup') {
      options = stampOptionsFrom(message.setup);
      return;
    }
    const { job } = message;
    if (!options) throw new Error('a batch came before the setup');
    options
      .then((ready) => writeBatch(ready, job))
      .then(
        (done) => port.postMessage({ ok: true, done }),
        (error: unknown) => port.postMessage({ ok: false, batch: job.batch, message: (error as Error).message }),
      );
  });
}
