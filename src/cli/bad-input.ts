import { suggestName, t } from '../index.js';

/**
 * What the command line says when it cannot be parsed: one line, with the
 * close command or option ("vouliez-vous dire … ?"), never the whole help.
 * With `--format json` the same problem is a JSON document on stdout, so
 * scripts always read valid JSON.
 */
export function wantsJson(args: readonly string[]): boolean {
  return args.some((arg, index) => arg === '--format=json' || (arg === '--format' && args[index + 1] === 'json'));
}

export interface BadInput {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Problems of bad input as the JSON of `check --format json`: no finding, the errors with their places. */
export function errorJson(problems: readonly BadInput[], exitCode: number): string {
  const errors = problems.map(({ file, line, column, message }) => ({ file: file ?? null, line: line ?? null, column: column ?? null, message }));
  return JSON.stringify({ errorCount: 0, warningCount: 0, pdf: null, pageCount: null, findings: [], errors, exitCode }, null, 2);
}

/** The unknown command of `args`, with the close one when there is one. */
export function unknownCommand(args: readonly string[], commands: readonly string[]): string | undefined {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || commands.includes(first)) return undefined;
  const close = suggestName(first, commands);
  return `${t('cli.unknownCommand', { name: first })}${close ? `${t('suggest.joiner')}${t('suggest.didYouMean', { name: `livret ${close}` })}` : ''}`;
}

/** yargs' "Unknown argument: departement" (or its French) as "option inconnue « --departement » ; vouliez-vous dire « --department » ?". */
export function explainParseFailure(message: string, knownOptions: readonly string[]): string {
  const unknown = /^(?:Unknown arguments?|Arguments? inconnus?)\s?:\s*(.+)$/.exec(message);
  if (!unknown) return message;
  return unknown[1]!
    .split(', ')
    .map((name) => {
      const shown = name.length === 1 ? `-${name}` : `--${name}`;
      const close = suggestName(name, knownOptions.filter((option) => option.length > 1));
      return `${t('cli.unknownOption', { name: shown })}${close ? `${t('suggest.joiner')}${t('suggest.didYouMean', { name: `--${close}` })}` : ''}`;
    })
    .join(t('suggest.joiner'));
}
