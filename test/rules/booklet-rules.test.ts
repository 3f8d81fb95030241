import { describe, expect, it } from 'vitest';
import { loadSources, modelStage } from '../../src/pipeline.js';
import { singleStep } from '../../src/rules/booklet/single-step.js';
import { onePictureOneConcept, repeatedPicture } from '../../src/rules/booklet/picture-concepts.js';
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

describe('one picture, one concept', () => {
  /** A lexicon where a phone and a tablet share one picture: the mistake the rule is for. */
  const LEXICON = [
    'telephone-portable: { icon: fluent-emoji-flat:mobile-phone, words: [téléphone portable, smartphone] }',
    'tablette: { icon: fluent-emoji-flat:mobile-phone, words: [tablette] }',
    'ordinateur: { icon: fluent-emoji-flat:laptop, words: [ordinateur] }',
    'ameli: { icon: fluent-emoji-flat:globe-with-meridians, words: [ameli.fr, site] }',
    'internet: { icon: fluent-emoji-flat:link, words: [internet, lien] }',
    'cpam: { icon: fluent-emoji-flat:classical-building, words: [cpam] }',
    'valider: { icon: fluent-emoji-flat:check-mark-button, words: [valider, validez] }',
    '',
  ].join('\n');
  async function inputWith(chapter: string): Promise<BookletCheckInput> {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter, 'assets/pictograms/lexicon.yaml': LEXICON });
    const sources = await loadSources({ projectRoot });
    return { booklet: modelStage(sources), lexicon: sources.lexicon, projectRoot };
  }
  const CHAPTER = '---\npicto: cpam\n---\n\n# Votre compte\n\n';

  it('one-picture-one-concept: one picture for two concepts (a phone and a tablet), at the second use', async () => {
    const bad = await inputWith(`${CHAPTER}Prenez votre smartphone.\n\nValidez.\n\nPrenez votre tablette.\n`);
    expect(await onePictureOneConcept.check(bad, {})).toEqual([
      {
        file: 'content/mini/chapitre.md',
        line: 11,
        column: 1,
        message:
          "L'image fluent-emoji-flat:mobile-phone montre ici « tablette », mais « telephone-portable » en content/mini/chapitre.md:7 : une image pour une seule idée. Donnez une autre image à l'une des deux dans le lexique.",
      },
    ]);
    const good = await inputWith(`${CHAPTER}Prenez votre smartphone.\n\nValidez.\n\nAllumez votre ordinateur.\n`);
    expect(await onePictureOneConcept.check(good, {})).toEqual([]);
  });

  it('one-picture-one-concept: the website drawn with its globe, then with an icon from outside the lexicon', async () => {
    const bad = await inputWith(`${CHAPTER}Allez sur le site ameli.fr.\n\nValidez.\n\n::picto{name=fluent-emoji-flat:globe-showing-americas}\nAllez sur le site ameli.fr.\n`);
    expect(await onePictureOneConcept.check(bad, {})).toEqual([
      expect.objectContaining({ line: 12, column: 1, message: expect.stringContaining("« ameli » a ici l'image fluent-emoji-flat:globe-showing-americas, mais fluent-emoji-flat:globe-with-meridians en content/mini/chapitre.md:7") }),
    ]);
    const good = await inputWith(`${CHAPTER}Allez sur le site ameli.fr.\n\nValidez.\n\n::picto{name=ameli}\nAllez sur le site ameli.fr.\n`);
    expect(await onePictureOneConcept.check(good, {})).toEqual([]);
  });

  it('repeated-picture: the same picture on two blocks in a row is a warning; one block between them, none', async () => {
    const bad = await inputWith(`${CHAPTER}Validez.\n\nAllumez votre ordinateur.\n\nÉteignez votre ordinateur.\n`);
    expect(await repeatedPicture.check(bad, {})).toEqual([
      {
        file: 'content/mini/chapitre.md',
        line: 11,
        column: 1,
        message:
          "Même image (fluent-emoji-flat:laptop) que le bloc juste avant (content/mini/chapitre.md:9) : choisissez une image pour l'idée de ce bloc, ou joignez les deux blocs.",
      },
    ]);
    const good = await inputWith(`${CHAPTER}Allumez votre ordinateur.\n\nValidez.\n\nÉteignez votre ordinateur.\n`);
    expect(await repeatedPicture.check(good, {})).toEqual([]);
  });

  it('repeated-picture: a title and its first block, or a lead-in ":" and its list, print the picture once: not reported', async () => {
    const input = await inputWith(`${CHAPTER}La CPAM vous aide.\n\nValidez.\n\nLa CPAM aide beaucoup de personnes :\n\n- La CPAM aide les enfants.\n- La CPAM aide les parents.\n`);
    expect(await repeatedPicture.check(input, {})).toEqual([]);
  });
});
