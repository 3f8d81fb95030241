import type { z } from 'zod';
import type { Booklet } from '../../model/booklet.js';
import type { Lexicon } from '../../pictograms/lexicon.js';
import type { CheckRule, RuleFinding } from '../check-rule.js';

/**
 * Rules on the Booklet model and the department data (pictures per block,
 * department TODOs): what the sources mean once read, before any page exists.
 */
export interface BookletCheckInput {
  booklet: Booklet;
  lexicon: Lexicon;
  projectRoot: string;
}

/** A booklet rule's finding always names its source file. */
export type BookletFinding = RuleFinding & { file: string };

export type BookletRule<Schema extends z.ZodType = z.ZodType> = CheckRule<BookletCheckInput, Schema, BookletFinding>;

export function defineBookletRule<Schema extends z.ZodType>(rule: BookletRule<Schema>): BookletRule<Schema> {
  return rule;
}
