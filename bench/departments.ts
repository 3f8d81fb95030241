/**
 * Benchmark of `livret build --department all`: starter files for the 101
 * départements (generated here, never committed) are built into a temporary
 * copy of the project, once with 1 worker and once with 2; the report gives
 * the time per department and the speed-up of the pool over one worker,
 * both measured in the same run.
 *
 *   npx tsx bench/departments.ts [--count 101] [--workers 1,2] [--booklet DIR]
 *
 * Run `npm run build` first: the pool runs dist/ as the CLI does.
 * --booklet: the booklet folder to build (default: the first of content/);
 * `--booklet test/fixtures/departments/project/content/mini` is a 2-chapter
 * booklet that measures the pool rather than the layout. assets/ is this
 * repository's.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { inseeDepartments } from '../src/content/department-names.js';
import type { AllDepartmentsResult, buildAllDepartments as BuildAll } from '../src/departments/build-all.js';
import { starterDepartmentYaml } from '../src/departments/starter-file.js';

const repo = path.resolve(import.meta.dirname, '..');

// The pool runs the compiled workers, as `livret build` does (from the .ts
// sources every worker would first compile the whole pipeline through tsx).
const compiled = path.join(repo, 'dist', 'departments', 'build-all.js');
if (!existsSync(compiled)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const { buildAllDepartments } = (await import(pathToFileURL(compiled).href)) as { buildAllDepartments: typeof BuildAll };
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '101' },
    workers: { type: 'string', default: '1,2' },
    booklet: { type: 'string' },
  },
});

/** The booklet to build: --booklet, else the first folder of content/ with a booklet.yaml. */
function bookletDir(): string {
  if (values.booklet) return path.resolve(values.booklet);
  const content = path.join(repo, 'content');
  const first = readdirSync(content)
    .filter((name) => existsSync(path.join(content, name, 'booklet.yaml')))
    .sort()[0];
  if (!first) throw new Error('no booklet in content/: pass --booklet DIR');
  return path.join(content, first);
}

function makeProject(count: number): { root: string; booklet: string; codes: string[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'livret-bench-departments-'));
  const booklet = bookletDir();
  cpSync(booklet, path.join(root, 'content', path.basename(booklet)), { recursive: true });
  cpSync(path.join(repo, 'assets'), path.join(root, 'assets'), { recursive: true });
  const departments = path.join(root, 'content', 'departments');
  mkdirSync(departments, { recursive: true });
  const codes = [...inseeDepartments().values()].slice(0, count).map((insee) => {
    writeFileSync(path.join(departments, `${insee.code}.yaml`), starterDepartmentYaml(insee));
    return insee.code;
  });
  return { root, booklet: path.basename(booklet), codes };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const count = Number(values.count);
const workerCounts = values.workers.split(',').map(Number);
const { root, booklet, codes } = makeProject(count);
process.stderr.write(`bench: ${codes.length} starter departments, booklet ${booklet}, project ${root}\n`);

const loadBefore = os.loadavg()[0]!.toFixed(1);
// Warm-up (not counted): loads modules and fonts into the OS cache.
await buildAllDepartments({ projectRoot: root, workers: 1, departments: codes.slice(0, 1) });

const runs: Array<{ workers: number; result: AllDepartmentsResult; cpuSeconds: number }> = [];
for (const workers of workerCounts) {
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  const cpuBefore = process.cpuUsage();
  const result = await buildAllDepartments({
    projectRoot: root,
    workers,
    onProgress: ({ done, total }) => process.stderr.isTTY && process.stderr.write(`\r${workers} worker(s): ${done}/${total}`),
  });
  process.stderr.write('\n');
  const cpu = process.cpuUsage(cpuBefore);
  runs.push({ workers, result, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
}

const baseline = runs[0]!.result.seconds;
const lines = [
  `Departments: ${codes.length} starter files, booklet "${booklet}", ${os.availableParallelism()} cores, Node ${process.version}, load average before ${loadBefore} and after ${os.loadavg()[0]!.toFixed(1)}`,
  '',
  '| workers | built | failed | wall time (s) | wall time per department (s) | CPU time per department (s) | median build in a worker (s) | speed-up vs 1st row |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...runs.map(({ workers, result, cpuSeconds }) =>
    [
      workers,
      result.built.length,
      result.failed.length,
      result.seconds.toFixed(1),
      (result.seconds / codes.length).toFixed(2),
      (cpuSeconds / codes.length).toFixed(2),
      median(result.outcomes.map((outcome) => outcome.seconds)).toFixed(2),
      `${(baseline / result.seconds).toFixed(2)}×`,
    ].join(' | ').replace(/^/, '| ').concat(' |'),
  ),
];
const failures = runs[0]!.result.failed.slice(0, 5);
if (failures.length > 0) lines.push('', 'First failures:', ...failures.map((failure) => `- ${failure.code}: ${failure.message.slice(0, 240)}`));
process.stdout.write(`${lines.join('\n')}\n`);
rmSync(root, { recursive: true, force: true });
