/**
 * How fast livret answers the hostile inputs of issue 13 (each must stop with
 * exit 2 at once), and how long a chapter right at the limits takes to check:
 * the limits are meant to keep the worst accepted chapter to a few seconds.
 * `npm run bench hostile`.
 */
import { rm } from 'node:fs/promises';
import { checkBooklet } from '../src/pipeline.js';
import { isLivretError } from '../src/errors.js';
import { INPUT_LIMITS } from '../src/content/input-limits.js';
import { makeProject, MINI_DEPARTMENT } from '../test/helpers/project.js';

const sentence = 'Vous pouvez appeler la caisse au {{caisse.telephone}} pour un **rendez-vous** à l’agence.';
const alias = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
const cases: Array<[string, Record<string, string>]> = [
  ['list nested 10,000 deep (one line)', { 'content/mini/chapitre.md': `# T\n\n${'- '.repeat(10_000)}a\n` }],
  ['quotes nested 10,000 deep', { 'content/mini/chapitre.md': `# T\n\n${'>'.repeat(10_000)} a\n` }],
  ['chapter of 100,000 lines', { 'content/mini/chapitre.md': `# T\n\n${'Une phrase.\n'.repeat(100_000)}` }],
  ['YAML alias bomb (department)', { 'content/departments/61.yaml': `${MINI_DEPARTMENT}${alias}\n` }],
  [`chapter at the line limit (${INPUT_LIMITS.chapterLines} lines, blocks of 2)`, { 'content/mini/chapitre.md': `# T\n\n${Array.from({ length: INPUT_LIMITS.chapterLines / 3 - 2 }, () => `${sentence}\n${sentence}`).join('\n\n')}\n` }],
];

for (const [name, files] of cases) {
  const projectRoot = await makeProject(files);
  const start = performance.now();
  const outcome = await checkBooklet({ projectRoot, pdf: false }).then(
    () => 'result',
    (error: unknown) => (isLivretError(error) ? `exit ${error.exitCode}` : `other error: ${String(error)}`),
  );
  const memory = Math.round(process.memoryUsage().rss / 1e6);
  console.log(`${name.padEnd(52)} ${outcome.padEnd(8)} ${((performance.now() - start) / 1000).toFixed(2)} s  (rss ${memory} MB)`);
  await rm(projectRoot, { recursive: true, force: true });
}
