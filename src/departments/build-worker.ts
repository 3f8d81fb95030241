import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { formatStylish } from '../check/reporters.js';
import { EXIT_RULES_FAILED, isLivretError } from '../errors.js';
import { buildBooklet } from '../pipeline.js';
import type { FromWorker, ToWorker, WorkerBuildOptions } from './worker-protocol.js';
import { t } from '../i18n/index.js';
import { basename } from 'node:path';
import { displayPath } from '../paths.js';

/**
 * One build worker: builds the departments the main thread sends, one at a
 * time, and answers with a plain result. A user's mistake (LivretError) comes
 * back as its one-line message; anything else as an internal error with its
 * stack, so one broken department never stops the others.
 */
const port = parentPort;
if (!port) throw new Error('build-worker.ts runs only as a worker thread');
const options = workerData as WorkerBuildOptions;

async function build(code: string): Promise<FromWorker> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    // The source rules ran once in the main thread; here: the model and the PDF of this department.
    const result = await buildBooklet({ ...options, department: code, checks: 'without-source-rules' });
    const { report, written } = result;
    const findings = report.findings.length > 0 ? formatStylish(report, { color: false }) : '';
    if (!written) {
      const notes = result.setAside.map((file) => `\n${displayPath(result.projectRoot, file.from)}: ${t('build.oldRenamed', { file: basename(file.to) })}`);
      return { type: 'failed', code, message: `${t('build.rulesFailed', { findings })}${notes.join('')}`, exitCode: EXIT_RULES_FAILED, seconds: seconds() };
    }
    const files = result.files.map(({ kind, path, pageCount }) => ({ kind, path, pageCount }));
    return { type: 'built', code, outputPath: result.outputPath, pageCount: result.pageCount, files, warnings: findings, seconds: seconds() };
  } catch (error) {
    if (isLivretError(error)) return { type: 'failed', code, message: error.format(), exitCode: error.exitCode, seconds: seconds() };
    const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { type: 'failed', code, message: `${t('internal.error')}\n${trace}`, exitCode: 70, seconds: seconds() };
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  void build(message.code).then((result) => port.postMessage(result));
});
