import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBooklet, checkBooklet, loadSources, modelStage } from '../../src/pipeline.js';
import { LivretError } from '../../src/errors.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

async function rejected(promise: Promise<unknown>): Promise<LivretError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LivretError);
  return error as LivretError;
}

const booklet = (chapters: string) => `title: "Livret de test"\nchapters: [${chapters}]\n`;

describe('the default booklet is explicit', () => {
  it('the only booklet is the default', async () => {
    const projectRoot = await makeProject();
    expect((await loadSources({ projectRoot })).booklet.id).toBe('mini');
  });

  it('several booklets and none named: exit 2, listing them', async () => {
    const projectRoot = await makeProject({ 'content/aide/booklet.yaml': booklet('a.md'), 'content/aide/a.md': '# A\n\nUne phrase.\n' });
    const error = await rejected(loadSources({ projectRoot }));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(
      'content: plusieurs livrets (aide, mini) : choisissez-en un, par exemple `livret build aide`, ou écrivez « booklet: aide » dans livret.config.yaml',
    );
  });

  it('the booklet named in livret.config.yaml; a name that is not there gets the close one, at its line', async () => {
    const two = { 'content/aide/booklet.yaml': booklet('a.md'), 'content/aide/a.md': '# A\n\nUne phrase.\n' };
    const named = await makeProject({ ...two, 'livret.config.yaml': 'booklet: mini\nrules: {}\n' });
    expect((await loadSources({ projectRoot: named })).booklet.id).toBe('mini');
    const typo = await makeProject({ ...two, 'livret.config.yaml': 'rules: {}\nbooklet: mimi\n' });
    expect((await rejected(loadSources({ projectRoot: typo }))).format()).toBe(
      'livret.config.yaml:2: booklet: pas de livret « mimi » dans content/ ; vouliez-vous dire « mini » ?',
    );
  });

  it('check --department all is not "create it with init-department all"', async () => {
    const projectRoot = await makeProject();
    expect((await rejected(checkBooklet({ projectRoot, department: 'all', pdf: false }))).format()).toBe(
      '« all » veut dire tous les départements, ce que seul `livret build` sait faire ; pour vérifier, donnez un code : 61',
    );
  });
});

describe('what a writer cannot see is said', () => {
  it('a chapter file not listed in booklet.yaml is a warning (unlisted-chapter)', async () => {
    const projectRoot = await makeProject({ 'content/mini/oublie.md': '# Oublié\n\nUne phrase.\n' });
    const report = await checkBooklet({ projectRoot, pdf: false });
    expect(report.findings.filter((finding) => finding.rule === 'unlisted-chapter')).toEqual([
      {
        file: 'content/mini/oublie.md',
        line: 1,
        column: 1,
        rule: 'unlisted-chapter',
        severity: 'warn',
        message: 'ce fichier n’est pas dans la liste « chapters: » de content/mini/booklet.yaml : il ne sera pas dans le livret ; ajoutez-le à la liste, ou supprimez-le',
      },
    ]);
    const listed = await makeProject();
    expect((await checkBooklet({ projectRoot: listed, pdf: false })).findings.filter((finding) => finding.rule === 'unlisted-chapter')).toEqual([]);
  });

  it('"@glossary" raises no finding on the glossary a writer cannot fix', async () => {
    const projectRoot = await makeProject({
      'content/mini/booklet.yaml': booklet('chapitre.md, "@glossary"'),
      'content/mini/chapitre.md': '# Un chapitre\n\nVous pouvez appeler la :term[CPAM]{definition="La caisse qui vous rembourse."}.\n',
    });
    const report = await checkBooklet({ projectRoot, pdf: false });
    expect(report.findings.filter((finding) => finding.file.endsWith('booklet.yaml'))).toEqual([]);
    expect(report.findings.filter((finding) => finding.rule === 'block-without-picture' && finding.line !== 3)).toEqual([]);
  });

  it('every unknown pictogram of a run is listed, each at its place, with the close concept', async () => {
    const projectRoot = await makeProject({
      'content/mini/chapitre.md': '# Un chapitre\n\n::picto{name=vaccin}\nVous pouvez appeler la CPAM.\n\n::picto{name=ordinateurs}\nAllumez votre ordinateur.\n',
    });
    const error = await rejected(loadSources({ projectRoot }).then(modelStage));
    // The project has no lexicon of its own: livret's is named (its absolute path).
    const lexicon = path.join(REPO_ROOT, 'assets', 'pictograms', 'lexicon.yaml');
    expect(error.lines()).toEqual([
      `content/mini/chapitre.md:3:1: pictogramme inconnu « vaccin » ; ajoutez « vaccin » à ${lexicon}, ou cherchez-en un avec \`livret pictos vaccin\``,
      `content/mini/chapitre.md:6:1: pictogramme inconnu « ordinateurs » ; vouliez-vous dire « ordinateur » ? ; ajoutez « ordinateurs » à ${lexicon}, ou cherchez-en un avec \`livret pictos ordinateurs\``,
    ]);
  });

  it('an unknown variable gets the close one', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': '# Un chapitre\n\nAppelez le {{caisse.telefone}}.\n' });
    expect((await rejected(loadSources({ projectRoot }).then(modelStage))).format()).toBe(
      'content/mini/chapitre.md:3:12: variable inconnue {{caisse.telefone}} ; vouliez-vous dire « {{caisse.telephone}} » ?',
    );
  });

  it('::agencies{hours=table} has a Sunday row, closed', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': '# Un chapitre\n\nVoici nos agences.\n\n::agencies{hours=table}\n' });
    const model = modelStage(await loadSources({ projectRoot }));
    const block = model.chapters[0]!.blocks.find((candidate) => candidate.kind === 'agencies');
    if (block?.kind !== 'agencies') throw new Error('expected an agencies block');
    const week = block.agencies[0]!.week.map(([day, text]) => `${day.text} ${text.text}`);
    expect(week).toHaveLength(7);
    expect(week.at(-1)).toBe('Dimanche Fermée');
  });
});

