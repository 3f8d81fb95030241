import { describe, expect, it } from 'vitest';
import { buildBooklet, loadSources, modelStage } from '../../src/pipeline.js';
import { normaliseForSearch } from '../../src/verify/read-pdf.js';
import { allSentences, type Booklet, type StepsBlock } from '../../src/model/booklet.js';
import { frenchSpacing, keepNamesTogether, spacedInlines } from '../../src/layout/typography.js';
import { balancedWidth, textWidthOf } from '../../src/layout/balance-lines.js';
import { agencyPlace } from '../../src/content/variables.js';
import { exampleMarkText } from '../../src/layout/booklet-layout.js';
import { PRESETS, textWidth } from '../../src/geometry/presets.js';
import { makeProject } from '../helpers/project.js';

async function modelOf(chapter: string, extra: Record<string, string> = {}): Promise<Booklet> {
  const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter, ...extra });
  return modelStage(await loadSources({ projectRoot, department: '61' }));
}

describe('one sentence per source line', () => {
  it('splits a paragraph at its line ends and keeps each line position', async () => {
    const booklet = await modelOf('# Titre\n\nPremière phrase.\nDeuxième phrase avec **du gras**.\n');
    const [paragraph] = booklet.chapters[0]!.blocks;
    expect(paragraph?.kind).toBe('paragraph');
    const sentences = paragraph?.kind === 'paragraph' ? paragraph.sentences : [];
    expect(sentences.map((sentence) => [sentence.text, sentence.source.line, sentence.source.column])).toEqual([
      ['Première phrase.', 3, 1],
      ['Deuxième phrase avec du gras.', 4, 1],
    ]);
    expect(sentences[1]!.inlines).toEqual([
      { kind: 'text', text: 'Deuxième phrase avec ', bold: false },
      { kind: 'text', text: 'du gras', bold: true },
      { kind: 'text', text: '.', bold: false },
    ]);
  });

  it('resolves variables from the department file', async () => {
    const booklet = await modelOf('# Bienvenue à la {{caisse.nom_court}}\n\nAppelez le {{caisse.telephone}}.\nIl y a {{agences.nombre}} agence.\n');
    expect(allSentences(booklet).map((sentence) => sentence.text)).toEqual([
      "Bienvenue à la CPAM de l'Orne",
      'Appelez le 36 46.',
      'Il y a 1 agence.',
    ]);
  });
});

describe('directives', () => {
  it('reads :::steps as numbered steps with their pictogram and screenshot', async () => {
    const booklet = await modelOf(
      '# Titre\n\n:::steps\n1. Allez sur le site ameli.fr.\n   ::screenshot{src=exemple.png alt="La page" highlight="10,20,30,40"}\n2. ::picto{name=cliquer}\n   Cliquez sur « **Valider** ».\n:::\n',
    );
    const steps = booklet.chapters[0]!.blocks[0] as StepsBlock;
    expect(steps.kind).toBe('steps');
    expect(steps.steps.map((step) => [step.number, step.sentences.map((s) => s.text), step.pictogram?.concept])).toEqual([
      [1, ['Allez sur le site ameli.fr.'], 'ameli'],
      [2, ['Cliquez sur « Valider ».'], 'cliquer'],
    ]);
    expect(steps.steps[0]!.screenshots[0]).toMatchObject({ alt: 'La page', highlights: [{ x: 10, y: 20, width: 30, height: 40 }] });
  });

  it('explains a :term at its first use only, and lists it in the glossary', async () => {
    const booklet = await modelOf(
      '# Titre\n\nLa :term[CPAM]{definition="Caisse primaire d\'assurance maladie"} vous aide.\n\nLa :term[CPAM]{definition="Caisse primaire d\'assurance maladie"} est ouverte.\n',
    );
    const texts = allSentences(booklet).map((sentence) => sentence.text);
    expect(texts).toEqual(['Titre', 'La CPAM vous aide.', "CPAM veut dire : Caisse primaire d'assurance maladie.", 'La CPAM est ouverte.']);
    expect(booklet.glossary.map((entry) => entry.term)).toEqual(['CPAM']);
  });

  it('builds ::agencies and ::contact from the department file', async () => {
    const booklet = await modelOf('# Nos agences\n\n::agencies\n\n::contact\n');
    const texts = allSentences(booklet).map((sentence) => sentence.text);
    expect(texts).toContain("Agence d'Alençon");
    expect(texts).toContain('Le lundi, de 8h30 à 17h00.');
    expect(texts).toContain('Le vendredi, de 9h00 à 12h30 et de 13h30 à 17h00.');
    expect(texts).toContain('Téléphone : 36 46');
    expect(texts).toContain("Service 0,06 € par minute + prix de l'appel");
  });

  it('places the glossary where booklet.yaml says', async () => {
    const booklet = await modelOf('# Titre\n\nLa :term[CEAM]{definition="Carte européenne d\'assurance maladie"}.\n', {
      'content/mini/booklet.yaml': 'title: Test\nchapters: [chapitre.md, "@glossary"]\n',
    });
    expect(booklet.chapters.map((chapter) => chapter.title.text)).toEqual(['Titre', 'Les mots difficiles']);
  });
});

