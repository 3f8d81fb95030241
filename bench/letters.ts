/**
 * Letters benchmark: letters per second and peak memory of `livret merge`
 * for 1,000, 10,000 and 100,000 generated recipients, next to two pdfmake
 * baselines measured in the same run (one document per letter; all letters in
 * one document) on smaller counts, since they are much slower.
 *
 *   npm run build && npx tsx bench/letters.ts [--sizes 1000,10000,100000] [--baseline 200]
 *
 * Every measured run is its own process (bench/letters-child.ts), so its peak
 * RSS (threads included) is its own. The machine may be shared: wall-clock
 * rates vary with load, so CPU time is reported too.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateRows, toCsv } from '../test/letters/recipients-generator.js';

const run = promisify(execFile);
const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const sizes = argument('sizes', '1000,10000,100000').split(',').map(Number);
const baselineCount = Number(argument('baseline', '200'));
const tsxLoader = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

interface Measure {
  letters: number;
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
}

async function child(...args: string[]): Promise<Measure> {
  // livret runs as the CLI does (plain Node, compiled dist/); the baselines need tsx for their TypeScript.
  const command = args[0] === 'merge' ? ['bench/letters-merge-child.mjs', ...args.slice(1)] : ['--import', tsxLoader, 'bench/letters-child.ts', ...args];
  const { stdout } = await run(process.execPath, command, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure;
}

const folder = await mkdtemp(path.join(tmpdir(), 'livret-bench-letters-'));
try {
  await mkdir(path.join(folder, 'content', 'departments'), { recursive: true });
  await cp('test/fixtures/letters/department-61.yaml', path.join(folder, 'content', 'departments', '61.yaml'));
  const rows: Array<{ name: string; measure: Measure }> = [];
  const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
  console.error(`machine: ${cpus()[0]?.model ?? '?'} × ${availableParallelism()}, load ${load()}`);
  for (const size of sizes) {
    const csv = path.join(folder, `recipients-${size}.csv`);
    await writeFile(csv, toCsv(generateRows(size)));
    const measure = await child('merge', folder, csv, path.join(folder, `out-${size}`));
    rows.push({ name: `livret merge, ${size.toLocaleString('en')} recipients`, measure });
    console.error(`${size}: ${JSON.stringify(measure)}, load ${load()}`);
    await rm(path.join(folder, `out-${size}`), { recursive: true, force: true });
  }
  for (const mode of ['pdfmake-per-letter', 'pdfmake-one-document']) {
    const measure = await child(mode, folder, String(baselineCount));
    rows.push({ name: `baseline ${mode}, ${baselineCount.toLocaleString('en')} letters`, measure });
    console.error(`${mode}: ${JSON.stringify(measure)}, load ${load()}`);
  }
  const rate = (measure: Measure) => (measure.letters / (measure.wallMs / 1000));
  const perCpu = (measure: Measure) => (measure.letters / (measure.cpuMs / 1000));
  const best = Math.max(...rows.filter((row) => row.name.startsWith('baseline')).map((row) => rate(row.measure)));
  console.log('| run | letters/s (wall) | letters per CPU-second | × fastest baseline (wall) | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const { name, measure } of rows) {
    console.log(`| ${name} | ${rate(measure).toFixed(0)} | ${perCpu(measure).toFixed(0)} | ${(rate(measure) / best).toFixed(1)} | ${measure.maxRssMB} MB |`);
  }
  console.log(`\nload average at the end: ${load()} (${availableParallelism()} cores)`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
