/**
 * One finding of `livret check`: where (file relative to the project root,
 * line and column when the finding is about a place in a source file), which
 * rule, how serious, and what to do.
 */
export interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  severity: 'warn' | 'error';
  message: string;
}

export interface CheckReport {
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** The PDF that was checked, when the rendered-PDF rules ran. */
  pdfPath?: string;
  pageCount?: number;
}

export function makeReport(findings: readonly Finding[], extra: Pick<CheckReport, 'pdfPath' | 'pageCount'> = {}): CheckReport {
  const sorted = [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule),
  );
  return {
    findings: sorted,
    errorCount: sorted.filter((finding) => finding.severity === 'error').length,
    warningCount: sorted.filter((finding) => finding.severity === 'warn').length,
    ...extra,
  };
}

export function mergeReports(...reports: CheckReport[]): CheckReport {
  const last = [...reports].reverse().find((report) => report.pdfPath !== undefined);
  return makeReport(
    reports.flatMap((report) => report.findings),
    last ? { pdfPath: last.pdfPath, pageCount: last.pageCount } : {},
  );
}

/** Exit code of the CLI contract: 1 when a rule of severity error failed, or when there are more warnings than `maxWarnings`. */
export function exitCodeOf(report: CheckReport, options: { maxWarnings?: number } = {}): 0 | 1 {
  if (report.errorCount > 0) return 1;
  return options.maxWarnings !== undefined && report.warningCount > options.maxWarnings ? 1 : 0;
}

/** `--quiet`: the errors alone (the warnings are still counted). */
export function errorsOnly(report: CheckReport): CheckReport {
  return { ...report, findings: report.findings.filter((finding) => finding.severity === 'error') };
}
