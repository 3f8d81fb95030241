import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkChapters } from '../../src/check/check-sources.js';
import { resolveConfig } from '../../src/check/config.js';
import { ALL_RULE_IDS } from '../../src/rules/preset.js';
import { oneSlipAway } from '../../src/rules/source/spelling-checker.js';

/** The spelling findings of one chapter, as "line:column message" (all other rules off). */
async function spellingOf(source: string, options?: Record<string, unknown>): Promise<string[]> {
  const rules = Object.fromEntries(ALL_RULE_IDS.map((id) => [id, id === 'spelling' ? (options ? ['warn', options] : 'warn') : 'off']));
  const report = await checkChapters([{ path: 'c.md', source }], resolveConfig([{ file: 'test', value: { rules } }]));
  return report.findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
}

// First in the file: the tests after it load the dictionary.
describe('spelling is loaded lazily', () => {
  it('loading the rules does not load nspell nor the dictionary (livret --help stays fast)', async () => {
    const require = createRequire(import.meta.url);
    await import('../../src/rules/preset.js');
    const nspell = require.resolve('nspell');
    expect(Object.keys(require.cache).some((file) => file === nspell)).toBe(false);
  });
});

describe('spelling: the seed booklet slips', () => {
  it('"Relévé" is reported with a suggestion; "Relevé" is not', async () => {
    expect(await spellingOf("# Votre RIB\n\nRelévé d'identité bancaire.\n")).toEqual([
      "3:1 Mot inconnu « Relévé » : vérifiez l'orthographe (« Relevé » ?), ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
    expect(await spellingOf("# Votre RIB\n\nRelevé d'identité bancaire.\n")).toEqual([]);
  });

  it('the hint is a known word one slip away (a doubled letter, two letters swapped), or none', async () => {
    expect(await spellingOf('# Nous appeler\n\nVous pouvez nous apeler.\n')).toEqual([
      "3:18 Mot inconnu « apeler » : vérifiez l'orthographe (« appeler » ?), ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
    expect(await spellingOf('# Votre compte\n\nOuvrez votre compte ameli avec le cdoe.\n')).toEqual([
      "3:35 Mot inconnu « cdoe » : vérifiez l'orthographe (« code » ?), ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
    expect(await spellingOf('# Votre compte\n\nOuvrez votre compte xqzt.\n')).toEqual([
      "3:21 Mot inconnu « xqzt » : vérifiez l'orthographe, ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
  });

  it('oneSlipAway: accents first, then doubled letters, swaps and missing letters; never the word itself', () => {
    const near = oneSlipAway('Relévé');
    expect(near.slice(0, 3)).toEqual(['Relevé', 'Relèvé', 'Relêvé']);
    expect(near).toEqual(expect.arrayContaining(['Relvéé', 'Rellévé', 'Rlévé']));
    expect(oneSlipAway('apeler').indexOf('appeler')).toBeLessThan(oneSlipAway('apeler').indexOf('peler'));
    expect(near).not.toContain('Relévé');
    expect(oneSlipAway('ça')).toEqual(expect.arrayContaining(['ca', 'çà', 'aç']));
  });

  it('"su la page" (a real word in the wrong place) is reported; "sur la page" is not', async () => {
    expect(await spellingOf('# Votre compte\n\nVous arrivez su la page du compte.\n')).toEqual(['3:14 « su la » : vouliez-vous écrire « sur la » ?']);
    expect(await spellingOf('# Votre compte\n\nVous arrivez sur la page du compte.\n')).toEqual([]);
  });

  it('"Je saisie" is reported with "Je saisis"; "Je saisis" and "J\'étudie" are not', async () => {
    expect(await spellingOf('# Votre email\n\nJe saisie mon adresse email.\n')).toEqual(['3:1 « Je saisie » : avec « je », écrivez « Je saisis ».']);
    expect(await spellingOf("# Votre email\n\nJe saisis mon adresse email.\nJ'étudie la page.\n")).toEqual([]);
  });

  it("the project's words (ameli, FranceConnect) and the rule's own list are known; names inside a sentence are left alone", async () => {
    expect(await spellingOf('# Votre compte\n\nAllez sur ameli avec FranceConnect.\nVenez à Flers.\n')).toEqual([]);
    expect(await spellingOf('# Votre compte\n\nOuvrez Doctolib.\nDoctolib vous aide.\n')).toEqual([
      "4:1 Mot inconnu « Doctolib » : vérifiez l'orthographe, ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
    expect(await spellingOf('# Votre compte\n\nDoctolib vous aide.\n', { words: ['Doctolib'] })).toEqual([]);
  });

  it('variables are the department file\'s words, not checked here', async () => {
    expect(await spellingOf('# Votre compte\n\nAppelez le {{caisse.telephone}} {{departement.de}}.\n')).toEqual([]);
  });
});

describe('the spelling answers are cached for the booklet’s words', () => {
  it('a second checker for the same words answers from the cache file, as the dictionary did, without reading it', async () => {
    const { vi } = await import('vitest');
    // A word set of this test only, so that the cache file holds no earlier answers for it.
    const words = new Set(['bonjour', 'relévé', 'relevé', `essai${process.pid}`]);
    const ask = (checker: { correct(word: string): boolean; suggest(word: string): string[] }) =>
      [...words].map((word) => ({ word, correct: checker.correct(word), suggestions: checker.correct(word) ? [] : checker.suggest(word).slice(0, 3) }));
    vi.resetModules();
    const first = await import('../../src/rules/source/spelling-checker.js');
    const answered = ask(first.spellChecker(words));
    expect(first.dictionaryLoads()).toBe(1);
    expect(answered.find((answer) => answer.word === 'bonjour')?.correct).toBe(true);
    expect(answered.find((answer) => answer.word === 'relévé')).toMatchObject({ correct: false, suggestions: expect.arrayContaining(['relevé']) });
    await new Promise((resolve) => setImmediate(resolve));
    vi.resetModules();
    const second = await import('../../src/rules/source/spelling-checker.js');
    expect(ask(second.spellChecker(words))).toEqual(answered);
    expect(second.dictionaryLoads()).toBe(0);
  });
});
