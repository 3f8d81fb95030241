import { beforeAll, describe, expect, it } from 'vitest';
import { checkBooklet } from '../../src/pipeline.js';
import type { CheckReport } from '../../src/check/report.js';
import { copyReferenceProject } from '../helpers/project.js';

/**
 * `livret check` on the reference booklet: the sources break no rule of
 * severity error and give at most a handful of warnings, each one justified
 * (see the list below); the rendered PDF passes the layout rules.
 */
const JUSTIFIED_WARNINGS = new Set([
  // "N'écrivez pas votre code personnel sur cette page.": a security warning, clearer as a negation.
  'content/bienvenue/09-mes-notes.md:negations',
  // "Les conditions d'utilisation": the page's name on ameli.fr, explained on the next lines.
  'content/bienvenue/04-terminer-creation.md:difficult-words',
]);

describe('livret check on the reference booklet', () => {
  let report: CheckReport;
  beforeAll(async () => {
    report = await checkBooklet({ projectRoot: await copyReferenceProject() });
  });

  it('the sources: no error, at most 5 warnings, each justified', () => {
    const sources = report.findings.filter((finding) => finding.file.endsWith('.md'));
    expect(sources.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(sources.length).toBeLessThanOrEqual(5);
    for (const finding of sources) expect(JUSTIFIED_WARNINGS).toContain(`${finding.file}:${finding.rule}`);
  });

  it('the PDF: type sizes, margins, no broken word, no split or lost sentence', () => {
    const layoutRules = ['min-font-size', 'body-size', 'no-hyphenation', 'split-sentence', 'inside-margins', 'content-loss'];
    expect(report.findings.filter((finding) => layoutRules.includes(finding.rule))).toEqual([]);
  });
});
