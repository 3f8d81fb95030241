import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kandelMoles, readability, VARIABLE_SYLLABLES } from '../../src/rules/text/kandel-moles.js';
import { countSentenceSyllables, countSyllables } from '../../src/rules/text/syllables.js';
import { words } from '../../src/rules/text/words.js';

function sentenceSyllables(sentence: string): number {
  return countSentenceSyllables(words(sentence).map((word) => word.text)).reduce((sum, count) => sum + count, 0);
}

describe('French syllable counter (EASY-READ.md heuristic)', () => {
  it.each([
    ['été', 2],
    ['maison', 2],
    ['chat', 1],
    ['école', 2], // silent final e dropped
    ['page', 1],
    ['pages', 1], // livret also drops the silent "-es"
    ['aimée', 2], // "ée" is one group: nothing to drop
    ['personne', 2],
    ['oiseau', 2],
    ['tableau', 2],
    ['hôpital', 3],
    ['utilisation', 5],
    ['remboursements', 4],
    ["l'Assurance", 3],
    ['le', 1],
    ['a', 1],
  ])('%s = %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it.each([
    ['banque', 1],
    ['musique', 2],
    ['langue', 1],
    ['guérir', 2],
    ['aiguille', 2],
    ['quatre', 1],
    ['linguistique', 3],
    ['ambiguë', 3],
  ])('"qu"/"gu": the u before a vowel is not a syllable: %s = %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it('verbs in "-ent": silent after ils/elles, "ils parlent" = 2', () => {
    expect(sentenceSyllables('ils parlent')).toBe(2);
    expect(sentenceSyllables('elles se parlent')).toBe(3);
    expect(sentenceSyllables("qu'ils mangent")).toBe(2);
    expect(sentenceSyllables('le moment')).toBe(3); // a noun in -ent keeps its syllable
  });

  it('known errors of the heuristic, kept visible', () => {
    expect(countSyllables('parlent')).toBe(2); // alone, "parlent" cannot be told from "moment": 1 spoken
    expect(sentenceSyllables('les enfants parlent')).toBe(5); // 4 spoken: no "ils"/"elles" before the verb
    expect(countSyllables('création')).toBe(2); // 3 spoken: "éa" is a hiatus, read as one group
    expect(countSyllables('pays')).toBe(1); // 2 spoken
  });

  it('every word with a letter has at least 1 syllable, and no more than its letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zéèàùâêîôûç]{1,12}$/), (word) => {
        const count = countSyllables(word);
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(word.length);
      }),
    );
  });
});

describe('Kandel & Moles readability', () => {
  it('follows the formula L = 207 − 1.015 × words/sentence − 73.6 × syllables/word', () => {
    expect(kandelMoles(10, 1.5)).toBeCloseTo(86.45, 2);
    expect(kandelMoles(20, 2)).toBeCloseTo(39.5, 2);
  });

  it('counts each line as a sentence: "Vous avez un compte." + "Il est gratuit." = 7 words, 9 syllables', () => {
    const counts = readability(['Vous avez un compte.', 'Il est gratuit.']);
    expect(counts).toMatchObject({ sentences: 2, words: 7, syllables: 9 });
    expect(counts.score).toBeCloseTo(207 - 1.015 * 3.5 - (73.6 * 9) / 7, 1);
  });

  it('long words and long sentences score lower than short ones', () => {
    const easy = readability(['Vous avez un compte.', 'Il est gratuit.']).score;
    const hard = readability(['L’administration départementale communique systématiquement les informations réglementaires.']).score;
    expect(hard).toBeLessThan(40);
    expect(easy).toBeGreaterThan(60);
  });

  it('a {{variable}} is one word of 2 syllables; a number 1 syllable a digit (3 at most)', () => {
    expect(readability(['{{caisse.nom}}'])).toMatchObject({ words: 1, syllables: VARIABLE_SYLLABLES });
    expect(readability(['8'])).toMatchObject({ words: 1, syllables: 1 });
    expect(readability(['2025'])).toMatchObject({ words: 1, syllables: 3 });
  });

  it('words: elisions, hyphens and web addresses stay one word', () => {
    expect(words("L'Assurance Maladie, connectez-vous sur ameli.fr {{caisse.site}}").map((word) => word.text)).toEqual([
      "L'Assurance",
      'Maladie',
      'connectez-vous',
      'sur',
      'ameli.fr',
      '{{caisse.site}}',
    ]);
  });
});
