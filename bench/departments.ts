/**
 * Benchmark of `livret build --department all`: starter files for the 101
 * départements (generated here, never committed) are built into a temporary
 * copy of the project, once with 1 worker and once with 2; the report gives
 * the time per department and the speed-up of the pool over one worker,
 * both measured in the same run.
 *
 *   npx tsx bench/departments.ts [--count 101] [--workers 1,2] [--repeat 1] [--booklet DIR]
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
import { Worker } from 'node:worker_threads';
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
    repeat: { type: 'string', default: '1' },
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
    // The TODO markers filled with stand-in text, as a CPAM would fill them:
    // `livret build` refuses to print a booklet whose department file still has TODOs.
    writeFileSync(path.join(departments, `${insee.code}.yaml`), starterDepartmentYaml(insee).replaceAll('TODO', 'Exemple'));
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
const repeat = Number(values.repeat);
const { root, booklet, codes } = makeProject(count);
process.stderr.write(`bench: ${codes.length} starter departments, booklet ${booklet}, project ${root}\n`);

interface Run {
  workers: number;
  result: AllDepartmentsResult;
  cpuSeconds: number;
}

async function measure(workers: number): Promise<Run> {
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  const cpuBefore = process.cpuUsage();
  const result = await buildAllDepartments({
    projectRoot: root,
    workers,
    onProgress: ({ done, total }) => process.stderr.isTTY && process.stderr.write(`\r${workers} worker(s): ${done}/${total}`),
  });
  const cpu = process.cpuUsage(cpuBefore);
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${workers} worker(s): ${result.seconds.toFixed(1)} s\n`);
  return { workers, result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/**
 * Control: the same pure-CPU loop on 1 thread, then on N threads at once.
 * The ratio is the speed-up this machine can give at that moment; on a
 * machine shared with other jobs it is well under N.
 */
async function attainableSpeedUp(threads: number): Promise<number> {
  const loop = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 2e8; i += 1) x += i % 7; parentPort.postMessage(x);`;
  const run = async (count: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, () => new Promise((done) => new Worker(loop, { eval: true }).once('message', done))));
    return performance.now() - started;
  };
  const one = await run(1);
  const many = await run(threads);
  return (one * threads) / many;
}

const loadBefore = os.loadavg()[0]!.toFixed(1);
const controlBefore = await attainableSpeedUp(Math.max(...workerCounts));
// Warm-up (not counted): the OS file cache, with as many workers as the largest run.
await buildAllDepartments({ projectRoot: root, workers: Math.max(...workerCounts), departments: codes.slice(0, Math.max(...workerCounts)) });

// Each worker count runs `repeat` times, in alternating order (1,2 then 2,1 …) so that a change
// in the machine's load does not favour one of them; the fastest run of each counts.
const runs: Run[] = [];
for (let round = 0; round < repeat; round += 1) {
  for (const workers of round % 2 === 0 ? workerCounts : [...workerCounts].reverse()) runs.push(await measure(workers));
}
const best = workerCounts.map((workers) =>
  runs.filter((run) => run.workers === workers).reduce((fastest, run) => (run.result.seconds < fastest.result.seconds ? run : fastest)),
);

const controlAfter = await attainableSpeedUp(Math.max(...workerCounts));
const baseline = best[0]!.result.seconds;
const lines = [
  `Departments: ${codes.length} starter files, booklet "${booklet}", ${os.availableParallelism()} cores, Node ${process.version}, ` +
    `best of ${repeat} runs each, load average before ${loadBefore} and after ${os.loadavg()[0]!.toFixed(1)}`,
  `Control, a pure-CPU loop on ${Math.max(...workerCounts)} threads against 1: speed-up ${controlBefore.toFixed(2)}× before the runs, ${controlAfter.toFixed(2)}× after ` +
    '(what this machine could give at the time; 2.00× on 2 idle cores).',
  '',
  '| workers | built | failed | wall time (s) | wall time per department (s) | CPU time per department (s) | median build in a worker (s) | speed-up vs 1st row |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...best.map(({ workers, result, cpuSeconds }) =>
    [
      workers,
      result.built.length,
      result.failed.length,
      result.seconds.toFixed(1),
      (result.seconds / codes.length).toFixed(2),
      (cpuSeconds / codes.length).toFixed(2),
      median(result.outcomes.map((outcome) => outcome.seconds)).toFixed(2),
      `${(baseline / result.seconds).toFixed(2)}×`,
    ]
      .join(' | ')
      .replace(/^/, '| ')
      .concat(' |'),
  ),
];
const failures = best[0]!.result.failed;
if (failures.length > 0) {
  lines.push('', `Failed (${failures.length}): ${failures.map((failure) => failure.code).join(', ')}; first: ${failures[0]!.message.slice(0, 200)}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
rmSync(root, { recursive: true, force: true });
