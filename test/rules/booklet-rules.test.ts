import { describe, expect, it } from 'vitest';
import { loadSources, modelStage } from '../../src/pipeline.js';
import { singleStep } from '../../src/rules/booklet/single-step.js';
import type { BookletCheckInput } from '../../src/rules/booklet/booklet-rule.js';
import { makeProject } from '../helpers/project.js';

/** The model of a one-chapter project, as a booklet rule receives it. */
async function inputFor(chapter: string): Promise<BookletCheckInput> {
  const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter });
  const sources = await loadSources({ projectRoot });
  return { booklet: modelStage(sources), lexicon: sources.lexicon, projectRoot };
}

describe('single-step', () => {
  it('a :::steps of one step is reported at the block; two steps are not', async () => {
    const one = await inputFor('# Un chapitre\n\n:::steps\n1. Cliquez sur « Valider ».\n:::\n');
    expect(await singleStep.check(one, {})).toEqual([
      {
        file: 'content/mini/chapitre.md',
        line: 3,
        column: 1,
        message: "Ce bloc :::steps n'a qu'une étape : écrivez-la comme un paragraphe, ou joignez-la aux étapes voisines.",
      },
    ]);
    const two = await inputFor('# Un chapitre\n\n:::steps\n1. Cliquez sur « Valider ».\n2. Cliquez sur « Continuer ».\n:::\n');
    expect(await singleStep.check(two, {})).toEqual([]);
  });
});
