import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { ChapterText, Point } from '../../content/source-lines.js';
import type { CheckRule, RuleFinding, Severity } from '../check-rule.js';

/**
 * Rules on the chapters' Markdown, run once per chapter with the whole
 * booklet in view. They follow the one rule contract (`CheckRule`, run by
 * `runCheckRules` like booklet and PDF rules); `defineSourceRule` lets each
 * rule report a reason at a source position instead of building findings.
 */

/** One chapter of the booklet being checked, already parsed. */
export interface ChapterSource {
  /** Path as shown to the user (relative to the project root). */
  path: string;
  tree: Root;
  file: VFile;
  text: ChapterText;
}

/**
 * The whole booklet, for rules that look beyond one chapter: an abbreviation
 * explained in chapter 1 counts as explained in chapter 4; one term per
 * concept and one time style hold across the booklet.
 */
export interface BookletContext {
  chapters: ChapterSource[];
}

export interface RuleInput<Options> {
  tree: Root;
  file: VFile;
  text: ChapterText;
  booklet: BookletContext;
  options: Options;
  /** Reports a finding at a source position. `soft` findings stay warnings even when the rule is an error. */
  report(reason: string, place: Point | undefined, soft?: boolean): void;
}

/** What a source rule looks at: one chapter, and the booklet it belongs to. */
export interface ChapterCheckInput {
  chapter: ChapterSource;
  booklet: BookletContext;
}

/** A source rule's finding always names its chapter and a position in it. */
export type SourceFinding = RuleFinding & { file: string; line: number; column: number };

export type SourceRule<Schema extends z.ZodType = z.ZodType> = CheckRule<ChapterCheckInput, Schema, SourceFinding>;

export function defineSourceRule<Schema extends z.ZodType>(
  meta: { id: string; description: string; severity: Severity; options: Schema },
  check: (input: RuleInput<z.output<Schema>>) => void,
): SourceRule<Schema> {
  return {
    ...meta,
    check({ chapter, booklet }, options) {
      const found: SourceFinding[] = [];
      check({
        tree: chapter.tree,
        file: chapter.file,
        // Read once per chapter by the runner, not once per rule.
        text: chapter.text,
        booklet,
        options,
        report(reason, place, soft = false) {
          found.push({ message: reason, file: chapter.path, line: place?.line ?? 1, column: place?.column ?? 1, soft });
        },
      });
      return found;
    },
  };
}
