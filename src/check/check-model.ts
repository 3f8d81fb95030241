import type { Lexicon } from '../pictograms/lexicon.js';
import type { Booklet } from '../model/booklet.js';
import { BOOKLET_RULES } from '../rules/preset.js';
import type { CheckConfig } from './config.js';
import { makeReport, type CheckReport } from './report.js';
import { runCheckRules } from './run-rules.js';

/** Runs the booklet-level rules (pictures per block, department TODOs) on a built Booklet model. */
export async function checkModel(booklet: Booklet, lexicon: Lexicon, projectRoot: string, config: CheckConfig): Promise<CheckReport> {
  return makeReport(await runCheckRules(BOOKLET_RULES, { booklet, lexicon, projectRoot }, config, booklet.id));
}