describe('French typography', () => {
  it('keeps « », : and digit groups on one line with no-break spaces', () => {
    expect(frenchSpacing('Cliquez sur « Valider » : 36 46.')).toBe('Cliquez sur «\u00a0Valider\u00a0»\u00a0: 36\u00a046.');
  });

  it('leaves ordinary spaces alone', () => {
    expect(frenchSpacing('Vous avez une carte.')).toBe('Vous avez une carte.');
  });

  it('keeps a number with the word after it: "8 jours", "13 chiffres"', () => {
    expect(frenchSpacing('dans un délai de 8 jours, entre 8 et 13 chiffres.')).toBe('dans un délai de 8\u00a0jours, entre 8\u00a0et\u00a013\u00a0chiffres.');
    // A range of hours stays whole: "de 8h30 à / 17h00" parted the closing time from its opening.
    expect(frenchSpacing('Du lundi au vendredi, de 9h00 à 12h30 et de 13h30 à 17h00.')).toBe('Du lundi au vendredi, de 9h00\u00a0à\u00a012h30\u00a0et de 13h30\u00a0à\u00a017h00.');
    expect(frenchSpacing('Les 4 agences')).toBe('Les 4\u00a0agences');
  });

  it('keeps a short « label » whole; a long one may break at its spaces', () => {
    expect(frenchSpacing('Cliquez sur « Première connexion ».')).toBe('Cliquez sur «\u00a0Première\u00a0connexion\u00a0».');
    expect(frenchSpacing('Cliquez sur « Accédez immédiatement à votre compte ».')).toBe('Cliquez sur «\u00a0Accédez immédiatement à votre compte\u00a0».');
  });

  it('spaces the inlines of a sentence as one text (a label opened in one inline, closed in another)', () => {
    expect(spacedInlines(['Cliquez sur « ', 'Se connecter', ' ».'])).toEqual(['Cliquez sur «\u00a0', 'Se\u00a0connecter', '\u00a0».']);
  });

  it('keeps a small word with the name after it in titles: "de l\'Orne", "du Calvados"', () => {
    expect(keepNamesTogether("Bienvenue à la CPAM de l'Orne")).toBe("Bienvenue à la\u00a0CPAM de\u00a0l'Orne");
    expect(keepNamesTogether('La CPAM du Calvados')).toBe('La CPAM du\u00a0Calvados');
    expect(keepNamesTogether('Créer votre compte')).toBe('Créer votre compte');
  });
});

describe('balanced title lines', () => {
  it('a two-line title is cut where both lines are about as long', () => {
    const title = keepNamesTogether("Bienvenue à la CPAM de l'Orne");
    const full = textWidthOf(title, 34);
    const column = full * 0.8; // too narrow for one line
    const balanced = balancedWidth(title, column, 34);
    expect(balanced).toBeLessThan(column);
    expect(balanced).toBeGreaterThan(full / 2);
    expect(balancedWidth('Bienvenue', column, 34)).toBe(column);
    expect(balancedWidth(title, full + 10, 34)).toBe(full + 10); // one line: unchanged
  });
});

