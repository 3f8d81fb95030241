import type { Lexicon } from '../pictograms/lexicon.js';
import type { Booklet } from '../model/booklet.js';
import { BOOKLET_RULES } from '../rules/preset.js';
import type { CheckConfig } from './config.js';
import { makeReport, type CheckReport, type Finding } from './report.js';

/** Runs the booklet-level rules (pictures per block, department TODOs) on a built Booklet model. */
export function checkModel(booklet: Booklet, lexicon: Lexicon, projectRoot: string, config: CheckConfig): CheckReport {
  const findings: Finding[] = [];
  for (const rule of BOOKLET_RULES) {
    const setting = config.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    for (const found of rule.check({ booklet, lexicon, projectRoot }, setting.options)) {
      findings.push({ ...found, rule: rule.id, severity: setting.severity });
    }
  }
  return makeReport(findings);
}
