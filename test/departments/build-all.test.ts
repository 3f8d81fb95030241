import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepartment } from '../../src/content/load-department.js';
import { buildAllDepartments, type AllDepartmentsResult, type BuildProgress } from '../../src/departments/build-all.js';
import { formatSummary } from '../../src/departments/summary.js';
import { shouldShowProgress } from '../../src/departments/progress.js';
import { normaliseForSearch, readPdf } from '../../src/verify/read-pdf.js';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

const repo = path.join(import.meta.dirname, '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'departments');

/** A project with the small fixture booklet, the repo's assets and the given department files. */
function project(departments: Record<string, string>): string {
  const root = makeTempDir('livret-all-');
  cpSync(path.join(fixtures, 'project'), root, { recursive: true });
  cpSync(path.join(repo, 'assets', 'pictograms'), path.join(root, 'assets', 'pictograms'), { recursive: true });
  mkdirSync(path.join(root, 'content', 'departments'), { recursive: true });
  for (const [code, file] of Object.entries(departments)) {
    writeFileSync(path.join(root, 'content', 'departments', `${code}.yaml`), readFileSync(file, 'utf8'));
  }
  return root;
}

const exampleFile = (code: string) => path.join(repo, 'content', 'departments', `${code}.yaml`);

async function pdfText(file: string): Promise<string> {
  const readback = await readPdf(new Uint8Array(readFileSync(file)));
  return normaliseForSearch(readback.pages.map((page) => page.text).join('\n'));
}

describe('build --department all', () => {
  let root: string;
  let result: AllDepartmentsResult;
  const progress: BuildProgress[] = [];

  beforeAll(async () => {
    root = project({ '14': exampleFile('14'), '50': exampleFile('50'), '61': path.join(fixtures, 'bad-range.yaml') });
    result = await buildAllDepartments({ projectRoot: root, workers: 2, onProgress: (event) => progress.push(event) });
  });

  it('writes one PDF per department and reports the broken one without losing the others', () => {
    expect(result.workers).toBe(2);
    expect(result.outcomes.map((outcome) => [outcome.code, outcome.ok])).toEqual([
      ['14', true],
      ['50', true],
      ['61', false],
    ]);
    expect(result.built.map((built) => path.relative(root, built.outputPath))).toEqual([
      path.join('out', '14', 'mini-a4.pdf'),
      path.join('out', '50', 'mini-a4.pdf'),
    ]);
    expect(result.failed[0]!.message).toBe(
      'content/departments/61.yaml:19:17: agencies[0].hours.tuesday[0] : la plage finit avant de commencer : écrivez l’heure la plus tôt d’abord, par exemple "08:30-17:00"',
    );
    expect(result.exitCode).toBe(2);
  });

  it.each([
    ['14', '50'],
    ['50', '14'],
  ])('the PDF of %s has its own office, agencies and hours, and none of %s', async (own, other) => {
    const text = await pdfText(path.join(root, 'out', own, 'mini-a4.pdf'));
    const mine = await loadDepartment(root, own);
    const theirs = await loadDepartment(root, other);
    expect(text).toContain(normaliseForSearch(`Bienvenue à la ${mine.office.short_name}`));
    expect(text).toContain(normaliseForSearch(mine.office.name));
    for (const agency of mine.agencies) {
      expect(text).toContain(normaliseForSearch(agency.name));
      for (const line of agency.address) expect(text).toContain(normaliseForSearch(line));
    }
    expect(text).not.toContain(normaliseForSearch(theirs.office.short_name));
    for (const agency of theirs.agencies) expect(text).not.toContain(normaliseForSearch(agency.name));
  });

  it('prints the hours of each agency as sentences', async () => {
    const calvados = await pdfText(path.join(root, 'out', '14', 'mini-a4.pdf'));
    expect(calvados).toContain(normaliseForSearch('Du lundi au vendredi, de 8h30 à 17h00.'));
    expect(calvados).toContain(normaliseForSearch('Sur rendez-vous uniquement.'));
    const manche = await pdfText(path.join(root, 'out', '50', 'mini-a4.pdf'));
    expect(manche).toContain(normaliseForSearch('Le samedi, de 9h00 à 12h00.'));
    expect(manche).toContain(normaliseForSearch('Du lundi au vendredi, de 8h30 à 16h30.'));
  });

  it('reports progress once at the start and once per department', () => {
    expect(progress[0]).toEqual({ done: 0, total: 3 });
    expect(progress.slice(1).map((event) => event.done)).toEqual([1, 2, 3]);
    expect(progress.slice(1).map((event) => event.last!.code).sort()).toEqual(['14', '50', '61']);
  });

  it('ends with a summary naming each PDF and each failure', () => {
    const summary = formatSummary(result, root);
    expect(summary).toMatch(/^2 départements sur 3 fabriqués en [\d,]+ s avec 2 fil\(s\) de travail\.\n/);
    expect(summary).toContain(`  14   ${path.join('out', '14', 'mini-a4.pdf')}  `);
    expect(summary).toContain('Échec : 1 département, les autres sont écrits :\n  61   content/departments/61.yaml:19:17: ');
  });
});

describe('buildAllDepartments with one worker', () => {
  it('builds the same PDFs, byte for byte, as with two', async () => {
    const one = project({ '14': exampleFile('14'), '50': exampleFile('50') });
    const two = project({ '14': exampleFile('14'), '50': exampleFile('50') });
    const [single, pooled] = [await buildAllDepartments({ projectRoot: one, workers: 1 }), await buildAllDepartments({ projectRoot: two, workers: 2 })];
    expect(single.workers).toBe(1);
    expect(single.exitCode).toBe(0);
    for (const code of ['14', '50']) {
      const a = readFileSync(path.join(one, 'out', code, 'mini-a4.pdf'));
      const b = readFileSync(path.join(two, 'out', code, 'mini-a4.pdf'));
      expect(a.equals(b), code).toBe(true);
    }
    expect(pooled.exitCode).toBe(0);
  });

  it('refuses a project without department files', async () => {
    await expect(buildAllDepartments({ projectRoot: project({}) })).rejects.toThrow(/aucun fichier de département : créez-en un avec `livret init-department CODE`/);
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => ({ isTTY }) as NodeJS.WriteStream;
  it('shows only on a terminal outside CI', () => {
    expect(shouldShowProgress(stream(true), {})).toBe(true);
    expect(shouldShowProgress(stream(false), {})).toBe(false);
    expect(shouldShowProgress(stream(true), { CI: 'true' })).toBe(false);
  });
});
