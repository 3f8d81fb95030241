import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBooklet } from '../../src/pipeline.js';
import { defaultConfig, loadCheckConfig, resolveConfig } from '../../src/check/config.js';
import { LivretError } from '../../src/errors.js';
import { ALL_RULE_IDS } from '../../src/rules/preset.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

async function configError(yamlText: string): Promise<LivretError> {
  const projectRoot = await makeProject({ 'livret.config.yaml': yamlText });
  const error = await loadCheckConfig(projectRoot).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LivretError);
  return error as LivretError;
}

describe('livret.config.yaml', () => {
  it('the project file spells out the defaults of EASY-READ.md, for every rule', async () => {
    const fromFile = await loadCheckConfig(REPO_ROOT);
    expect([...fromFile.keys()].sort()).toEqual([...ALL_RULE_IDS].sort());
    expect(Object.fromEntries(fromFile)).toEqual(Object.fromEntries(defaultConfig()));
    const text = await readFile(path.join(REPO_ROOT, 'livret.config.yaml'), 'utf8');
    for (const id of ALL_RULE_IDS) expect(text).toContain(`  ${id}:`);
  });

  it('a severity alone keeps the default options; options given are laid over the defaults', () => {
    const config = resolveConfig([{ file: 'x', value: { rules: { 'sentence-length': 'warn', 'page-count': ['error', { max: 28 }] } } }]);
    expect(config.get('sentence-length')).toEqual({ severity: 'warn', options: { max: 15, warnAbove: 12 } });
    expect(config.get('page-count')).toEqual({ severity: 'error', options: { max: 28, warnAbove: 20 } });
  });

  it('a booklet overrides the project file, rule by rule', async () => {
    const projectRoot = await makeProject({
      'livret.config.yaml': 'rules:\n  negations: error\n  sentence-length: [error, { max: 10 }]\n',
      'content/mini/booklet.yaml': 'title: "Test"\nchapters: [chapitre.md]\ncheck:\n  rules:\n    negations: off\n    sentence-length: [warn, { warnAbove: 8 }]\n',
      'content/mini/chapitre.md': '# Titre\n\nVous ne devez pas donner votre code à une autre personne de votre famille.\n',
    });
    const report = await checkBooklet({ projectRoot, pdf: false });
    expect(report.findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(['sentence-length:warn']);
    expect(report.findings[0]?.message).toContain('10 au plus');
  });

  it('an unknown rule is bad input (exit 2) naming the file and line', async () => {
    const error = await configError('rules:\n  sentence-length: error\n  phrase-longue: error\n');
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^livret\.config\.yaml:3: règle inconnue « phrase-longue » ; utilisez : .*sentence-length/);
  });

  it('a bad severity or option is bad input naming the rule', async () => {
    expect((await configError('rules:\n  sentence-length: strict\n')).format()).toMatch(/^livret\.config\.yaml:2: rules\.sentence-length/);
    const option = await configError('rules:\n  sentence-length: [error, { maximum: 15 }]\n');
    expect(option.format()).toMatch(/^livret\.config\.yaml:2: règle « sentence-length », option : .*maximum/);
    const value = await configError('rules:\n  sentence-length: [error, { max: -1 }]\n');
    expect(value.format()).toMatch(/règle « sentence-length », option\.max/);
  });

  it('a YAML error gives its line', async () => {
    expect((await configError('rules:\n  sentence-length: [error\n')).format()).toMatch(/^livret\.config\.yaml:\d+:\d+: erreur de syntaxe YAML/);
  });

  it('off turns a rule off', async () => {
    const projectRoot = await makeProject({
      'livret.config.yaml': 'rules:\n  abbreviations: off\n',
      'content/mini/chapitre.md': '# Titre\n\nDemandez la CMU.\n',
    });
    const findings = (await checkBooklet({ projectRoot, pdf: false })).findings;
    // "CMU" unexplained is not reported; the block's missing picture (a booklet rule) still is.
    expect(findings.map((finding) => finding.rule)).toEqual(['block-without-picture']);
  });
});
