import type { z } from 'zod';

/**
 * The one contract of a rule: it looks at a value of the pipeline (a chapter's
 * Markdown for source rules, the Booklet model for booklet rules, the PDF read
 * back for PDF rules) and returns findings. One runner, `runCheckRules`
 * (src/check/run-rules.ts), runs the three kinds with their configured
 * severity and options.
 */
export type Severity = 'off' | 'warn' | 'error';

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
