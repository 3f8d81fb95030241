import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, MINI_DEPARTMENT } from '../helpers/project.js';
import { bookletArbitrary, chapterArbitrary, departmentArbitrary } from './fuzz-arbitraries.js';
import { FuzzRunner } from './fuzz-harness.js';
import type { FuzzCase } from './fuzz-worker.js';

/**
 * Random chapters, department files and booklet.yaml files: for every case
 * the library returns a result or a LivretError (exit 1 or 2), never another
 * exception and never an endless run (each case runs in a worker thread with
 * a deadline; see fuzz-harness.ts). A few hundred cases here; more with
 * LIVRET_FUZZ_RUNS=5000 npx vitest run test/input/fuzz.test.ts. A failing
 * case found is kept in hostile-input.test.ts or fuzz-cases.test.ts.
 */
const RUNS = Number(process.env.LIVRET_FUZZ_RUNS ?? 300);
/** Far above any case (about 0.1 s each): only a hang reaches it. */
const DEADLINE_MS = 60_000;

const files = fc.record({ chapter: chapterArbitrary, department: departmentArbitrary, booklet: bookletArbitrary });

function caseOf({ chapter, department, booklet }: { chapter: string; department: string; booklet: string }, mode: FuzzCase['mode']): FuzzCase {
  return { mode, files: { 'content/mini/chapitre.md': chapter, 'content/departments/61.yaml': department, 'content/mini/booklet.yaml': booklet } };
}

describe('fuzz: any chapter, department file or booklet.yaml gives a result or a LivretError', () => {
  let projectRoot: string;
  let runner: FuzzRunner;
  beforeAll(async () => {
    projectRoot = await makeProject();
    runner = new FuzzRunner(projectRoot, DEADLINE_MS);
  });
  afterAll(async () => {
    await runner.close();
    await rm(projectRoot, { recursive: true, force: true });
  });

  const expectHandled = async (fuzzCase: FuzzCase) => {
    const outcome = await runner.run(fuzzCase);
    if (outcome.kind === 'livret-error') expect([1, 2]).toContain(outcome.exitCode);
    else expect(outcome).toEqual({ kind: 'result' });
  };

  it('the harness stops an endless case at its deadline and reports any other exception', async () => {
    const valid = { mode: 'check', files: {} } as const;
    expect(await runner.run(valid)).toEqual({ kind: 'result' });
    expect(await runner.run({ mode: 'hang', files: {} }, 2_000)).toEqual({ kind: 'hang' });
    expect(await runner.run({ mode: 'overflow', files: {} })).toMatchObject({ kind: 'other-error', message: 'RangeError: Maximum call stack size exceeded' });
  });

  it(`${RUNS} cases through checkBooklet({ pdf: false })`, async () => {
    await fc.assert(
      fc.asyncProperty(files, (generated) => expectHandled(caseOf(generated, 'check'))),
      { numRuns: RUNS },
    );
  });

  it('mostly valid chapters through a real build', async () => {
    const validish = fc.record({ chapter: chapterArbitrary, department: fc.constant(MINI_DEPARTMENT), booklet: fc.constant('title: "Livret de test"\nchapters: [chapitre.md]\n') });
    await fc.assert(
      fc.asyncProperty(validish, (generated) => expectHandled(caseOf(generated, 'build'))),
      { numRuns: Math.max(8, Math.round(RUNS / 30)) },
    );
  });
});
