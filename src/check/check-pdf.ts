import { PRESETS } from '../geometry/presets.js';
import { THEME } from '../geometry/theme.js';
import { PDF_RULES } from '../rules/preset.js';
import type { LayoutFacts, PdfCheckInput } from '../rules/pdf/pdf-rule.js';
import type { CheckConfig } from './config.js';
import { makeReport, type CheckReport } from './report.js';
import { runCheckRules } from './run-rules.js';

/** Margins and type sizes the layout used for a format, from the layout preset and the theme. */
export function layoutFactsFor(format: 'a4' | 'a5-booklet'): LayoutFacts {
  const preset = PRESETS[format === 'a4' ? 'a4' : 'a5'];
  return { margins: preset.margins, bodySize: THEME.bodySize, minSize: THEME.minSize };
}

/** Runs the rendered-PDF rules on a PDF read back. */
export async function checkPdf(input: PdfCheckInput, config: CheckConfig): Promise<CheckReport> {
  const findings = await runCheckRules(PDF_RULES, input, config, input.pdfPath);
  return makeReport(findings, { pdfPath: input.pdfPath, pageCount: input.pageCount });
}