describe('findings accepted in the chapter (livret-disable comments)', () => {
  const chapter = (body: string) => makeProject({ 'content/mini/chapitre.md': `# Un chapitre\n\nVous pouvez appeler la CPAM.\n${body}` });
  const negation = 'Vous ne devez pas payer.\n';
  const rulesOf = async (projectRoot: string) =>
    (await checkBooklet({ projectRoot, pdf: false })).findings
      .filter((finding) => finding.file === 'content/mini/chapitre.md' && ['negations', 'livret-disable'].includes(finding.rule))
      .map((finding) => `${finding.line} ${finding.rule}`);

  it('without a comment the finding is there; disable-next-line accepts it on the next line only', async () => {
    expect(await rulesOf(await chapter(`\n${negation}`))).toEqual(['5 negations']);
    expect(await rulesOf(await chapter(`\n<!-- livret-disable-next-line negations -- le lecteur doit le savoir -->\n${negation}\n${negation}`))).toEqual(['8 negations']);
  });

  it('disable … enable accepts the findings between them; a comment for another rule accepts nothing', async () => {
    expect(await rulesOf(await chapter(`\n<!-- livret-disable negations -->\n${negation}${negation}<!-- livret-enable -->\n\n${negation}`))).toEqual(['10 negations']);
    expect(await rulesOf(await chapter(`\n<!-- livret-disable passive-voice -->\n${negation}`))).toEqual(['6 negations']);
    expect(await rulesOf(await chapter(`\n<!-- livret-disable -->\n${negation}`))).toEqual([]);
  });

  it('an unknown rule id in a comment is a warning with the close id', async () => {
    const report = await checkBooklet({ projectRoot: await chapter(`\n<!-- livret-disable-next-line negation -->\n${negation}`), pdf: false });
    expect(report.findings.filter((finding) => ['negations', 'livret-disable'].includes(finding.rule))).toEqual([
      { file: 'content/mini/chapitre.md', line: 5, column: 1, rule: 'livret-disable', severity: 'warn', message: 'livret-disable : règle inconnue « negation » ; vouliez-vous dire « negations » ?' },
      { file: 'content/mini/chapitre.md', line: 6, column: 6, rule: 'negations', severity: 'warn', message: expect.stringMatching(/^Phrase négative/) as unknown as string },
    ]);
  });
});

describe('never a stale PDF', () => {
  it('a build that fails renames the previous PDF *.ancien.pdf and says so', async () => {
    const projectRoot = await makeProject({ 'livret.config.yaml': 'rules:\n  abbreviations: [error, { known: [CPAM] }]\n' });
    const outDir = path.join(projectRoot, 'out');
    const first = await buildBooklet({ projectRoot, outDir, department: '61' });
    expect(first.written).toBe(true);
    const pdf = path.join(outDir, '61', 'mini-a4.pdf');
    const old = await readFile(pdf);

    // Findings of severity error: nothing written, the old file set aside.
    await writeFile(path.join(projectRoot, 'content/mini/chapitre.md'), '# Un chapitre\n\nVous avez trois jours pour appeler la CPAM.\n');
    const failed = await buildBooklet({ projectRoot, outDir, department: '61' });
    expect(failed.written).toBe(false);
    expect(existsSync(pdf)).toBe(false);
    expect(failed.setAside).toEqual([{ from: pdf, to: path.join(outDir, '61', 'mini-a4.ancien.pdf') }]);
    expect(await readFile(path.join(outDir, '61', 'mini-a4.ancien.pdf'))).toEqual(old);

    // Bad input (exit 2): the same, told after the error.
    await writeFile(path.join(projectRoot, 'content/mini/chapitre.md'), '# Un chapitre\n\nVous pouvez appeler la CPAM.\n');
    await buildBooklet({ projectRoot, outDir, department: '61' });
    await writeFile(path.join(projectRoot, 'content/mini/chapitre.md'), '# Un chapitre\n\n::picto{name=licorne}\nVous pouvez appeler la CPAM.\n');
    const error = await rejected(buildBooklet({ projectRoot, outDir, department: '61' }));
    expect(existsSync(pdf)).toBe(false);
    expect(error.lines().at(-1)).toBe(`${path.relative(projectRoot, pdf)}: l’ancien PDF a été renommé mini-a4.ancien.pdf pour qu’on ne l’imprime pas par erreur.`);
  });
});
