import { PRESETS } from '../geometry/presets.js';
import { THEME } from '../geometry/theme.js';
import { PDF_RULES } from '../rules/preset.js';
import type { LayoutFacts, PdfCheckInput } from '../rules/pdf/pdf-rule.js';
import type { CheckConfig } from './config.js';
import { makeReport, type CheckReport, type Finding } from './report.js';

/** Margins and type sizes the layout used for a format, from the layout preset and the theme. */
export function layoutFactsFor(format: 'a4' | 'a5-booklet'): LayoutFacts {
  const preset = PRESETS[format === 'a4' ? 'a4' : 'a5'];
  return { margins: preset.margins, bodySize: THEME.bodySize, minSize: THEME.minSize };
}

/** Runs the rendered-PDF rules on a PDF read back. */
export async function checkPdf(input: PdfCheckInput, config: CheckConfig): Promise<CheckReport> {
  const findings: Finding[] = [];
  for (const rule of PDF_RULES) {
    const setting = config.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    for (const found of await rule.check(input, setting.options)) {
      findings.push({
        file: found.file ?? input.pdfPath,
        line: found.line ?? null,
        column: found.column ?? null,
        rule: rule.id,
        severity: setting.severity === 'error' && !found.soft ? 'error' : 'warn',
        message: found.message,
      });
    }
  }
  return makeReport(findings, { pdfPath: input.pdfPath, pageCount: input.pageCount });
}
