import type { z } from 'zod';
import type { Booklet } from '../../model/booklet.js';
import type { Lexicon } from '../../pictograms/lexicon.js';
import type { Severity } from '../source/rule-kit.js';

/**
 * Rules on the Booklet model and the department data (pictures per block,
 * department TODOs): what the sources mean once read, before any page exists.
 */
export interface BookletCheckInput {
  booklet: Booklet;
  lexicon: Lexicon;
  projectRoot: string;
}

export interface BookletFinding {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export interface BookletRule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  severity: Severity;
  options: Schema;
  check(input: BookletCheckInput, options: z.output<Schema>): BookletFinding[];
}

export function defineBookletRule<Schema extends z.ZodType>(rule: BookletRule<Schema>): BookletRule<Schema> {
  return rule;
}
