import path from 'node:path';
import { unified } from 'unified';
import { parseMarkdown } from '../content/parse-markdown.js';
import { readChapterFile } from '../content/read-text-file.js';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { SOURCE_RULES } from '../rules/preset.js';
import { isSoft, type BookletContext, type ChapterSource } from '../rules/source/rule-kit.js';
import { chapterText } from '../rules/text/sentences.js';
import type { CheckConfig } from './config.js';
import { makeReport, type CheckReport, type Finding } from './report.js';

/** A chapter to check: its path as shown to the user and its Markdown. */
export interface ChapterInput {
  path: string;
  source: string;
}

/**
 * Runs the source rules (unified lint rules) on the chapters of one booklet,
 * in booklet order: rules that look across chapters (abbreviations explained
 * at first use, one term per concept) see them all.
 */
export async function checkChapters(chapters: readonly ChapterInput[], config: CheckConfig): Promise<CheckReport> {
  const parsed: ChapterSource[] = chapters.map(({ path: shown, source }) => {
    const { tree, file } = parseMarkdown(source, shown);
    return { path: shown, tree, file, text: chapterText(tree, file) };
  });
  const booklet: BookletContext = { chapters: parsed };
  const processor = unified();
  for (const rule of SOURCE_RULES) {
    const setting = config.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    processor.use(rule.plugin, [setting.severity, { options: setting.options, booklet }]);
  }
  const findings: Finding[] = [];
  for (const chapter of parsed) {
    await processor.run(chapter.tree, chapter.file);
    for (const message of chapter.file.messages) {
      findings.push({
        file: chapter.path,
        line: message.line ?? null,
        column: message.column ?? null,
        rule: message.ruleId ?? 'unknown',
        severity: message.fatal === true && !isSoft(message) ? 'error' : 'warn',
        message: message.reason,
      });
    }
  }
  return makeReport(findings);
}

/** Reads the chapter files (absolute paths, booklet order) and checks them. */
export async function checkChapterFiles(projectRoot: string, files: readonly string[], config: CheckConfig): Promise<CheckReport> {
  const chapters = await Promise.all(
    files.map(async (file) => {
      const absolute = path.resolve(projectRoot, file);
      const shown = displayPath(projectRoot, absolute);
      const source = await readChapterFile(absolute, shown, () => new LivretError('cannot read this chapter: check the file name in booklet.yaml', { file: shown }));
      return { path: shown, source };
    }),
  );
  return checkChapters(chapters, config);
}
