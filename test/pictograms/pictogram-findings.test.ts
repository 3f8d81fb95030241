import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { loadLexicon } from '../../src/pictograms/lexicon.js';
import { pictogramFindings } from '../../src/pictograms/pictogram-findings.js';
import { makeProject } from '../helpers/project.js';

async function findingsFor(chapter: string) {
  const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter });
  const { booklet } = await buildBooklet({ projectRoot, write: false, imageCacheDir: false, checks: 'content-loss' });
  return pictogramFindings(booklet, await loadLexicon(projectRoot));
}

describe('pictogram findings for livret check', () => {
  it('every block has a picture, each concept one picture: no finding', async () => {
    const findings = await findingsFor('# Un chapitre\n\nVous pouvez appeler la CPAM.\n\nAllumez votre ordinateur.\n\n::picto{name=fluent-emoji-flat:laptop}\nVotre ordinateur est prêt.\n');
    expect(findings).toEqual([]);
  });

  it('block-without-picture: a text block with no ::picto and no lexicon word', async () => {
    const findings = await findingsFor('# Un chapitre\n\nVous pouvez appeler la CPAM.\n\nLe ciel est bleu.\n');
    expect(findings).toEqual([
      expect.objectContaining({ file: 'content/mini/chapitre.md', line: 5, column: 1, rule: 'block-without-picture', severity: 'warn' }),
    ]);
  });

  it('a step with a screenshot needs no pictogram; a step without either is reported', async () => {
    const findings = await findingsFor('# Un chapitre\n\n:::steps\n1. Regardez bien.\n   ::screenshot{src=exemple.png alt="Une page"}\n2. Le ciel est bleu.\n:::\n');
    expect(findings.map((finding) => [finding.line, finding.rule])).toEqual([[6, 'block-without-picture']]);
    expect(findings[0]!.message).toMatch(/l’étape 2 n’a pas d’image/);
  });

  it('one-concept-one-picture: a set:icon on a block about a concept drawn with another icon elsewhere', async () => {
    const findings = await findingsFor(
      '# Un chapitre\n\nVotre ordinateur est prêt.\n\n::picto{name=fluent-emoji-flat:desktop-computer}\nAllumez votre ordinateur.\n',
    );
    expect(findings).toEqual([
      expect.objectContaining({ line: 6, rule: 'one-concept-one-picture', severity: 'warn' }),
    ]);
    expect(findings[0]!.message).toContain('« ordinateur » est dessiné ici avec fluent-emoji-flat:desktop-computer mais ailleurs avec fluent-emoji-flat:laptop (comme à content/mini/chapitre.md:3)');
  });
});

describe('pictogram findings fit livret check', () => {
  it('are Finding values of src/check/report.ts', async () => {
    const { makeReport } = await import('../../src/check/report.js');
    const report = makeReport(await findingsFor('# Un chapitre\n\nLe ciel est bleu.\n'));
    expect(report.warningCount).toBe(1);
    expect(report.errorCount).toBe(0);
  });
});
