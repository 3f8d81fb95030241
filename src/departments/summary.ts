import path from 'node:path';
import type { AllDepartmentsResult } from './build-all.js';
import type { WrittenFile } from './worker-protocol.js';

/** The end-of-run summary: what was written, what failed and why. */
export function formatSummary(
  result: AllDepartmentsResult,
  cwd: string = process.cwd(),
  describe: (file: WrittenFile) => string = (file) => `${file.pageCount} pages`,
): string {
  const lines = [
    `Built ${result.built.length} of ${result.outcomes.length} department(s) in ${result.seconds.toFixed(1)} s with ${result.workers} worker(s).`,
  ];
  for (const outcome of result.built) {
    for (const file of outcome.files) lines.push(`  ${outcome.code.padEnd(3)}  ${path.relative(cwd, file.path)}  ${describe(file)}`);
    if (outcome.warnings) lines.push(outcome.warnings.trimEnd());
  }
  if (result.failed.length > 0) {
    lines.push(`Failed: ${result.failed.length} department(s), the others are written:`);
    for (const outcome of result.failed) lines.push(`  ${outcome.code.padEnd(3)}  ${outcome.message}`);
  }
  return `${lines.join('\n')}\n`;
}