describe('agency towns keep their article in {{agences}}', () => {
  it.each([
    ["Agence de L'Aigle", "L'Aigle"],
    ["Agence de l'Aigle", "L'Aigle"],
    ["Agence d'Alençon", 'Alençon'],
    ['Agence de Flers', 'Flers'],
    ['Agence du Mans', 'Le Mans'],
    ['Agence des Andelys', 'Les Andelys'],
    ['Agence de la Ferté-Macé', 'La Ferté-Macé'],
  ])('%s → %s', (name, town) => {
    expect(agencyPlace(name)).toBe(town);
  });
});

describe('the example banner fits its one line', () => {
  it('A4 says it all; A5 a shorter warning that still names what to check', () => {
    expect(exampleMarkText(PRESETS.a4)).toBe('EXEMPLE : adresses et horaires à vérifier par la CPAM');
    const a5 = exampleMarkText(PRESETS.a5);
    expect(a5).toMatch(/^EXEMPLE : .*vérifier/);
    expect(textWidthOf(a5, 14, 700)).toBeLessThanOrEqual(textWidth(PRESETS.a5));
    expect(textWidthOf('EXEMPLE : adresses et horaires à vérifier par la CPAM', 14, 700)).toBeGreaterThan(textWidth(PRESETS.a5));
  });
});

describe(':chapitre[…] prints the page of the chapter, resolved at layout', () => {
  const chapters = {
    'content/mini/booklet.yaml': 'title: "Livret de test"\nchapters: [a.md, b.md]\n',
    'content/mini/a.md': '# Bienvenue\n\nVous utilisez un téléphone portable ?\nLisez le chapitre :chapitre[Vos agences].\n',
    'content/mini/b.md': '# Vos agences\n\nVous pouvez venir dans une agence.\n',
  };

  it('the sentence ends with the page where the chapter starts, and no sentence is lost', async () => {
    const projectRoot = await makeProject(chapters);
    const result = await buildBooklet({ projectRoot, write: false, imageCacheDir: false });
    expect(result.report.findings.filter((finding) => ['content-loss', 'split-sentence'].includes(finding.rule))).toEqual([]);
    // The chapter may start on the page of the one before when that one ends high on its page (CHAPTER_BREAK_RATIO).
    const pageOfSecond = result.readback.pages.findIndex((page) => page.text.includes('Vous pouvez venir dans une agence.')) + 1;
    expect(pageOfSecond).toBeGreaterThanOrEqual(2);
    const text = normaliseForSearch(result.readback.pages.map((page) => page.text).join(' '));
    expect(text).toContain(`Lisez le chapitre « Vos agences », page ${pageOfSecond}`);
    expect(text).not.toContain('00');
  });

  it('"page" and its number never part: the reference keeps its no-break space from the model to the line', async () => {
    // Words fill the line so that, with a plain space, "page" would end it and "3." start the next.
    const long = '# Bienvenue\n\nVous utilisez un téléphone portable ?\nLisez alors tout le chapitre :chapitre[Vos agences].\n';
    const projectRoot = await makeProject({ ...chapters, 'content/mini/a.md': long });
    const result = await buildBooklet({ projectRoot, write: false, imageCacheDir: false, checks: 'content-loss' });
    const reference = result.booklet.chapters[0]!.blocks.flatMap((block) => ('sentences' in block ? block.sentences : [])).flatMap((sentence) => sentence.inlines).find((inline) => inline.kind === 'chapter-ref');
    expect(reference?.text).toBe('« Vos agences », page\u00a0');
    for (const page of result.readback.pages) expect(page.text).not.toMatch(/page\n\d/);
  });

  it('a title that names no chapter is an error at the reference', async () => {
    const projectRoot = await makeProject({ ...chapters, 'content/mini/a.md': '# Bienvenue\n\nLisez le chapitre :chapitre[Vos papiers].\n' });
    await expect(buildBooklet({ projectRoot, write: false, imageCacheDir: false })).rejects.toMatchObject({
      message: expect.stringContaining(':chapitre[Vos papiers] : aucun chapitre n’a ce titre ; écrivez l’un de ces titres : « Bienvenue », « Vos agences »'),
      location: { file: 'content/mini/a.md', line: 3, column: 19 },
    });
  });
});
