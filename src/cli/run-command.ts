import { t } from '../index.js';
import { errorJson } from './bad-input.js';
import { loadLibrary } from './library.js';

export interface RunOptions {
  /** `--format json`: a user's mistake is printed as JSON on stdout too, so scripts always read JSON. */
  json?: boolean;
}

/**
 * Runs one CLI command body and turns its outcome into an exit code: a
 * LivretError becomes its one-line message (file:line: what to do) and exit
 * code; anything else is a bug in livret and keeps its stack trace.
 */
export async function runCommand(body: () => Promise<number | void>, options: RunOptions = {}): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (error) {
    const { isLivretError } = await loadLibrary();
    if (isLivretError(error)) {
      if (options.json) {
        const problems = [error, ...error.others].map((one) => ({ message: one.message, ...one.location }));
        process.stdout.write(`${errorJson(problems, error.exitCode)}\n`);
      }
      else process.stderr.write(`livret: ${error.format()}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const trace = String((error as Error).stack ?? error);
    if (options.json) process.stdout.write(`${errorJson([{ message: `${t('internal.error')} ${trace}` }], 70)}\n`);
    process.stderr.write(`livret: ${t('internal.error')}\n${trace}\n`);
    process.exitCode = 70;
  }
}
