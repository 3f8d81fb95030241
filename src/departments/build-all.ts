import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { CheckReport } from '../check/report.js';
import { EXIT_OK, EXIT_RULES_FAILED, LivretError } from '../errors.js';
import { checkSourcesOnce, listDepartments } from '../pipeline.js';
import { displayPath, findProjectRoot } from '../paths.js';
import { startThread } from '../threads/start-thread.js';
import type { FromWorker, ToWorker, WorkerBuildOptions, WrittenFile } from './worker-protocol.js';
import { t } from '../i18n/index.js';

/**
 * `livret build --department all`: every department of content/departments/
 * built on a pool of worker threads, one PDF each. A failure in one
 * department is collected with its message and the others still build.
 */
export interface BuildAllOptions extends WorkerBuildOptions {
  /** Worker threads; default min(2, cores), never more than departments. */
  workers?: number;
  /** Codes to build; default every file in content/departments/. */
  departments?: string[];
  /** Called once before the first build (done = 0) and after each department. */
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  done: number;
  total: number;
  /** The department just finished (absent in the first call). */
  last?: DepartmentOutcome;
}

export interface DepartmentBuilt {
  code: string;
  ok: true;
  /** The file named by the format (`<booklet>-a4.pdf`, `<booklet>-a5-booklet.pdf`). */
  outputPath: string;
  pageCount: number;
  /** Every file written: pages, imposed sheets, print-shop pages. */
  files: WrittenFile[];
  /** Easy-read warnings on this department's booklet (stylish text), or ''. */
  warnings: string;
  seconds: number;
}

export interface DepartmentFailed {
  code: string;
  ok: false;
  /** `file:line:column: message`, as the CLI prints it. */
  message: string;
  exitCode: number;
  seconds: number;
}

export type DepartmentOutcome = DepartmentBuilt | DepartmentFailed;

export interface AllDepartmentsResult {
  /** In department order, whatever order the workers finished in. */
  outcomes: DepartmentOutcome[];
  built: DepartmentBuilt[];
  failed: DepartmentFailed[];
  workers: number;
  seconds: number;
  /** 0 when all built, else the highest exit code among the failures. */
  exitCode: number;
  /** The source rules, run once for every department before any build (an error stops the run). */
  sourceReport: CheckReport;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

export async function buildAllDepartments(options: BuildAllOptions = {}): Promise<AllDepartmentsResult> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const codes = [...new Set(options.departments ?? (await listDepartments(projectRoot)))];
  if (codes.length === 0) {
    throw new LivretError(t('error.noDepartment'), {
      file: displayPath(projectRoot, path.join(projectRoot, 'content', 'departments')),
    });
  }
  const requested = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(requested) || requested < 1) {
    throw new LivretError(t('error.workers', { value: String(options.workers) }));
  }
  // Bad input in the chapters (exit 2) comes before easy-read findings (exit 1), and both before any build.
  const sourceReport = await checkSourcesOnce({ projectRoot, booklet: options.booklet, department: codes[0] });
  if (sourceReport.errorCount > 0) {
    return { outcomes: [], built: [], failed: [], workers: 0, seconds: 0, exitCode: EXIT_RULES_FAILED, sourceReport };
  }
  const workerCount = Math.min(requested, codes.length);
  const { workers: _workers, departments: _departments, onProgress, ...rest } = options;
  const buildOptions: WorkerBuildOptions = { ...rest, projectRoot };
  // sharp (libvips) must be loaded by the main thread before workers use it (glibc unloads it otherwise).
  // Its thread pool is per process: with several workers, one libvips thread each avoids oversubscribing cores.
  const { default: sharp } = await import('sharp');
  const sharpThreads = sharp.concurrency();
  if (workerCount > 1) sharp.concurrency(1);

  const started = performance.now();
  const outcomes = new Map<string, DepartmentOutcome>();
  onProgress?.({ done: 0, total: codes.length });
  const queue = [...codes];
  const record = (outcome: DepartmentOutcome) => {
    outcomes.set(outcome.code, outcome);
    onProgress?.({ done: outcomes.size, total: codes.length, last: outcome });
  };
  try {
    await Promise.all(Array.from({ length: workerCount }, () => runWorker(queue, buildOptions, record)));
  } finally {
    sharp.concurrency(sharpThreads);
  }

  const ordered = codes.map((code) => outcomes.get(code)!);
  const failed = ordered.filter((outcome): outcome is DepartmentFailed => !outcome.ok);
  return {
    outcomes: ordered,
    built: ordered.filter((outcome): outcome is DepartmentBuilt => outcome.ok),
    failed,
    workers: workerCount,
    seconds: (performance.now() - started) / 1000,
    exitCode: failed.reduce((highest, outcome) => Math.max(highest, outcome.exitCode), EXIT_OK),
    sourceReport,
  };
}

/**
 * One worker takes departments from the shared queue until it is empty. If the
 * thread dies (out of memory, a crash in native code), the department it was
 * building fails and a fresh worker carries on with the rest of the queue.
 */
function runWorker(queue: string[], options: WorkerBuildOptions, record: (outcome: DepartmentOutcome) => void): Promise<void> {
  return new Promise((resolve) => {
    const worker = startWorker(options);
    let current: { code: string; started: number } | undefined;
    let state: 'running' | 'stopping' | 'dead' = 'running';
    const next = () => {
      const code = queue.shift();
      if (code === undefined) {
        state = 'stopping';
        worker.postMessage({ type: 'stop' } satisfies ToWorker);
        return;
      }
      current = { code, started: performance.now() };
      worker.postMessage({ type: 'build', code } satisfies ToWorker);
    };
    worker.on('message', (message: FromWorker) => {
      current = undefined;
      record(
        message.type === 'built'
          ? { code: message.code, ok: true, outputPath: message.outputPath, pageCount: message.pageCount, files: message.files, warnings: message.warnings, seconds: message.seconds }
          : { code: message.code, ok: false, message: message.message, exitCode: message.exitCode, seconds: message.seconds },
      );
      next();
    });
    const died = (reason: string) => {
      if (state === 'dead') return;
      state = 'dead';
      if (current) {
        const seconds = (performance.now() - current.started) / 1000;
        const message = t('internal.workerStopped', { reason });
        record({ code: current.code, ok: false, message, exitCode: 70, seconds });
      }
      void worker.terminate();
      if (queue.length > 0) void runWorker(queue, options, record).then(resolve);
      else resolve();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (exitCode) => (state === 'stopping' ? resolve() : died(`exit code ${exitCode}`)));
    next();
  });
}

/** The worker runs compiled JS (dist/departments/build-worker.js) whenever it is fresh (src/threads/start-thread.ts). */
function startWorker(options: WorkerBuildOptions): Worker {
  return startThread(import.meta.url, 'build-worker', { workerData: options });
}
