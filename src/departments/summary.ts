import path from 'node:path';
import type { AllDepartmentsResult } from './build-all.js';
import type { WrittenFile } from './worker-protocol.js';
import { currentLanguage, t } from '../i18n/index.js';

/** The end-of-run summary: what was written, what failed and why. */
export function formatSummary(
  result: AllDepartmentsResult,
  cwd: string = process.cwd(),
  describe: (file: WrittenFile) => string = (file) => t('build.fileDescription.pages', { count: file.pageCount }),
): string {
  const seconds = currentLanguage() === 'fr' ? result.seconds.toFixed(1).replace('.', ',') : result.seconds.toFixed(1);
  const lines = [t('summary.built', { count: result.built.length, total: result.outcomes.length, seconds, workers: result.workers })];
  for (const outcome of result.built) {
    for (const file of outcome.files) lines.push(`  ${outcome.code.padEnd(3)}  ${path.relative(cwd, file.path)}  ${describe(file)}`);
    if (outcome.warnings) lines.push(outcome.warnings.trimEnd());
  }
  if (result.failed.length > 0) {
    lines.push(t('summary.failed', { count: result.failed.length }));
    for (const outcome of result.failed) lines.push(`  ${outcome.code.padEnd(3)}  ${outcome.message}`);
  }
  return `${lines.join('\n')}\n`;
}
