import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { BuildProgress } from './build-all.js';
import { t } from '../i18n/index.js';

/**
 * A progress bar on stderr for `build --department all`, only on an
 * interactive terminal: CI logs and pipes get the summary alone.
 */
export function shouldShowProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((progress: BuildProgress) => void) | undefined {
  if (!shouldShowProgress(stream)) return undefined;
  // Loaded only for a terminal: CI logs and pipes never need it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${t('progress.departments')} [{bar}] {value}/{total}  {last}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return ({ done, total, last }) => {
    const label = last ? `${last.code} ${last.ok ? t('progress.ok') : t('progress.failed')}` : '';
    if (done === 0) bar.start(total, 0, { last: label });
    else bar.update(done, { last: label });
    if (done === total) bar.stop();
  };
}
