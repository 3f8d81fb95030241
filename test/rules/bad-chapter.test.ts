import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkBooklet } from '../../src/pipeline.js';
import { exitCodeOf, type Finding } from '../../src/check/report.js';
import { formatJson, formatStylish } from '../../src/check/reporters.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/**
 * The chapter written badly on purpose (test/fixtures/check/): every mistake
 * is reported with its line, column and rule id, and the check fails (exit 1).
 */
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/check');
const CHAPTER = 'content/mini/mauvais-chapitre.md';

async function badProject(): Promise<string> {
  return makeProject({
    'content/mini/booklet.yaml': await readFile(path.join(FIXTURES, 'booklet.yaml'), 'utf8'),
    [CHAPTER]: await readFile(path.join(FIXTURES, 'mauvais-chapitre.md'), 'utf8'),
  });
}

const EXPECTED: Array<Pick<Finding, 'line' | 'column' | 'rule' | 'severity'>> = [
  { line: 3, column: 1, rule: 'sentence-length', severity: 'error' }, // 25 words
  { line: 4, column: 11, rule: 'numbers-in-digits', severity: 'error' }, // "trois"
  { line: 6, column: 23, rule: 'forbidden-characters', severity: 'error' }, // ";"
  { line: 7, column: 13, rule: 'abbreviations', severity: 'error' }, // "CMU"
  { line: 8, column: 7, rule: 'bold-only', severity: 'error' }, // *bien*
  { line: 10, column: 26, rule: 'dates', severity: 'error' }, // 03/05/2025
  { line: 11, column: 12, rule: 'phone-numbers', severity: 'error' }, // 0233123456
  { line: 12, column: 6, rule: 'negations', severity: 'warn' }, // ne … pas
];

describe('livret check on a chapter written badly on purpose', () => {
  it('reports every mistake with its line, column, rule and severity, and nothing else in the chapter', async () => {
    const projectRoot = await badProject();
    const report = await checkBooklet({ projectRoot });
    const inChapter = report.findings.filter((finding) => finding.file === CHAPTER);
    expect(inChapter.map(({ line, column, rule, severity }) => ({ line, column, rule, severity }))).toEqual(EXPECTED);
    expect(report.findings.filter((finding) => finding.file !== CHAPTER)).toEqual([]); // the PDF itself is fine
    expect(exitCodeOf(report)).toBe(1);
    expect(inChapter.find((finding) => finding.rule === 'dates')?.message).toContain('samedi 3 mai 2025');
    expect(inChapter.find((finding) => finding.rule === 'phone-numbers')?.message).toContain('02 33 12 34 56');
  });

  it('prints file:line:column, severity, message and rule id (stylish)', async () => {
    const report = await checkBooklet({ projectRoot: await badProject(), pdf: false });
    const output = formatStylish(report);
    expect(output).toContain(CHAPTER);
    expect(output).toMatch(/7:13\s+erreur\s+Abréviation « CMU » sans explication.*abbreviations/);
    expect(output).toMatch(/12:6\s+avertissement\s+Phrase négative.*negations/);
    expect(JSON.parse(formatJson(report)).findings).toHaveLength(EXPECTED.length);
  });

  it('the CLI exits with 1 and its --format json output parses with file, line, column, rule, severity, message', async () => {
    const projectRoot = await badProject();
    const run = promisify(execFile);
    const outcome = await run('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'check', '--format', 'json'], { cwd: projectRoot }).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(outcome.code).toBe(1);
    const parsed = JSON.parse(outcome.stdout) as { errorCount: number; findings: Finding[] };
    expect(parsed.errorCount).toBe(7);
    for (const finding of parsed.findings) {
      expect(Object.keys(finding).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    }
    expect(parsed.findings).toContainEqual(expect.objectContaining({ file: CHAPTER, line: 4, column: 11, rule: 'numbers-in-digits', severity: 'error' }));
  });

  it('a clean chapter passes: exit code 0', async () => {
    const clean = '# Un chapitre\n\nVous pouvez appeler la :term[CPAM]{definition="Caisse primaire d\'assurance maladie"}.\nLe numéro est le {{caisse.telephone}}.\n';
    const report = await checkBooklet({ projectRoot: await makeProject({ 'content/mini/chapitre.md': clean }) });
    expect(report.findings).toEqual([]);
    expect(exitCodeOf(report)).toBe(0);
  });
});
