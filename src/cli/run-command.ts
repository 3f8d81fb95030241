import { loadLibrary } from './library.js';

/**
 * Runs one CLI command body and turns its outcome into an exit code: a
 * LivretError becomes its one-line message (file:line: what to do) and exit
 * code; anything else is a bug in livret and keeps its stack trace.
 */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (error) {
    const { isLivretError } = await loadLibrary();
    if (isLivretError(error)) {
      process.stderr.write(`livret: ${error.format()}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`livret: internal error, please report it with this trace:\n${String((error as Error).stack ?? error)}\n`);
    process.exitCode = 70;
  }
}
