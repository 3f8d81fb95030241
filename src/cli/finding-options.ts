import type { Argv } from 'yargs';
import { LivretError, t, type CheckReport } from '../index.js';

/** `--quiet` and `--max-warnings N`, as ESLint has them, for `check` and `build`. */
export interface FindingArguments {
  quiet: boolean;
  'max-warnings'?: number;
}

export function findingOptions<T>(yargs: Argv<T>): Argv<T & FindingArguments> {
  return yargs
    .option('quiet', { type: 'boolean', default: false, describe: t('cli.opt.quiet') })
    .option('max-warnings', { type: 'number', describe: t('cli.opt.maxWarnings') }) as Argv<T & FindingArguments>;
}

/** The limit, checked: a whole number from 0 (yargs turns "abc" into NaN). */
export function maxWarningsOf(argv: FindingArguments): number | undefined {
  const value = argv['max-warnings'];
  if (value === undefined) return undefined;
  if (Number.isInteger(value) && value >= 0) return value;
  throw new LivretError(t('cli.maxWarnings', { value: String(value) }));
}

/** Says so on stderr when the warnings pass the limit. */
export function tooManyWarnings(report: CheckReport, maxWarnings: number | undefined): void {
  if (maxWarnings !== undefined && report.errorCount === 0 && report.warningCount > maxWarnings) {
    process.stderr.write(`${t('cli.tooManyWarnings', { count: report.warningCount, max: maxWarnings })}\n`);
  }
}
