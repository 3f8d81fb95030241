import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDepartment, parseDepartment } from '../../src/content/load-department.js';
import { LivretError } from '../../src/errors.js';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'departments');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** The LivretError a source throws, formatted as the CLI prints it. */
function failure(source: string, shown = 'content/departments/61.yaml'): LivretError {
  try {
    parseDepartment(source, shown);
  } catch (error) {
    if (error instanceof LivretError) return error;
    throw error;
  }
  throw new Error('expected the department file to be refused');
}

const valid = fixture('valid.yaml');
/** `valid.yaml` with one line replaced. */
const editValid = (from: string, to: string) => {
  expect(valid).toContain(from);
  return valid.replace(from, to);
};

describe('department file validation', () => {
  it('accepts a complete file and fills the defaults', () => {
    const department = parseDepartment(valid, 'valid.yaml');
    expect(department.office.social).toEqual([]);
    expect(department.example).toBe(false);
    expect(department.agencies[0]!.appointment_only).toBe(false);
  });

  it('names file, line and key of a missing key, with exit code 2', () => {
    const error = failure(fixture('missing-key.yaml'));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/departments\/61\.yaml:3:1: office\.website : il manque le champ « website » \(un texte\) : ajoutez-le/);
  });

  it('names file, line and key of a range that ends before it starts', () => {
    const error = failure(fixture('bad-range.yaml'));
    expect(error.exitCode).toBe(2);
    expect(error.location).toMatchObject({ file: 'content/departments/61.yaml', line: 19 });
    expect(error.message).toMatch(/^agencies\[0\]\.hours\.tuesday\[0\] : la plage finit avant de commencer/);
  });

  it('names file, line and the unknown field itself', () => {
    const error = failure(fixture('unknown-field.yaml'));
    expect(error.exitCode).toBe(2);
    expect(error.location).toMatchObject({ line: 14, column: 5 });
    expect(error.message).toMatch(/^agencies\[0\]\.adress : champ inconnu « adress » : supprimez-le ou corrigez son orthographe ; vouliez-vous dire « address » \?/);
  });

  it('refuses an unknown field at the top level', () => {
    const error = failure(`${valid}telephone: "36 46"\n`);
    expect(error.message).toMatch(/^telephone : champ inconnu/);
    expect(error.location?.line).toBe(valid.split('\n').length);
  });

  it.each([
    ['08:30 - 17:00', /HH:MM-HH:MM/],
    ['8:30-17:00', /HH:MM-HH:MM/],
    ['08:30-24:00', /HH:MM-HH:MM/],
    ['17:00-17:00', /finit avant de commencer/],
  ])('refuses the time range "%s"', (range, message) => {
    const error = failure(editValid('tuesday: ["08:30-17:00"]', `tuesday: ["${range}"]`));
    expect(error.message).toMatch(message);
    expect(error.location?.line).toBe(20);
  });

  it('accepts a lunch break and refuses overlapping or unordered ranges', () => {
    expect(() => parseDepartment(editValid('tuesday: ["08:30-17:00"]', 'tuesday: ["09:00-12:30", "13:30-17:00"]'), 'x')).not.toThrow();
    expect(failure(editValid('tuesday: ["08:30-17:00"]', 'tuesday: ["09:00-13:30", "12:30-17:00"]')).message).toMatch(/se chevauchent ou sont dans le désordre/);
    expect(failure(editValid('tuesday: ["08:30-17:00"]', 'tuesday: ["13:30-17:00", "09:00-12:30"]')).message).toMatch(/se chevauchent ou sont dans le désordre/);
  });

  it('wants either hours or appointment_only for an agency', () => {
    const withoutHours = valid.replace(/ {4}hours:\n( {6}.*\n)+/, '');
    expect(failure(withoutHours).message).toMatch(/^agencies\[0\]\.hours : donnez les horaires de l’agence/);
    const byAppointment = parseDepartment(withoutHours.replace('    address:\n      - 34', '    appointment_only: true\n    address:\n      - 34'), 'x');
    expect(byAppointment.agencies[0]!.appointment_only).toBe(true);
  });

  it('asks for quotes around a code YAML reads as a number', () => {
    const error = failure(editValid('code: "61"', 'code: 08'));
    expect(error.message).toMatch(/^code : écrivez le code INSEE du département entre guillemets/);
    expect(error.location?.line).toBe(1);
  });

  it('reports a YAML syntax error with its line', () => {
    const error = failure(editValid('  website: ameli.fr', '  website: [ameli.fr'));
    expect(error.message).toMatch(/^erreur de syntaxe YAML/);
    expect(error.location?.line).toBeGreaterThanOrEqual(12);
  });

  it('refuses a phone number not grouped by two', () => {
    expect(failure(editValid('number: "36 46"', 'number: "3646"')).message).toMatch(/^office\.phone\.number : groupez le numéro par deux/);
  });

  it('says how many more problems there are', () => {
    const error = failure(editValid('  website: ameli.fr\n', '').replace('name: Orne\n', ''));
    expect(error.message).toMatch(/\(1 autre problème après celui-ci\)$/);
  });

  it('normalises the article as editors write it', () => {
    expect(parseDepartment(editValid('name: Orne', "name: Orne\narticle: de l'"), 'x').article).toBe("de l'");
    expect(parseDepartment(editValid('name: Orne', 'name: Orne\narticle: du'), 'x').article).toBe('du ');
    expect(parseDepartment(editValid('name: Orne', 'name: Orne\narticle: "de la"'), 'x').article).toBe('de la ');
    expect(failure(editValid('name: Orne', 'name: Orne\narticle: le')).message).toMatch(/^article : écrivez « de », « d' », « du »/);
  });
});

describe('loadDepartment', () => {
  function project(files: Record<string, string>): string {
    const root = makeTempDir('livret-dept-');
    mkdirSync(path.join(root, 'content', 'departments'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'content', 'departments', name), text);
    return root;
  }

  it('loads content/departments/<code>.yaml', async () => {
    const department = await loadDepartment(project({ '61.yaml': valid }), '61');
    expect(department.office.short_name).toBe("CPAM de l'Orne");
  });

  it('names the project-relative file in errors', async () => {
    const root = project({ '61.yaml': fixture('bad-range.yaml') });
    await expect(loadDepartment(root, '61')).rejects.toThrow(LivretError);
    await expect(loadDepartment(root, '61')).rejects.toMatchObject({ location: { file: path.join('content', 'departments', '61.yaml'), line: 19 } });
  });

  it('refuses a file whose code is not its name', async () => {
    const root = project({ '14.yaml': valid });
    await expect(loadDepartment(root, '14')).rejects.toMatchObject({ message: expect.stringMatching(/^code: le fichier s’appelle 14\.yaml mais indique le code « 61 »/), location: { line: 1 } });
  });

  it('tells how to create a missing file', async () => {
    await expect(loadDepartment(project({}), '50')).rejects.toThrow(/livret init-department 50/);
  });
});
