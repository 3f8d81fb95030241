/**
 * Image stage benchmark: the reference booklet's screenshots prepared with a
 * cold cache (every picture drawn with sharp) and with a warm one (every
 * picture read back from .cache/livret/images), then the whole build both ways.
 * Times are compared with the cold run of the same process (ratios), so the
 * result does not depend on the machine.
 *
 *   npx tsx bench/images.ts [rounds]
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildBooklet, loadSources, modelStage } from '../src/pipeline.js';
import { defaultCacheDir } from '../src/images/image-cache.js';
import { prepareImages } from '../src/images/prepare-images.js';
import { PRESETS } from '../src/geometry/presets.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[2] ?? 3);

async function referenceCopy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'livret-bench-'));
  await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(REPO, 'assets'), path.join(root, 'assets'), { recursive: true });
  return root;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const projectRoot = await referenceCopy();
const cacheDir = defaultCacheDir(projectRoot);
const booklet = modelStage(await loadSources({ projectRoot, booklet: 'bienvenue', department: '61' }));
const prepare = () => prepareImages(booklet, { projectRoot, preset: PRESETS.a4, cacheDir });
const build = () => buildBooklet({ projectRoot, booklet: 'bienvenue', department: '61', write: false });

const stage = { cold: [] as number[], warm: [] as number[] };
const whole = { cold: [] as number[], warm: [] as number[] };
let pictures = 0;
for (let round = 0; round < rounds; round += 1) {
  await rm(cacheDir, { recursive: true, force: true });
  stage.cold.push(await time(async () => (pictures = (await prepare()).stats.processed)));
  stage.warm.push(await time(prepare));
  await rm(cacheDir, { recursive: true, force: true });
  whole.cold.push(await time(build));
  whole.warm.push(await time(build));
}
await rm(projectRoot, { recursive: true, force: true });

const line = (name: string, times: { cold: number[]; warm: number[] }) =>
  `| ${name} | ${median(times.cold).toFixed(0)} ms | ${median(times.warm).toFixed(0)} ms | ${(median(times.warm) / median(times.cold)).toFixed(3)} |`;
console.log(`Reference booklet (department 61), ${pictures} prepared pictures, median of ${rounds} rounds, Node ${process.version}`);
console.log('| what | cold cache | warm cache | warm / cold |');
console.log('| --- | --- | --- | --- |');
console.log(line('image stage (prepareImages)', stage));
console.log(line('whole build (buildBooklet, no write)', whole));
