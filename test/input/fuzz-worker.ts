import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildBooklet, checkBooklet } from '../../src/pipeline.js';
import { isLivretError } from '../../src/errors.js';

/**
 * Runs fuzz cases for fuzz-harness.ts in a thread of its own, so a case that
 * loops or recurses forever can be stopped from outside (the harness
 * terminates the thread at its deadline). One project folder is reused: each
 * case writes its files into it, then runs the library on it.
 */
export interface FuzzCase {
  files: Record<string, string>;
  /**
   * 'check': checkBooklet({ pdf: false }) (sources, department, lexicon, model); 'build': a real build, no file written;
   * 'hang' and 'overflow': the harness's own test (an endless loop, a stack overflow).
   */
  mode: 'check' | 'build' | 'hang' | 'overflow';
}

export type FuzzOutcome =
  | { kind: 'result' }
  | { kind: 'livret-error'; exitCode: number; message: string }
  | { kind: 'other-error'; message: string; stack: string };

const projectRoot: string = (workerData as { projectRoot: string }).projectRoot;

async function runCase(fuzzCase: FuzzCase): Promise<FuzzOutcome> {
  for (const [relative, text] of Object.entries(fuzzCase.files)) {
    const target = path.join(projectRoot, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  try {
    if (fuzzCase.mode === 'hang') for (;;);
    if (fuzzCase.mode === 'overflow') overflow();
    if (fuzzCase.mode === 'build') await buildBooklet({ projectRoot, write: false });
    else await checkBooklet({ projectRoot, pdf: false });
    return { kind: 'result' };
  } catch (error) {
    if (isLivretError(error)) return { kind: 'livret-error', exitCode: error.exitCode, message: error.format() };
    const caught = error instanceof Error ? error : new Error(String(error));
    return { kind: 'other-error', message: `${caught.name}: ${caught.message}`, stack: caught.stack ?? '' };
  }
}

function overflow(): number {
  return overflow() + 1;
}

parentPort!.on('message', (fuzzCase: FuzzCase) => {
  void runCase(fuzzCase).then((outcome) => parentPort!.postMessage(outcome));
});
