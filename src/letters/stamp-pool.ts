import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/start-thread.js';
import type { BatchDone, BatchJob, WorkerMessage, WorkerSetup } from './stamp-worker.js';

type WorkerAnswer = { ok: true; done: BatchDone } | { ok: false; batch: number; message: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  job: BatchJob;
  resolve: (done: BatchDone) => void;
  reject: (error: Error) => void;
}

/**
 * A small young generation makes the thread collect often, so its memory
 * stays near what one batch needs (peak RSS is part of the contract: the
 * benchmark checks it at 100,000 letters).
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 512 };

function startWorker(): Worker {
  return startThread(import.meta.url, 'stamp-worker', { workerData: { livretStampWorker: true }, resourceLimits: RESOURCE_LIMITS });
}

/**
 * A pool of stamping threads (node:worker_threads, see thread.ts), one batch
 * per thread at a time. `workers: 0` stamps in the calling thread.
 */
export class StampPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private failure: Error | undefined;
  private closing = false;
  private workerCount = 0;
  private inline: Promise<(job: BatchJob) => Promise<BatchDone>> | undefined;

  private constructor() {}

  /**
   * Starts the threads at once, so they load pdf-lib and fontkit while the
   * caller lays out the static letter; `configure` then hands them the layout.
   */
  static start(workerCount: number): StampPool {
    const pool = new StampPool();
    pool.workerCount = workerCount;
    for (let index = 0; index < workerCount; index++) pool.addWorker();
    return pool;
  }

  configure(setup: WorkerSetup): void {
    if (this.workerCount <= 0) {
      // Loaded only here, so pdf-lib and fontkit stay out of the main thread when threads stamp.
      this.inline = import('./stamp-worker.js').then(async ({ stampOptionsFrom, writeBatch }) => {
        const options = await stampOptionsFrom(setup);
        return (job: BatchJob) => writeBatch(options, job);
      });
      return;
    }
    const message: WorkerMessage = { kind: 'setup', setup };
    for (const slot of this.slots) slot.worker.postMessage(message);
  }

  private addWorker(): void {
    const worker = startWorker();
    const slot: Slot = { worker, busy: false };
    this.slots.push(slot);
    worker.on('message', (answer: WorkerAnswer) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      slot.busy = false;
      if (pending) {
        if (answer.ok) pending.resolve(answer.done);
        else pending.reject(new Error(`batch ${answer.batch}: ${answer.message}`));
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`a stamping thread stopped (exit code ${code})`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(this.failure);
    this.running.clear();
  }

  /** Threads stamping (1 when stamping in the calling thread). */
  get capacity(): number {
    return Math.max(1, this.slots.length);
  }

  submit(job: BatchJob): Promise<BatchDone> {
    if (this.inline) return this.inline.then((write) => write(job));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = true;
      this.running.set(slot.worker, next);
      const message: WorkerMessage = { kind: 'batch', job: next.job };
      slot.worker.postMessage(message);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(new Error('the run stopped'));
    this.running.clear();
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
