import type { z } from 'zod';
import type { Severity } from './source/rule-kit.js';

/**
 * The contract of a rule that looks at a value of the pipeline: the Booklet
 * model (booklet rules) or the PDF read back (PDF rules). One runner,
 * `runCheckRules` (src/check/run-rules.ts), runs both kinds. Source rules are
 * unified lint rules (src/rules/source/rule-kit.ts): they report positions on
 * the chapters' VFiles.
 */
export interface RuleFinding {
  message: string;
  /** The source file and position when the finding is about a place in the sources; else the runner's file. */
  file?: string;
  line?: number | null;
  column?: number | null;
  /** Stays a warning even when the rule is an error (the "warn above" part of a two-level threshold). */
  soft?: boolean;
}

export interface CheckRule<Input, Schema extends z.ZodType = z.ZodType, Found extends RuleFinding = RuleFinding> {
  id: string;
  description: string;
  severity: Severity;
  options: Schema;
  check(input: Input, options: z.output<Schema>): Found[] | Promise<Found[]>;
}
