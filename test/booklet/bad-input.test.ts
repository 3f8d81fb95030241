import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { LivretError } from '../../src/errors.js';
import { makeProject, MINI_DEPARTMENT, REPO_ROOT } from '../helpers/project.js';

/** Builds a project expected to fail and returns the LivretError. */
async function failure(files: Record<string, string>): Promise<LivretError> {
  const projectRoot = await makeProject(files);
  const error = await buildBooklet({ projectRoot, write: false }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LivretError);
  return error as LivretError;
}

describe('bad input: exit code 2 and a message naming the file and line', () => {
  it('builds the valid mini project (the baseline the failures below change)', async () => {
    const projectRoot = await makeProject();
    const result = await buildBooklet({ projectRoot, write: false });
    expect(result.sentences.map((sentence) => sentence.text)).toContain('Le numéro est le 36 46.');
  });

  it('broken YAML front matter', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '---\npicto: [unclosed\n---\n# Titre\n\nUne phrase.\n' });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:\d+: en-tête YAML du chapitre mal écrit/);
  });

  it('an unknown directive', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '# Titre\n\nUne phrase.\n\n::agences\n' });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: directive inconnue ::agences ; vouliez-vous dire « ::agencies » \?/);
  });

  it('a missing screenshot', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '# Titre\n\nUne phrase.\n\n::screenshot{src=absente.png alt="Une page"}\n' });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: image introuvable : assets\/screenshots\/absente\.png/);
  });

  it('an image path outside the project', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '# Titre\n\nUne phrase.\n\n::screenshot{src=../../../../etc/hostname alt="x"}\n' });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: the path "\.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname" leaves the project folder/);
  });

  it('an unknown variable, at its exact column', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '# Titre\n\nUne phrase.\nAppelez le {{caisse.fax}}.\n' });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:4:12: variable inconnue \{\{caisse\.fax\}\}/);
  });

  it('an unknown pictogram name', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '# Titre\n\n::picto{name=licorne}\nUne phrase.\n' });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:3:1: pictogramme inconnu « licorne »/);
  });

  it('a department file with a bad time range names file, line and key', async () => {
    const error = await failure({ 'content/departments/61.yaml': MINI_DEPARTMENT.replace('"08:30-17:00"', '"17:00-08:30"') });
    expect(error.format()).toMatch(/^content\/departments\/61\.yaml:12:\d+: agencies\[0\]\.hours\.monday\[0\] : la plage finit avant de commencer/);
  });
});

describe('the CLI on bad input', () => {
  it('prints one line naming file and line, exits 2, writes no PDF', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': '# Titre\n\nUne phrase.\n\n:::etapes\n1. Un pas.\n:::\n' });
    const run = promisify(execFile);
    const outcome = await run('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'build', '--department', '61'], { cwd: projectRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/^livret: content\/mini\/chapitre\.md:5:1: directive inconnue :::etapes ; vouliez-vous dire « :::steps » \?/);
    expect(existsSync(path.join(projectRoot, 'out'))).toBe(false);
  });
});
