import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { CheckReport, Finding } from './report.js';

/**
 * `--format stylish` (vfile-reporter, as remark-lint and ESLint print):
 * one block per file, `line:column  severity  message  rule-id`.
 */
export function formatStylish(report: CheckReport, options: { color?: boolean } = {}): string {
  const files = new Map<string, VFile>();
  for (const finding of report.findings) {
    let file = files.get(finding.file);
    if (!file) {
      file = new VFile({ path: finding.file });
      files.set(finding.file, file);
    }
    const place = finding.line === null ? undefined : { line: finding.line, column: finding.column ?? 1 };
    const message = file.message(finding.message, { place, ruleId: finding.rule, source: 'livret' });
    message.fatal = finding.severity === 'error';
  }
  if (files.size === 0) return 'livret check: aucun problème trouvé.';
  return reporter([...files.values()], { color: options.color ?? false });
}

/** `--format json`: one object per finding, for scripts and editors. */
export function formatJson(report: CheckReport): string {
  const findings: Finding[] = report.findings.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }));
  return JSON.stringify(
    { errorCount: report.errorCount, warningCount: report.warningCount, pdf: report.pdfPath ?? null, pageCount: report.pageCount ?? null, findings },
    null,
    2,
  );
}
