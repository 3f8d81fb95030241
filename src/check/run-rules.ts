import type { CheckRule } from '../rules/check-rule.js';
import type { CheckConfig } from './config.js';
import type { Finding } from './report.js';

/**
 * Runs booklet or PDF rules with their configured severity and options. A
 * finding without a file is about `fallbackFile` (the PDF, or booklet.yaml).
 */
export async function runCheckRules<Input>(
  rules: readonly CheckRule<Input>[],
  input: Input,
  config: CheckConfig,
  fallbackFile: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    for (const found of await rule.check(input, setting.options)) {
      findings.push({
        file: found.file ?? fallbackFile,
        line: found.line ?? null,
        column: found.column ?? null,
        rule: rule.id,
        severity: setting.severity === 'error' && !found.soft ? 'error' : 'warn',
        message: found.message,
      });
    }
  }
  return findings;
}
