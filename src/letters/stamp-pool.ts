import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { stampOptionsFrom, writeBatch, type BatchDone, type BatchJob, type WorkerSetup } from './stamp-worker.js';

/**
 * A pool of stamping threads (node:worker_threads), one batch per thread at a
 * time. From compiled JS (the CLI, `dist/`), the worker is `stamp-worker.js`
 * next to this file. From TypeScript sources (vitest, `tsx bench/…`), the
 * worker is `stamp-worker.ts` started through a tiny bootstrap that registers
 * tsx's loader first, so tests never run a stale `dist/`.
 * `workers: 0` stamps in the calling thread (no pool), for debugging.
 */

type WorkerAnswer = { ready: true } | { ok: true; done: BatchDone } | { ok: false; batch: number; message: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  job: BatchJob;
  resolve: (done: BatchDone) => void;
  reject: (error: Error) => void;
}

function startWorker(setup: WorkerSetup): Worker {
  const workerData = { livretStampWorker: true, setup };
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./stamp-worker.js', import.meta.url), { workerData });
  // The ESM entry of tsx's API (its "import" export), found from its package folder.
  const tsxFolder = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const worker = new URL('./stamp-worker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(worker)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}

export class StampPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private failure: Error | undefined;
  private inline: Promise<Awaited<ReturnType<typeof stampOptionsFrom>>> | undefined;

  private constructor() {}

  static async start(workerCount: number, setup: WorkerSetup): Promise<StampPool> {
    const pool = new StampPool();
    if (workerCount <= 0) {
      pool.inline = stampOptionsFrom(setup);
      return pool;
    }
    await Promise.all(Array.from({ length: workerCount }, () => pool.addWorker(setup)));
    return pool;
  }

  private addWorker(setup: WorkerSetup): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = startWorker(setup);
      const slot: Slot = { worker, busy: true };
      worker.on('message', (answer: WorkerAnswer) => {
        if ('ready' in answer) {
          this.slots.push(slot);
          slot.busy = false;
          resolve();
          this.dispatch();
          return;
        }
        const pending = this.running.get(worker);
        this.running.delete(worker);
        slot.busy = false;
        if (pending) {
          if (answer.ok) pending.resolve(answer.done);
          else pending.reject(new Error(`batch ${answer.batch}: ${answer.message}`));
        }
        this.dispatch();
      });
      worker.on('error', (error) => {
        this.fail(error);
        reject(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a stamping thread stopped (exit code ${code})`));
      });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(this.failure);
    this.running.clear();
  }

  /** Number of batches submitted and not finished yet. */
  get inFlight(): number {
    return this.queue.length + this.running.size;
  }

  get capacity(): number {
    return Math.max(1, this.slots.length);
  }

  submit(job: BatchJob): Promise<BatchDone> {
    if (this.inline) return this.inline.then((options) => writeBatch(options, job));
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
      slot.worker.postMessage(next.job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
