import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDepartment } from '../../src/content/load-department.js';
import { loadBookletSource } from '../../src/content/booklet-config.js';
import { checkPdf } from '../../src/check/check-pdf.js';
import { checkChapters } from '../../src/check/check-sources.js';
import { defaultConfig, resolveConfig } from '../../src/check/config.js';
import { formatStylish } from '../../src/check/reporters.js';
import { makeReport } from '../../src/check/report.js';
import { LivretError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { languageFromEnvironment, setLanguage, t } from '../../src/i18n/index.js';
import { closestName, suggestName } from '../../src/i18n/suggest.js';
import { ALL_RULE_IDS } from '../../src/rules/preset.js';
import { makeProject, MINI_DEPARTMENT } from '../helpers/project.js';
import { pdfInput } from '../rules/helpers/pdf.js';

afterEach(() => setLanguage('fr'));

function thrown(run: () => unknown): LivretError {
  try {
    run();
  } catch (error) {
    if (error instanceof LivretError) return error;
    throw error;
  }
  throw new Error('expected a LivretError');
}

async function rejected(promise: Promise<unknown>): Promise<LivretError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LivretError);
  return error as LivretError;
}

describe('one catalogue per language', () => {
  it('French and English have the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  });

  it('French by default; LIVRET_LANG=en (or en_GB.UTF-8) gives English; the locale is not followed', () => {
    expect(languageFromEnvironment({})).toBe('fr');
    expect(languageFromEnvironment({ LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(languageFromEnvironment({ LIVRET_LANG: 'en' })).toBe('en');
    expect(languageFromEnvironment({ LIVRET_LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LIVRET_LANG: 'de' })).toBe('fr');
  });

  it('a summary in both languages, with its plural', () => {
    expect(t('summary.built', { count: 3, total: 3, seconds: '2,5', workers: 2 })).toBe('3 départements sur 3 fabriqués en 2,5 s avec 2 fil(s) de travail.');
    expect(t('summary.built', { count: 1, total: 2, seconds: '2,5', workers: 1 })).toBe('1 département sur 2 fabriqué en 2,5 s avec 1 fil(s) de travail.');
    setLanguage('en');
    expect(t('summary.built', { count: 3, total: 3, seconds: '2.5', workers: 2 })).toBe('Built 3 of 3 department(s) in 2.5 s with 2 worker(s).');
  });

  it('findings are printed with French labels and counts, English with LIVRET_LANG=en', () => {
    const report = makeReport([
      { file: 'content/a.md', line: 3, column: 1, rule: 'negations', severity: 'warn', message: 'Phrase négative.' },
      { file: 'content/a.md', line: 12, column: 4, rule: 'dates', severity: 'error', message: 'Date.' },
    ]);
    expect(formatStylish(report)).toBe(
      'content/a.md\n  3:1   avertissement  Phrase négative.  negations\n  12:4  erreur         Date.             dates\n\n✖ 1 erreur\n⚠ 1 avertissement',
    );
    setLanguage('en');
    expect(formatStylish(report)).toBe('content/a.md\n  3:1   warning  Phrase négative.  negations\n  12:4  error    Date.             dates\n\n✖ 1 error\n⚠ 1 warning');
    expect(formatStylish(makeReport([]))).toBe('livret check: no problem found.');
  });
});

describe('suggestions', () => {
  it('the close name for a typo, the English key for a French word, nothing for a far word', () => {
    expect(closestName('biuld', ['build', 'check', 'preview'])).toBe('build');
    expect(closestName('departement', ['department', 'format'])).toBe('department');
    expect(suggestName('lundi', ['monday', 'tuesday'])).toBe('monday');
    expect(suggestName('Horaires', ['name', 'hours'])).toBe('hours');
    expect(suggestName('chapitres', ['title', 'chapters'])).toBe('chapters');
    expect(suggestName('agences', ['office', 'agencies'])).toBe('agencies');
    expect(suggestName('zzzz', ['build', 'check'])).toBeUndefined();
  });

  it('never suggests a name that is not known (property)', () => {
    const known = ['build', 'check', 'preview', 'monday', 'hours', 'chapters'];
    fc.assert(fc.property(fc.string(), (typed) => {
      const name = suggestName(typed, known);
      return name === undefined || known.includes(name);
    }));
  });
});

const withLine = (from: string, to: string) => {
  expect(MINI_DEPARTMENT).toContain(from);
  return MINI_DEPARTMENT.replace(from, to);
};

describe('YAML keys and values, in French, at their line', () => {
  it('`lundi:` in a department file: the English key, at its line', () => {
    const source = withLine('hours: { monday: ["08:30-17:00"]', 'hours: { lundi: ["08:30-17:00"]');
    const error = thrown(() => parseDepartment(source, 'content/departments/61.yaml'));
    expect(error.format()).toBe(
      'content/departments/61.yaml:12:14: agencies[0].hours.lundi : champ inconnu « lundi » : les champs s’écrivent en anglais, écrivez « monday »',
    );
    setLanguage('en');
    expect(thrown(() => parseDepartment(source, 'x.yaml')).message).toBe('agencies[0].hours.lundi: unknown field "lundi": fields are written in English, write "monday"');
  });

  it('a typo in a key: the close key', () => {
    const error = thrown(() => parseDepartment(withLine('  website: ameli.fr', '  webside: ameli.fr'), 'x.yaml'));
    expect(error.message).toBe('office.webside : champ inconnu « webside » : supprimez-le ou corrigez son orthographe ; vouliez-vous dire « website » ? (1 autre problème après celui-ci)');
    expect(error.location).toEqual({ file: 'x.yaml', line: 8, column: 3 });
  });

  it('a value of the wrong type: no library text', () => {
    const error = thrown(() => parseDepartment(withLine('  website: ameli.fr', '  website: [ameli.fr]'), 'x.yaml'));
    expect(error.message).toBe('office.website : il faut un texte, pas une liste');
  });

  it('`chapitres:` in booklet.yaml: the English key, at its line', async () => {
    const projectRoot = await makeProject({ 'content/mini/booklet.yaml': 'title: "Livret"\nchapitres: [chapitre.md]\n' });
    const error = await rejected(loadBookletSource(projectRoot, 'mini'));
    expect(error.format()).toBe('content/mini/booklet.yaml:2:1: chapitres : champ inconnu « chapitres » : les champs s’écrivent en anglais, écrivez « chapters » (1 autre problème après celui-ci)');
  });

  it('booklet.yaml: a missing key and a wrong value, with their lines', async () => {
    const missing = await makeProject({ 'content/mini/booklet.yaml': 'title: "Livret"\n' });
    expect((await rejected(loadBookletSource(missing, 'mini'))).format()).toBe(
      'content/mini/booklet.yaml:1:1: chapters : il manque le champ « chapters » (une liste) : ajoutez-le',
    );
    const wrong = await makeProject({ 'content/mini/booklet.yaml': 'title: "Livret"\nchapters: chapitre.md\n' });
    expect((await rejected(loadBookletSource(wrong, 'mini'))).format()).toBe(
      'content/mini/booklet.yaml:2:1: chapters : il faut une liste, pas un texte',
    );
  });

  it('an unknown rule id in livret.config.yaml: the close one', () => {
    const error = thrown(() => resolveConfig([{ file: 'livret.config.yaml', value: { rules: { 'sentence-lenght': 'warn' } }, lineOf: () => 4 }]));
    expect(error.format()).toBe('livret.config.yaml:4: règle inconnue « sentence-lenght » ; vouliez-vous dire « sentence-length » ?');
  });
});

describe('rule findings in both languages (finding.* keys)', () => {
  /** The messages of one source rule (all others off), checked in `language`. */
  async function sourceMessages(language: 'fr' | 'en', rule: string, source: string): Promise<string[]> {
    setLanguage(language);
    const rules = Object.fromEntries(ALL_RULE_IDS.map((id) => [id, id === rule ? 'error' : 'off']));
    const report = await checkChapters([{ path: 'c.md', source }], resolveConfig([{ file: 'test', value: { rules } }]));
    return report.findings.map((finding) => finding.message);
  }

  /** The messages of one PDF rule on a small pdfmake PDF, checked in `language`. */
  async function pdfMessages(language: 'fr' | 'en', rule: string, definition: Parameters<typeof pdfInput>[0], sentences: string[]): Promise<string[]> {
    setLanguage(language);
    const report = await checkPdf(await pdfInput(definition, { sentences }), defaultConfig());
    return report.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);
  }

  it('every finding key has its French and its English text, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const keys = Object.keys(fr).filter((key) => key.startsWith('finding.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(fr[key as keyof typeof fr]));
  });

  it('sentence-length and phone-numbers: French by default, English when the language is English', async () => {
    const long = `${Array.from({ length: 20 }, () => 'mot').join(' ')}.\n`;
    expect(await sourceMessages('fr', 'sentence-length', long)).toEqual(['Cette phrase a 20 mots : 15 au plus. Coupez-la en 2 phrases, une par ligne.']);
    expect(await sourceMessages('en', 'sentence-length', long)).toEqual(['This sentence has 20 words: 15 at most. Split it into 2 sentences, one per line.']);
    const phone = 'Appelez le +33 2 33 12 34 56.';
    expect(await sourceMessages('fr', 'phone-numbers', phone)).toEqual([
      'Numéro de téléphone « +33 2 33 12 34 56 » : écrivez-le par groupes de 2 chiffres, « 02 33 12 34 56 ».',
    ]);
    expect(await sourceMessages('en', 'phone-numbers', phone)).toEqual(['Phone number "+33 2 33 12 34 56": write it in groups of 2 digits, "02 33 12 34 56".']);
  });

  it('forbidden-characters: the advice, built apart, follows the language too', async () => {
    const source = 'Venez lundi ; apportez votre carte.';
    expect(await sourceMessages('fr', 'forbidden-characters', source)).toEqual(['Caractère « ; » à éviter : mettez un point et commencez une nouvelle ligne.']);
    expect(await sourceMessages('en', 'forbidden-characters', source)).toEqual(['Character ";" to avoid: put a full stop and start a new line.']);
  });

  it('spelling: the suggestion is a nested message, in the same language', async () => {
    const source = "# Votre RIB\n\nRelévé d'identité bancaire.\n";
    expect(await sourceMessages('fr', 'spelling', source)).toEqual([
      "Mot inconnu « Relévé » : vérifiez l'orthographe (« Relevé » ?), ou ajoutez le mot à la liste « words » de la règle spelling.",
    ]);
    expect(await sourceMessages('en', 'spelling', source)).toEqual([
      'Unknown word "Relévé": check the spelling ("Relevé"?), or add the word to the "words" list of the spelling rule.',
    ]);
  });

  it('content-loss and tagged-pdf: French by default, English when the language is English', async () => {
    const printed = { content: [{ text: 'Gardez votre code.' }] };
    const sources = ['Gardez votre code.', 'Ne le donnez à personne.'];
    expect(await pdfMessages('fr', 'content-loss', printed, sources)).toEqual([
      'Phrase absente du PDF : « Ne le donnez à personne. ». Un bloc trop haut pour une page a peut-être été supprimé : coupez-le.',
    ]);
    expect(await pdfMessages('en', 'content-loss', printed, sources)).toEqual([
      'Sentence missing from the PDF: « Ne le donnez à personne. ». A block too tall for one page may have been removed: split it.',
    ]);
    const untagged = { tagged: false, content: [{ text: 'Gardez votre code.' }] };
    expect(await pdfMessages('fr', 'tagged-pdf', untagged, ['Gardez votre code.'])).toEqual([
      "Le PDF n'est pas balisé (pas d'arbre de structure, PDF/UA) : un lecteur d'écran le lit comme un seul bloc de texte.",
    ]);
    expect(await pdfMessages('en', 'tagged-pdf', untagged, ['Gardez votre code.'])).toEqual([
      'The PDF is not tagged (no structure tree, PDF/UA): a screen reader reads it as a single block of text.',
    ]);
  });
});
