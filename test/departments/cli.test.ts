import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

/**
 * The commands as a user runs them (bin/livret.js on the dist/ that `npm test`
 * compiles first): exit codes, messages, files written.
 */
const repo = path.join(import.meta.dirname, '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'departments');

/** The CLI as users run it: the compiled dist/ that `npm test` builds first. */
function livret(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(repo, 'bin', 'livret.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '', FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function project(departments: Record<string, string> = {}): string {
  const root = makeTempDir('livret-cli-');
  cpSync(path.join(fixtures, 'project'), root, { recursive: true });
  cpSync(path.join(repo, 'assets', 'pictograms'), path.join(root, 'assets', 'pictograms'), { recursive: true });
  mkdirSync(path.join(root, 'content', 'departments'), { recursive: true });
  for (const [code, text] of Object.entries(departments)) writeFileSync(path.join(root, 'content', 'departments', `${code}.yaml`), text);
  return root;
}

const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('livret build with a broken department file', () => {
  it.each([
    ['missing-key.yaml', 'content/departments/61.yaml:3:1: office.website : il manque le champ « website » (un texte) : ajoutez-le'],
    ['bad-range.yaml', 'content/departments/61.yaml:19:17: agencies[0].hours.tuesday[0] : la plage finit avant de commencer'],
    ['unknown-field.yaml', 'content/departments/61.yaml:14:5: agencies[0].adress : champ inconnu « adress »'],
  ])('%s: exit 2, one line naming file, line and key', (name, expected) => {
    const run = livret(project({ '61': fixture(name) }), 'build', '--department', '61');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`livret: ${run.stderr.slice('livret: '.length).split('\n')[0]}\n`);
    expect(run.stderr).toContain(`livret: ${expected}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('livret build --department all', () => {
  it('builds the good departments, reports the bad one, exits 2, no progress bar when piped', () => {
    const root = project({ '14': fixture('valid.yaml').replace('code: "61"', 'code: "14"'), '61': fixture('bad-range.yaml') });
    const run = livret(root, 'build', '--department', 'all', '--workers', '2');
    expect(run.status).toBe(2);
    expect(existsSync(path.join(root, 'out', '14', 'mini-a4.pdf'))).toBe(true);
    expect(run.stdout).toMatch(/^1 département sur 2 fabriqué en [\d,]+ s avec 2 fil\(s\) de travail\.\n {2}14 {3}out\/14\/mini-a4\.pdf {2}\d+ pages\n/);
    expect(run.stdout).toContain('  61   content/departments/61.yaml:19:17: agencies[0].hours.tuesday[0] : la plage finit');
    expect(run.stderr).not.toContain('Départements [');
  });

  it('refuses --workers 0', () => {
    const run = livret(project({ '61': fixture('valid.yaml') }), 'build', '--department', 'all', '--workers', '0');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--workers doit être un nombre entier à partir de 1');
  });
});

describe('livret init-department', () => {
  it('writes a starter file, refuses to overwrite it (exit 2), replaces it with --force', () => {
    const root = project();
    const first = livret(root, 'init-department', '28');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Fichier écrit : ${path.join('content', 'departments', '28.yaml')}`);
    const file = path.join(root, 'content', 'departments', '28.yaml');
    expect(readFileSync(file, 'utf8')).toContain("short_name: CPAM d'Eure-et-Loir");
    writeFileSync(file, 'edited\n');
    const second = livret(root, 'init-department', '28');
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/^livret: content\/departments\/28\.yaml: ce fichier existe déjà : .*--force/);
    expect(readFileSync(file, 'utf8')).toBe('edited\n');
    expect(livret(root, 'init-department', '28', '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('name: Eure-et-Loir');
  });

  it('refuses an unknown code with exit 2', () => {
    const run = livret(project(), 'init-department', '00');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('code de département inconnu « 00 »');
  });
});
