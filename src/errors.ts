/**
 * Errors a user can act on. Every error livret shows names the file, the line
 * when there is one, and says what to do. The CLI prints `format()` on one line
 * and exits with `exitCode`; no stack trace for a user's mistake.
 */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Exit codes of the CLI contract (DESIGN.md). */
export const EXIT_OK = 0;
export const EXIT_RULES_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export class LivretError extends Error {
  readonly location: SourceLocation | undefined;
  readonly exitCode: number;
  /** Other problems of the same kind found in the same run (every unknown pictogram, not only the first). */
  readonly others: readonly LivretError[];

  constructor(message: string, location?: SourceLocation, exitCode: number = EXIT_BAD_INPUT, others: readonly LivretError[] = []) {
    super(message);
    this.name = 'LivretError';
    this.location = location;
    this.exitCode = exitCode;
    this.others = others;
  }

  /** One error for several: the first, carrying the others. */
  static several(errors: readonly LivretError[]): LivretError {
    const [first, ...others] = errors;
    return new LivretError(first!.message, first!.location, first!.exitCode, others);
  }

  /** `file:line:column: message` for this problem and each other one. */
  lines(): string[] {
    return [this, ...this.others].map((error) => `${formatLocation(error.location)}${error.message}`);
  }

  /** `file:line:column: message`, the form editors and terminals recognise (one line per problem, each after the first prefixed `livret: `). */
  format(): string {
    return this.lines().join('\nlivret: ');
  }
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  const parts = [location.file];
  if (location.line !== undefined) parts.push(String(location.line));
  if (location.line !== undefined && location.column !== undefined) parts.push(String(location.column));
  return `${parts.join(':')}: `;
}

export function isLivretError(error: unknown): error is LivretError {
  return error instanceof LivretError;
}
