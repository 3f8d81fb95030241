import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzCase, FuzzOutcome } from './fuzz-worker.js';

/**
 * A worker thread that runs fuzz cases one at a time, each with a deadline:
 * past it the thread is terminated (a synchronous endless loop cannot be
 * interrupted otherwise) and the case reported as a hang; the next case gets a
 * fresh thread. This is a guard against hangs, not a speed measurement: the
 * deadline is many times what any case takes.
 */
export class FuzzRunner {
  private worker: Worker | undefined;

  constructor(
    private readonly projectRoot: string,
    private readonly deadlineMs: number,
  ) {}

  async run(fuzzCase: FuzzCase, deadlineMs = this.deadlineMs): Promise<FuzzOutcome | { kind: 'hang' }> {
    const worker = (this.worker ??= startWorker(this.projectRoot));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        this.worker = undefined;
        resolve({ kind: 'hang' });
      }, deadlineMs);
      const settle = (outcome: FuzzOutcome) => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        resolve(outcome);
      };
      worker.once('message', settle);
      worker.once('error', (error: Error) => {
        this.worker = undefined;
        settle({ kind: 'other-error', message: `the worker died: ${error.message}`, stack: error.stack ?? '' });
      });
      worker.postMessage(fuzzCase);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The worker's TypeScript, started through tsx's loader (as src/letters/thread.ts does). */
function startWorker(projectRoot: string): Worker {
  const tsxFolder = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const target = new URL('./fuzz-worker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: { projectRoot } });
}
