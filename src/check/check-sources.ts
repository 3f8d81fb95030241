import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseMarkdown } from '../content/parse-markdown.js';
import { SOURCE_RULES } from '../rules/preset.js';
import type { BookletContext, ChapterSource } from '../rules/source/rule-kit.js';
import { chapterText } from '../content/source-lines.js';
import type { CheckConfig } from './config.js';
import { runCheckRules } from './run-rules.js';
import { makeReport, type CheckReport, type Finding } from './report.js';

/** A chapter to check: its path as shown to the user and its Markdown. */
export interface ChapterInput {
  path: string;
  source: string;
}

/** A chapter already parsed (the pipeline's sources): the rules read the tree the model reads. */
export interface ParsedChapterInput {
  path: string;
  source: string;
  tree: Root;
}

/** Parses and checks chapters given as text (tests, documentation examples). */
export async function checkChapters(chapters: readonly ChapterInput[], config: CheckConfig): Promise<CheckReport> {
  return checkParsedChapters(
    chapters.map((chapter) => ({ ...chapter, tree: parseMarkdown(chapter.source, chapter.path).tree })),
    config,
  );
}

/**
 * Runs the source rules on the chapters of one booklet, in booklet order,
 * through the one rule runner: rules that look across chapters (abbreviations
 * explained at first use, one term per concept) see them all.
 */
export async function checkParsedChapters(chapters: readonly ParsedChapterInput[], config: CheckConfig): Promise<CheckReport> {
  const parsed: ChapterSource[] = chapters.map(({ path: shown, source, tree }) => {
    const file = new VFile({ path: shown, value: source });
    return { path: shown, tree, file, text: chapterText(tree, String(file.value)) };
  });
  const booklet: BookletContext = { chapters: parsed };
  const findings: Finding[] = [];
  for (const chapter of parsed) findings.push(...(await runCheckRules(SOURCE_RULES, { chapter, booklet }, config, chapter.path)));
  return makeReport(findings);
}
