import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import { chapterText, type ChapterText, type Point } from '../../content/source-lines.js';

/**
 * What every source rule is: a unified lint rule (one id, messages with
 * positions on the VFile) plus its options schema and default severity, so
 * that the preset and the configuration can list and validate it.
 */
export type Severity = 'off' | 'warn' | 'error';

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

export interface SourceRule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  severity: Severity;
  options: Schema;
  plugin: Plugin<[[Severity, RuleSettings<z.output<Schema>>]?], Root>;
}

export interface RuleSettings<Options> {
  options: Options;
  booklet: BookletContext;
}

const softMessages = new WeakSet<VFileMessage>();

/** Whether a finding asked to stay a warning (the "warn from" part of a two-level threshold). */
export function isSoft(message: VFileMessage): boolean {
  return softMessages.has(message);
}

export const RULES_URL = 'docs/rules.md';

export function defineSourceRule<Schema extends z.ZodType>(
  meta: { id: string; description: string; severity: Severity; options: Schema },
  check: (input: RuleInput<z.output<Schema>>) => void,
): SourceRule<Schema> {
  const plugin = lintRule<Root, RuleSettings<z.output<Schema>>>(
    { origin: `livret:${meta.id}`, url: `${RULES_URL}#${meta.id}` },
    (tree, file, settings) => {
      if (!settings) throw new Error(`rule ${meta.id} needs its settings (options and booklet context)`);
      check({
        tree,
        file,
        // Computed once per chapter by the runner, not once per rule.
        text: settings.booklet.chapters.find((chapter) => chapter.tree === tree)?.text ?? chapterText(tree, String(file.value)),
        booklet: settings.booklet,
        options: settings.options,
        report(reason, place, soft = false) {
          const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: meta.id, source: 'livret' });
          if (soft) softMessages.add(message);
        },
      });
    },
  ) as unknown as SourceRule<Schema>['plugin'];
  return { ...meta, plugin };
}
