import { describe, expect, it } from 'vitest';
import { checkChapters, type ChapterInput } from '../../src/check/check-sources.js';
import { resolveConfig } from '../../src/check/config.js';
import { ALL_RULE_IDS } from '../../src/rules/preset.js';

/** Findings of one rule (all others off), as "file:line:column severity". */
async function findings(rule: string, chapters: ChapterInput[] | string, options?: Record<string, unknown>): Promise<string[]> {
  const input = typeof chapters === 'string' ? [{ path: 'c.md', source: chapters }] : chapters;
  const rules = Object.fromEntries(ALL_RULE_IDS.map((id) => [id, id === rule ? (options ? ['error', options] : 'error') : 'off']));
  const report = await checkChapters(input, resolveConfig([{ file: 'test', value: { rules } }]));
  return report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity}`);
}

async function messages(rule: string, source: string): Promise<string[]> {
  const rules = Object.fromEntries(ALL_RULE_IDS.map((id) => [id, id === rule ? 'error' : 'off']));
  const report = await checkChapters([{ path: 'c.md', source }], resolveConfig([{ file: 'test', value: { rules } }]));
  return report.findings.map((finding) => finding.message);
}

describe('positions', () => {
  it('point into list items of a :::steps block (indented continuation lines)', async () => {
    const source = ':::steps\n1. Allez sur le site.\n   Vous avez trois jours.\n:::\n';
    expect(await findings('numbers-in-digits', source)).toEqual(['c.md:3:14 error']);
  });

  it('count through **bold** and :term[…] markup', async () => {
    const source = 'La :term[CPAM]{definition="Caisse primaire"} et **la banque** ; voilà.\n';
    expect(await findings('forbidden-characters', source)).toEqual(['c.md:1:63 error']);
  });
});

describe(':term definitions (printed in the explanation box and the glossary)', () => {
  const term = (definition: string) => `Votre :term[IBAN]{definition="${definition}"} est sur le RIB.\n`;

  it('are checked like sentences, with positions inside the attribute', async () => {
    expect(await findings('numbers-in-digits', term('Le numéro de votre compte. Il a vingt-sept signes.'))).toEqual(['c.md:1:63 error']);
    expect(await findings('forbidden-characters', term('Le numéro (bancaire) de votre compte.'))).toEqual(['c.md:1:41 error', 'c.md:1:50 error']);
  });

  it('may hold 2 sentences, and may use letters such as FR without a :term', async () => {
    const definition = 'Le numéro de votre compte en banque. En France, il commence par FR.';
    expect(await findings('one-sentence-per-line', term(definition))).toEqual([]);
    expect(await findings('sentence-length', term(definition))).toEqual([]);
    expect(await findings('abbreviations', term(definition).replace('le RIB', 'votre relevé'))).toEqual([]);
  });
});

describe('sentence-length', () => {
  const words = (count: number) => `${Array.from({ length: count }, () => 'mot').join(' ')}.`;
  it('12 words pass, 13 to 15 warn, 16 is an error', async () => {
    expect(await findings('sentence-length', words(12))).toEqual([]);
    expect(await findings('sentence-length', words(13))).toEqual(['c.md:1:1 warn']);
    expect(await findings('sentence-length', words(15))).toEqual(['c.md:1:1 warn']);
    expect(await findings('sentence-length', words(16))).toEqual(['c.md:1:1 error']);
  });

  it('a variable is one word; each source line is its own sentence', async () => {
    expect(await findings('sentence-length', `${words(8)}\n${words(8)}\nAppelez la {{caisse.nom}} au {{caisse.telephone}}.`)).toEqual([]);
  });
});

describe('sentences-per-block', () => {
  it('counts all the lines of one step, not per step list', async () => {
    const step = (lines: number) => Array.from({ length: lines }, (_, index) => `${index === 0 ? '1. ' : '   '}Phrase ${index + 1}.`).join('\n');
    expect(await findings('sentences-per-block', `:::steps\n${step(5)}\n:::\n`)).toEqual([]);
    expect(await findings('sentences-per-block', `:::steps\n${step(6)}\n:::\n`)).toEqual(['c.md:7:4 error']);
  });
});

describe('commas-per-sentence', () => {
  it('a decimal comma does not count', async () => {
    expect(await findings('commas-per-sentence', 'Le prix est 0,06 €, 0,10 € ou 0,15 €, selon le jour.')).toEqual([]);
  });
});

describe('numbers-in-digits', () => {
  it('"un", "une", "premier" stay words; compound numbers and ordinals are reported; allow accepts a word', async () => {
    expect(await findings('numbers-in-digits', 'Un enfant, une carte, le premier jour.')).toEqual([]);
    expect(await messages('numbers-in-digits', 'Il a dix-sept ans.')).toEqual(['Nombre écrit en lettres « dix-sept » : écrivez ce nombre en chiffres.']);
    expect(await messages('numbers-in-digits', 'Le deuxième jour.')).toEqual(['Nombre écrit en lettres « deuxième » : écrivez « 2e ».']);
    expect(await findings('numbers-in-digits', 'Un téléphone neuf.', { allow: ['neuf'] })).toEqual([]);
    expect(await findings('numbers-in-digits', 'Un téléphone neuf.')).toEqual(['c.md:1:14 error']);
  });
});

describe('roman-numerals', () => {
  it('"XXIe" is reported with its value; "Le", "CPAM", "I" are not', async () => {
    expect(await messages('roman-numerals', 'Au XXIe siècle.')).toEqual(['Chiffre romain « XXIe » : écrivez « 21e ».']);
    expect(await findings('roman-numerals', 'Le CPAM et la CMU. I.')).toEqual([]);
  });
});

describe('dates and times', () => {
  it('a numeric date gets its weekday in the message; a range "3-4" is not a date', async () => {
    expect(await messages('dates', 'Le 14/07/2025.')).toEqual(['Date en chiffres « 14/07/2025 » : écrivez « lundi 14 juillet 2025 ».']);
    expect(await findings('dates', 'Comptez 3-4 jours. Le prix est 8.50 euros.\nAppelez le 06.06.87.65.18.')).toEqual([]);
  });

  it('one time style across the booklet: the first chapter sets it', async () => {
    const chapters = [
      { path: 'a.md', source: "L'agence ouvre à 8h30.\n" },
      { path: 'b.md', source: "L'agence ferme à 17 h 30.\nElle ferme à 12h.\nOu à 12:30.\n" },
    ];
    expect(await findings('time-format', chapters)).toEqual(['b.md:1:18 error', 'b.md:3:6 error']);
  });
});

describe('phone-numbers', () => {
  it('grouped by 2 passes; dots, +33 and 10 digits in a row are reported', async () => {
    expect(await findings('phone-numbers', 'Appelez le 02 33 12 34 56 ou le 36 46.')).toEqual([]);
    expect(await messages('phone-numbers', 'Appelez le +33 2 33 12 34 56.')).toEqual([
      'Numéro de téléphone « +33 2 33 12 34 56 » : écrivez-le par groupes de 2 chiffres, « 02 33 12 34 56 ».',
    ]);
    expect(await findings('phone-numbers', 'Appelez le 02.33.12.34.56.')).toEqual(['c.md:1:12 error']);
  });
});

describe('forbidden-characters', () => {
  it('web addresses keep their slashes; "etc." and "..." are reported', async () => {
    expect(await findings('forbidden-characters', 'Allez sur https://www.ameli.fr/assure pour voir.')).toEqual([]);
    expect(await findings('forbidden-characters', 'Le médecin, la pharmacie, etc.\nVous attendez...')).toEqual(['c.md:1:27 error', 'c.md:2:14 error']);
  });
});

describe('abbreviations', () => {
  const explained = ':term[RIB]{definition="Relevé d\'identité bancaire"}';

  it('an explanation in an earlier chapter counts for the later ones', async () => {
    const chapters = [
      { path: 'a.md', source: `Prenez votre ${explained}.\n` },
      { path: 'b.md', source: 'Votre RIB est dans votre banque.\n' },
    ];
    expect(await findings('abbreviations', chapters)).toEqual([]);
  });

  it('a use before the explanation is reported where it is, saying where the explanation is', async () => {
    const chapters = [
      { path: 'a.md', source: 'Votre RIB est dans votre banque.\n' },
      { path: 'b.md', source: `Prenez votre ${explained}.\n` },
    ];
    expect(await findings('abbreviations', chapters)).toEqual(['a.md:1:7 error']);
    const report = await checkChapters(chapters, resolveConfig([]));
    expect(report.findings.find((finding) => finding.rule === 'abbreviations')?.message).toContain('expliqué plus loin (b.md:1:20)');
  });

  it("reports once per abbreviation; sees it after an elision (l'IBAN); `known` accepts one", async () => {
    expect(await findings('abbreviations', "Votre CMU.\nLa CMU.\nL'IBAN.\n")).toEqual(['c.md:1:7 error', 'c.md:3:3 error']);
    expect(await findings('abbreviations', 'Votre CMU.\n', { known: ['CMU'] })).toEqual([]);
  });

  it('a long word in capitals is reported as shouting, not as an abbreviation', async () => {
    expect(await messages('abbreviations', 'Cliquez sur « **VALIDER** ».')).toEqual([
      'Mot en majuscules « VALIDER » : écrivez-le en minuscules (« Valider »). Si c\'est une abréviation, expliquez-la avec :term[VALIDER]{definition="…"}.',
    ]);
  });

  it('dotted abbreviations and shortened words are reported', async () => {
    expect(await messages('abbreviations', 'La C.P.A.M. vous appelle.\nVoir le n° 3.')).toEqual([
      'Abréviation « C.P.A.M. » sans explication : écrivez :term[CPAM]{definition="…"} à sa première utilisation, ou le mot en entier.',
      'Mot abrégé « n° » : écrivez le mot en entier.',
    ]);
  });
});

describe('difficult-words', () => {
  it('a long word explained with :term anywhere in the booklet, or quoted as a screen label, passes', async () => {
    expect(await findings('difficult-words', 'Lisez les :term[conditions d\'utilisation]{definition="Les règles"}.\nL\'utilisation est simple.\n')).toEqual([]);
    expect(await findings('difficult-words', 'Cliquez sur « **Accéder immédiatement** ».\n')).toEqual([]);
    expect(await findings('difficult-words', "L'utilisation est simple.\nL'utilisation est gratuite.\n")).toEqual(['c.md:1:3 error']);
  });
});

describe('one-term-per-concept', () => {
  it('reports a configured variant and an acronym written in another case', async () => {
    expect(await messages('one-term-per-concept', 'La :term[CPAM]{definition="Caisse"} vous aide.\nLa Cpam vous écrit.\nLa Cram aussi.\nLA FIN.')).toEqual([
      '« Cpam » : écrivez « CPAM », le même mot partout dans le livret.',
      '« Cram » : écrivez « CPAM », le même mot partout dans le livret.',
    ]);
    expect(await findings('one-term-per-concept', 'Votre adresse email.\nVotre carte Vitale.')).toEqual([]);
  });
});

describe('negations and passive voice', () => {
  it('negations: "n\'… jamais" is reported; a screen label between « » is not', async () => {
    expect(await findings('negations', "Vous n'oubliez jamais votre code.")).toEqual(['c.md:1:6 error']);
    expect(await findings('negations', "Cliquez sur « **Je n'ai pas de code** ».")).toEqual([]);
  });

  it('passive voice: "est écrit" is reported; "être" verbs, reflexive verbs and adjectives are not', async () => {
    expect(await findings('passive-voice', 'Ce livret est écrit en Français facile.\nLes cases sont remplies par la CPAM.')).toEqual([
      'c.md:1:11 error',
      'c.md:2:11 error',
    ]);
    expect(await findings('passive-voice', 'Vous êtes arrivé.\nElle est née en 1990.\nIl s\'est inscrit.\nIl est gratuit.\nVous êtes sur la page.')).toEqual([]);
  });
});

describe('image-alt and bold-only', () => {
  it('a Markdown image without alt and a too short alt are reported', async () => {
    expect(await findings('image-alt', '![](photo.png)\n\n::screenshot{src="a.png" alt="Une page"}\n')).toEqual(['c.md:1:1 error', 'c.md:3:1 error']);
  });

  it('strike-through and <u> are reported like italics', async () => {
    expect(await findings('bold-only', 'Un ~~mot~~ et un <u>autre</u>.')).toEqual(['c.md:1:4 error', 'c.md:1:18 error']);
  });
});

describe('one-sentence-per-line', () => {
  it('"M. Dupont" and a final "?" are not a second sentence', async () => {
    expect(await findings('one-sentence-per-line', 'M. Dupont vous appelle.\nVous avez un RIB ?')).toEqual([]);
    expect(await findings('one-sentence-per-line', 'Bonjour. Vous allez bien ?')).toEqual(['c.md:1:10 error']);
  });
});

describe('readability', () => {
  it('under 60 is a warning, under 40 an error, at the chapter title', async () => {
    const medium = '# Votre espace personnel\n\nVous consultez votre espace personnel.\nVous avez vos attestations.\n';
    const hard = '# Titre\n\nL\'administration départementale communique systématiquement les informations réglementaires.\n';
    expect(await findings('readability', '# Titre\n\nVous avez un compte.\nIl est gratuit.\n')).toEqual([]);
    expect(await findings('readability', medium)).toEqual(['c.md:1:1 warn']);
    expect(await findings('readability', hard)).toEqual(['c.md:1:1 error']);
  });
});
