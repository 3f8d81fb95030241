import type { MarkdownComment } from '../content/parse-markdown.js';
import { t } from '../i18n/index.js';
import { didYouMean } from '../i18n/suggest.js';
import { ALL_RULE_IDS } from '../rules/preset.js';
import { makeReport, type CheckReport, type Finding } from './report.js';

/**
 * Findings accepted in the source, as linters do it, with HTML comments in a chapter:
 *
 *   <!-- livret-disable-next-line sentence-length -->   the next line only
 *   <!-- livret-disable negations, passive-voice -->    from here …
 *   <!-- livret-enable -->                              … to here (or to the end of the file)
 *
 * No rule named: every rule. Text after ` -- ` is a note for the next writer.
 * A rule id that does not exist is a warning (`livret-disable`), with the close one.
 */
export const DISABLE_RULE_ID = 'livret-disable';

interface Silence {
  rules: ReadonlySet<string> | 'all';
  from: number;
  to: number;
}

interface ChapterComments {
  shown: string;
  comments: readonly MarkdownComment[];
}

const DIRECTIVE = /^livret-(disable-next-line|disable|enable)(?:\s+(.*))?$/s;

function ruleIds(text: string | undefined): string[] {
  return (text ?? '').split(/\s--\s|^--\s/)[0]!.split(/[\s,]+/).filter((id) => id !== '');
}

/** The silenced ranges of one chapter, and a finding for each unknown rule id. */
function silencesOf(chapter: ChapterComments): { silences: Silence[]; findings: Finding[] } {
  const silences: Silence[] = [];
  const findings: Finding[] = [];
  const open = new Map<string, number>();
  let openAll: number | undefined;
  for (const comment of chapter.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const ids = ruleIds(match[2]);
    for (const id of ids.filter((rule) => !ALL_RULE_IDS.includes(rule))) {
      const message = `${t('finding.disableUnknownRule', { id })}${didYouMean(id, ALL_RULE_IDS)}`;
      findings.push({ file: chapter.shown, line: comment.line, column: comment.column, rule: DISABLE_RULE_ID, severity: 'warn', message });
    }
    const rules = ids.length === 0 ? ('all' as const) : new Set(ids);
    if (match[1] === 'disable-next-line') silences.push({ rules, from: comment.endLine + 1, to: comment.endLine + 1 });
    else if (match[1] === 'disable') {
      if (rules === 'all') openAll ??= comment.endLine;
      else for (const id of rules) if (!open.has(id)) open.set(id, comment.endLine);
    } else {
      const close = (from: number, which: Silence['rules']) => silences.push({ rules: which, from, to: comment.line });
      if (rules === 'all' || openAll !== undefined) {
        if (openAll !== undefined) close(openAll, 'all');
        openAll = undefined;
      }
      for (const [id, from] of [...open]) {
        if (rules !== 'all' && !rules.has(id)) continue;
        close(from, new Set([id]));
        open.delete(id);
      }
    }
  }
  if (openAll !== undefined) silences.push({ rules: 'all', from: openAll, to: Infinity });
  for (const [id, from] of open) silences.push({ rules: new Set([id]), from, to: Infinity });
  return { silences, findings };
}

function silenced(finding: Finding, silences: readonly Silence[]): boolean {
  const { line } = finding;
  if (line === null) return false;
  return silences.some((silence) => line >= silence.from && line <= silence.to && (silence.rules === 'all' || silence.rules.has(finding.rule)));
}

/** The report without the findings the chapters' comments accept (the one place where they are applied). */
export function applyDisableComments(report: CheckReport, chapters: readonly ChapterComments[]): CheckReport {
  const byFile = new Map(chapters.map((chapter) => [chapter.shown, silencesOf(chapter)]));
  const kept = report.findings.filter((finding) => !silenced(finding, byFile.get(finding.file)?.silences ?? []));
  const unknown = [...byFile.values()].flatMap((chapter) => chapter.findings);
  return makeReport([...kept, ...unknown], { pdfPath: report.pdfPath, pageCount: report.pageCount });
}
