import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/** The CLI as a writer runs it (dist/, built by `npm run build` before the tests). */
function livret(args: string[], options: { cwd?: string; lang?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', FORCE_COLOR: '0' };
  delete env.LIVRET_LANG;
  if (options.lang) env.LIVRET_LANG = options.lang;
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'livret.js'), ...args], { cwd: options.cwd ?? REPO_ROOT, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SEE_HELP = 'Pour la liste des commandes et des options : livret --help\n';

describe('the command line speaks French (English with LIVRET_LANG=en)', () => {
  it('--help is French, yargs framing included; English with LIVRET_LANG=en', () => {
    const french = livret(['--help']);
    expect(french.stdout).toContain('Commandes :');
    expect(french.stdout).toContain('Fabriquer le PDF du livret');
    expect(french.stdout).toContain("Affiche l'aide");
    const english = livret(['--help'], { lang: 'en' });
    expect(english.stdout).toContain('Commands:');
    expect(english.stdout).toContain('Build the booklet PDF');
  });

  it('an unknown command: one line with the close command, exit 2, not the whole help', () => {
    expect(livret(['biuld'])).toEqual({ status: 2, stdout: '', stderr: `livret: commande inconnue « biuld » ; vouliez-vous dire « livret build » ?\n${SEE_HELP}` });
    expect(livret(['biuld'], { lang: 'en' }).stderr).toBe('livret: unknown command "biuld"; did you mean "livret build"?\nFor the list of commands and options: livret --help\n');
  });

  it('an unknown option: the close option of that command', () => {
    expect(livret(['build', '--departement', '61'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `livret: option inconnue « --departement » ; vouliez-vous dire « --department » ?\n${SEE_HELP}`,
    });
  });
});

describe('check: --format json, --quiet, --max-warnings', () => {
  let projectRoot: string;
  beforeAll(async () => {
    // One warning (negations), no error.
    projectRoot = await makeProject({
      'livret.config.yaml': 'rules:\n  abbreviations: [error, { known: [CPAM] }]\n',
      'content/mini/chapitre.md': '# Un chapitre\n\nVous pouvez appeler la CPAM.\nVous ne devez pas payer.\n',
    });
  });

  it('bad input with --format json is still valid JSON on stdout, exit 2', () => {
    const run = livret(['check', '--department', 'all', '--format', 'json', '--no-pdf'], { cwd: projectRoot });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      errorCount: 0,
      warningCount: 0,
      pdf: null,
      pageCount: null,
      findings: [],
      errors: [{ file: null, line: null, column: null, message: '« all » veut dire tous les départements, ce que seul `livret build` sait faire ; pour vérifier, donnez un code : 61' }],
      exitCode: 2,
    });
    const parseError = livret(['check', '--formt', 'x', '--format', 'json'], { cwd: projectRoot });
    expect(parseError.status).toBe(2);
    expect(JSON.parse(parseError.stdout).errors[0].message).toBe('option inconnue « --formt » ; vouliez-vous dire « --format » ?');
  });

  it('a located error in JSON keeps its file and line', async () => {
    const broken = await makeProject({ 'content/mini/booklet.yaml': 'title: "Livret"\nchapitres: [chapitre.md]\n' });
    const run = livret(['check', '--format', 'json', '--no-pdf'], { cwd: broken });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({ file: 'content/mini/booklet.yaml', line: 2, column: 1 });
  });

  it('--max-warnings 0 fails on one warning; --quiet hides it', () => {
    const limited = livret(['check', '--no-pdf', '--max-warnings', '0'], { cwd: projectRoot });
    expect(limited.status).toBe(1);
    expect(limited.stdout).toContain('avertissement  Phrase négative');
    expect(limited.stderr).toBe('livret: 1 avertissement, plus que --max-warnings 0.\n');
    expect(livret(['check', '--no-pdf', '--max-warnings', '1'], { cwd: projectRoot }).status).toBe(0);
    const quiet = livret(['check', '--no-pdf', '--quiet'], { cwd: projectRoot });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
  });
});

describe('livret pictos <mot>', () => {
  it('"vaccin" finds the syringe, and --png writes the pictures', async () => {
    const folder = path.join(await makeProject(), 'pictos');
    const run = livret(['pictos', 'vaccin', '--limit', '3', '--png', folder]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dans les icônes installées, à écrire ::picto{name=jeu:icône} :\n  healthicons:syringe-vaccine\n  fluent-emoji-flat:syringe\n  healthicons:syringe\n');
    expect(run.stdout).toMatch(/… et \d+ autres : précisez le mot, ou --limit \d+\n3 images PNG écrites dans /);
    expect((await readdir(folder)).sort()).toEqual(['fluent-emoji-flat--syringe.png', 'healthicons--syringe-vaccine.png', 'healthicons--syringe.png']);
  });

  it('an English word finds the lexicon concept of its French word', () => {
    expect(livret(['pictos', 'computer', '--limit', '1']).stdout).toMatch(/^Dans le lexique \(assets\/pictograms\/lexicon\.yaml\), à écrire ::picto\{name=…\} :\n {2}ordinateur /);
  });

  it('no match: says so', () => {
    expect(livret(['pictos', 'zzqx']).stdout).toBe('Aucun pictogramme pour « zzqx ». Essayez un mot plus court, ou en anglais.\n');
  });
});

describe('recipients files stay out of git', () => {
  it('*.csv is ignored, the INSEE list in data/ is not', () => {
    const ignored = (file: string) => spawnSync('git', ['check-ignore', '-q', file], { cwd: REPO_ROOT }).status === 0;
    expect(ignored('recipients.csv')).toBe(true);
    expect(ignored('courriers/destinataires-61.csv')).toBe(true);
    expect(ignored('data/departements-insee.csv')).toBe(false);
    expect(existsSync(path.join(REPO_ROOT, 'data', 'departements-insee.csv'))).toBe(true);
  });
});
