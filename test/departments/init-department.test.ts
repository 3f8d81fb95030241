import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inseeDepartments, withArticle } from '../../src/content/department-names.js';
import { loadDepartment, parseDepartment } from '../../src/content/load-department.js';
import { initDepartment, normaliseDepartmentCode } from '../../src/departments/init-department.js';
import { officeNameFor, starterDepartmentYaml } from '../../src/departments/starter-file.js';
import { findTodoMarkers, todoMarkersIn } from '../../src/departments/todo-markers.js';
import { LivretError } from '../../src/errors.js';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

const emptyProject = () => makeTempDir('livret-init-');

describe('livret init-department', () => {
  it('writes a valid starter file pre-filled from INSEE', async () => {
    const root = emptyProject();
    const { file, shown } = await initDepartment({ projectRoot: root, code: '14' });
    expect(shown).toBe(path.join('content', 'departments', '14.yaml'));
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/department.schema.json');
    const department = await loadDepartment(root, '14');
    expect(department).toMatchObject({ code: '14', name: 'Calvados', article: 'du ' });
    expect(department.office.name).toBe("Caisse primaire d'assurance maladie du Calvados");
    expect(department.office.short_name).toBe('CPAM du Calvados');
    expect(department.office.phone.number).toBe('36 46');
  });

  it('accepts the code as people type it ("2a", "8")', async () => {
    expect(normaliseDepartmentCode('2a')).toBe('2A');
    expect(normaliseDepartmentCode('8')).toBe('08');
    const root = emptyProject();
    await initDepartment({ projectRoot: root, code: '2a' });
    expect((await loadDepartment(root, '2A')).office.short_name).toBe('CPAM de la Corse-du-Sud');
  });

  it('refuses an unknown code with exit 2', async () => {
    await expect(initDepartment({ projectRoot: emptyProject(), code: '99' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/code de département inconnu « 99 »/),
    });
  });

  it('refuses to overwrite an existing file unless forced', async () => {
    const root = emptyProject();
    const { file } = await initDepartment({ projectRoot: root, code: '50' });
    writeFileSync(file, 'checked by the CPAM\n');
    const refused = initDepartment({ projectRoot: root, code: '50' });
    await expect(refused).rejects.toBeInstanceOf(LivretError);
    await expect(refused).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/existe déjà : .*--force/) });
    expect(readFileSync(file, 'utf8')).toBe('checked by the CPAM\n');
    await initDepartment({ projectRoot: root, code: '50', force: true });
    expect(readFileSync(file, 'utf8')).toContain('name: Manche');
  });

  it('gives a valid file with the INSEE article for each of the 101 départements', () => {
    for (const insee of inseeDepartments().values()) {
      const department = parseDepartment(starterDepartmentYaml(insee), `${insee.code}.yaml`);
      expect(department.name, insee.code).toBe(insee.name);
      expect(department.office.short_name, insee.code).toBe(officeNameFor(insee).shortName);
    }
  });

  it('names the right body: a CGSS in 971 to 974, the CSSM in Mayotte, a CPAM elsewhere', () => {
    const insee = inseeDepartments();
    const office = (code: string) => parseDepartment(starterDepartmentYaml(insee.get(code)!), `${code}.yaml`).office;
    expect(office('974')).toMatchObject({ name: 'Caisse générale de sécurité sociale de La Réunion', short_name: 'CGSS de La Réunion' });
    expect(office('971')).toMatchObject({ name: 'Caisse générale de sécurité sociale de la Guadeloupe', short_name: 'CGSS de la Guadeloupe' });
    expect(office('972').short_name).toBe('CGSS de la Martinique');
    expect(office('973').short_name).toBe('CGSS de la Guyane');
    expect(office('976')).toMatchObject({ name: 'Caisse de sécurité sociale de Mayotte', short_name: 'CSSM' });
    expect(office('61')).toMatchObject({ name: "Caisse primaire d'assurance maladie de l'Orne", short_name: "CPAM de l'Orne" });
    expect(office('48').short_name).toBe('CPAM de la Lozère');
  });

  it('asks a human for the office name where a département has several CPAM, listing them', () => {
    const insee = inseeDepartments();
    const nord = starterDepartmentYaml(insee.get('59')!);
    expect(nord).toContain('# TODO : ce département a plusieurs CPAM (CPAM de Lille-Douai, CPAM de Roubaix-Tourcoing, CPAM du Hainaut, CPAM des Flandres)');
    expect(todoMarkersIn(nord, '59.yaml').map((finding) => finding.message)).toContain('office.short_name : remplacez le TODO par la vraie information');
    expect(starterDepartmentYaml(insee.get('62')!)).toContain("CPAM de l'Artois, CPAM de la Côte d'Opale");
    expect(starterDepartmentYaml(insee.get('61')!)).not.toMatch(/plusieurs CPAM/);
  });
});

describe('TODO markers (rule department-todo)', () => {
  it('reports every TODO of a starter file as an error with its key', async () => {
    const root = emptyProject();
    await initDepartment({ projectRoot: root, code: '61' });
    const findings = findTodoMarkers(root, '61');
    const shown = path.join('content', 'departments', '61.yaml');
    expect(findings.length).toBeGreaterThanOrEqual(8);
    for (const finding of findings) expect(finding).toMatchObject({ file: shown, rule: 'department-todo', severity: 'error' });
    const lines = readFileSync(path.join(root, shown), 'utf8').split('\n');
    for (const finding of findings) expect(lines[finding.line! - 1]!.slice(finding.column! - 1)).toMatch(/^TODO/);
    const messages = findings.map((finding) => finding.message);
    expect(messages).toContain('office.address[0] : remplacez le TODO par la vraie information');
    expect(messages).toContain('agencies[0].name : remplacez le TODO par la vraie information');
    expect(messages).toContain('il reste un commentaire TODO : faites ce qu’il demande, puis supprimez le TODO');
  });

  it('finds nothing in a completed file, and finds a TODO an editor added', () => {
    const done = 'code: "61"\nname: Orne\nagencies:\n  - name: Agence de Flers\n';
    expect(todoMarkersIn(done, 'x.yaml')).toEqual([]);
    expect(todoMarkersIn('code: "61"\nname: Orne # TODOS are not markers\n', 'x.yaml')).toEqual([]);
    expect(todoMarkersIn(done.replace('Flers', 'Flers TODO'), 'x.yaml')).toEqual([
      { file: 'x.yaml', line: 4, column: 27, rule: 'department-todo', severity: 'error', message: 'agencies[0].name : remplacez le TODO par la vraie information' },
    ]);
  });

  it('finds none in the committed example departments', () => {
    const root = path.join(import.meta.dirname, '..', '..');
    expect(findTodoMarkers(root, '14')).toEqual([]);
    expect(findTodoMarkers(root, '50')).toEqual([]);
  });
});
