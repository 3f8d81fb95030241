import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { checkChapters } from '../../src/check/check-sources.js';
import { resolveConfig } from '../../src/check/config.js';
import { PDF_RULES, SOURCE_RULES } from '../../src/rules/preset.js';
import { pdfInput, type ExampleFacts } from './helpers/pdf.js';

/**
 * The examples of docs/rules.md are the rules' tests: for each rule, the
 * `pass` example gives no finding of that rule and the `fail` example at
 * least one. Keeping them in the documentation keeps the two in step.
 */
const DOC = readFileSync(path.resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');

interface Example {
  language: 'md' | 'json';
  expectation: 'pass' | 'fail';
  body: string;
}

function examplesOf(ruleId: string): Example[] {
  const section = DOC.split(/^### /m).find((part) => part.startsWith(`${ruleId}\n`));
  if (!section) return [];
  return [...section.matchAll(/^```(md|json) (pass|fail)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1] as Example['language'],
    expectation: match[2] as Example['expectation'],
    body: match[3] ?? '',
  }));
}

/** Only the rule under test, as an error, so its findings are easy to count. */
function onlyRule(id: string) {
  return resolveConfig([
    {
      file: 'test',
      value: { rules: Object.fromEntries([...SOURCE_RULES, ...PDF_RULES].map((rule) => [rule.id, rule.id === id ? 'error' : 'off'])) },
    },
  ]);
}

describe('docs/rules.md examples, source rules', () => {
  for (const rule of SOURCE_RULES) {
    const examples = examplesOf(rule.id);
    it(`${rule.id}: documented with one passing and one failing example`, () => {
      expect(examples.map((example) => example.expectation).sort()).toEqual(['fail', 'pass']);
    });
    for (const example of examples) {
      it(`${rule.id}: the ${example.expectation === 'pass' ? 'passing example passes' : 'failing example fails'}`, async () => {
        const report = await checkChapters([{ path: 'exemple.md', source: example.body }], onlyRule(rule.id));
        const found = report.findings.filter((finding) => finding.rule === rule.id);
        if (example.expectation === 'pass') expect(found).toEqual([]);
        else {
          expect(found.length).toBeGreaterThan(0);
          expect(found[0]).toMatchObject({ file: 'exemple.md', rule: rule.id });
          expect(found[0]?.line).toBeGreaterThanOrEqual(1);
        }
      });
    }
  }
});

describe('docs/rules.md examples, PDF rules (pdfmake documents)', () => {
  for (const rule of PDF_RULES) {
    const examples = examplesOf(rule.id);
    it(`${rule.id}: documented with one passing and one failing example`, () => {
      expect(examples.map((example) => example.expectation).sort()).toEqual(['fail', 'pass']);
    });
    for (const example of examples) {
      it(`${rule.id}: the ${example.expectation === 'pass' ? 'passing example passes' : 'failing example fails'}`, async () => {
        const { livret, ...definition } = JSON.parse(example.body) as Partial<TDocumentDefinitions> & { livret?: ExampleFacts };
        const input = await pdfInput(definition, livret);
        const setting = onlyRule(rule.id).get(rule.id)!;
        const found = await rule.check(input, setting.options);
        if (example.expectation === 'pass') expect(found).toEqual([]);
        else expect(found.length).toBeGreaterThan(0);
      });
    }
  }
});
