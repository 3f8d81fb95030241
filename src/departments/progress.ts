import cliProgress from 'cli-progress';
import type { BuildProgress } from './build-all.js';

/**
 * A progress bar on stderr for `build --department all`, only on an
 * interactive terminal: CI logs and pipes get the summary alone.
 */
export function shouldShowProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((progress: BuildProgress) => void) | undefined {
  if (!shouldShowProgress(stream)) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream, format: 'Departments [{bar}] {value}/{total}  {last}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return ({ done, total, last }) => {
    const label = last ? `${last.code} ${last.ok ? 'ok' : 'FAILED'}` : '';
    if (done === 0) bar.start(total, 0, { last: label });
    else bar.update(done, { last: label });
    if (done === total) bar.stop();
  };
}
