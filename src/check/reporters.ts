import { styleText } from 'node:util';
import { t } from '../i18n/index.js';
import type { CheckReport, Finding } from './report.js';

/**
 * `--format stylish`, as remark-lint and ESLint print: one block per file,
 * `line:column  severity  message  rule-id`, then the counts; in the
 * writer's language ("erreur", "avertissement").
 */
export function formatStylish(report: CheckReport, options: { color?: boolean } = {}): string {
  if (report.findings.length === 0) return t('check.noProblem');
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(format, text) : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks: string[] = [];
  for (const [file, findings] of byFile) {
    const rows = findings.map((finding) => ({
      place: finding.line === null ? '' : `${finding.line}:${finding.column ?? 1}`,
      label: finding.severity === 'error' ? t('check.label.error') : t('check.label.warn'),
      severity: finding.severity,
      message: finding.message,
      rule: finding.rule,
    }));
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => [...pick(row)].length));
    const [place, label, message] = [width((row) => row.place), width((row) => row.label), width((row) => row.message)];
    const lines = rows.map((row) => {
      const shownLabel = paint(row.severity === 'error' ? 'red' : 'yellow', row.label.padEnd(label));
      return `  ${row.place.padEnd(place)}  ${shownLabel}  ${row.message.padEnd(message)}  ${paint('dim', row.rule)}`.trimEnd();
    });
    blocks.push([paint('underline', file), ...lines].join('\n'));
  }
  const counts = [
    report.errorCount > 0 ? paint('red', `✖ ${t('check.errors', { count: report.errorCount })}`) : undefined,
    report.warningCount > 0 ? paint('yellow', `⚠ ${t('check.warnings', { count: report.warningCount })}`) : undefined,
  ].filter((part) => part !== undefined);
  return `${blocks.join('\n\n')}\n\n${counts.join('\n')}`;
}

/** `--format json`: one object per finding, for scripts and editors; `errors` lists bad input (always empty here). */
export function formatJson(report: CheckReport): string {
  const findings: Finding[] = report.findings.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }));
  return JSON.stringify(
    {
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      pdf: report.pdfPath ?? null,
      pageCount: report.pageCount ?? null,
      findings,
      errors: [],
    },
    null,
    2,
  );
}
