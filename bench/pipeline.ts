/**
 * Pipeline benchmark: what a build costs against what pdfmake costs, and
 * against Typst, in the same run, on the same machine.
 *
 *   npm run build && npx tsx bench/pipeline.ts [--rounds 5]
 *
 * Every figure is the whole-process CPU time (user + system, all threads) of
 * a process of its own, median of the rounds, the tasks taking turns in each
 * round so that a change in the machine's load touches them all alike:
 *
 * - `livret build --department 61`, warm image cache (the reference booklet);
 * - bare pdfmake: livret's layout function and pdfmake on the same model and
 *   prepared pictures, saved beforehand (its PDF is compared byte for byte);
 * - Typst (@myriaddreamin/typst-ts-node-compiler) on an equivalent document
 *   made from the same model (bench/lib/typst-document.ts);
 * - `livret --help`, `livret init-department 14`, `livret check --no-pdf`;
 * - linear cost: the booklet's content ×4 against ×1, second build of a process.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serialize } from 'node:v8';
import { parse, stringify } from 'yaml';
import { bookletScreenshots } from '../src/images/prepare-images.js';
import { imagesStage, loadSources, modelStage, presetFor } from '../src/pipeline.js';
import { buildDate } from '../src/render/reproducible.js';
import { writeTypstDocument } from './lib/typst-document.js';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 5;
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
process.env.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;

interface Measure {
  cpuMs: number;
  maxRssMB: number;
}

async function measured(args: string[], cwd: string): Promise<Measure> {
  const report = path.join(os.tmpdir(), `livret-bench-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  await run(process.execPath, ['--import', path.join(repo, 'bench/cpu-report.mjs'), ...args], {
    cwd,
    env: { ...env, LIVRET_BENCH_REPORT: report },
    maxBuffer: 1 << 24,
  }).catch((error: { stderr?: string; code?: number }) => {
    // `livret check` exits 1 on findings of severity error: measured all the same.
    if (error.code !== 1) throw new Error(`${args.join(' ')} failed: ${error.stderr ?? String(error)}`);
  });
  const measure = JSON.parse(await readFile(report, 'utf8')) as Measure;
  await rm(report, { force: true });
  return measure;
}

async function projectCopy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'livret-bench-pipeline-'));
  for (const part of ['content/bienvenue', 'content/departments', 'assets', 'livret.config.yaml']) {
    await cp(path.join(repo, part), path.join(root, part), { recursive: true });
  }
  return root;
}

/** content/x4: every chapter of the reference booklet four times (the glossary once). */
async function quadrupled(root: string): Promise<void> {
  const source = path.join(root, 'content', 'bienvenue');
  const target = path.join(root, 'content', 'x4');
  await mkdir(target, { recursive: true });
  const config = parse(await readFile(path.join(source, 'booklet.yaml'), 'utf8')) as { chapters: string[] };
  const chapters: string[] = [];
  for (let copy = 1; copy <= 4; copy += 1) {
    for (const entry of config.chapters) {
      if (entry.startsWith('@')) {
        if (copy === 1) chapters.push(entry);
        continue;
      }
      const name = entry.replace(/\.md$/, `-${copy}.md`);
      await cp(path.join(source, entry), path.join(target, name));
      chapters.push(name);
    }
  }
  await writeFile(path.join(target, 'booklet.yaml'), stringify({ ...config, chapters }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const root = await projectCopy();
await quadrupled(root);
const cli = path.join(repo, 'bin/livret.js');
const child = path.join(repo, 'bench/pipeline-child.mjs');

// Warm-up (not counted): the image cache and the OS file cache.
await measured([cli, 'build', 'bienvenue', '--department', '61'], root);

// The bare-pdfmake snapshot: the same model and pictures the build lays out.
const sources = await loadSources({ projectRoot: root, booklet: 'bienvenue', department: '61' });
const booklet = modelStage(sources);
const preset = presetFor('a4');
const images = await imagesStage(sources, booklet, preset);
const order = bookletScreenshots(booklet).map(({ screenshot }) => images.images.findIndex((image) => image.key === images.lookup(screenshot).key));
const edition = sources.booklet.config.edition;
const snapshotFile = path.join(root, 'snapshot.v8');
await writeFile(snapshotFile, serialize({ booklet, images: images.images, order, preset, date: buildDate(edition ? new Date(`${edition}T00:00:00Z`) : undefined) }));
const typstFolder = path.join(root, 'typst');
await writeTypstDocument(booklet, images, preset, typstFolder);

const tasks: Record<string, () => Promise<Measure>> = {
  'livret build --department 61 (warm cache)': () => measured([cli, 'build', 'bienvenue', '--department', '61'], root),
  'bare pdfmake, same layout': () => measured([child, 'bare', snapshotFile], root),
  'Typst, equivalent document': () => measured([child, 'typst', typstFolder], root),
  'livret --help': () => measured([cli, '--help'], root),
  'livret init-department 14 --force': () => measured([cli, 'init-department', '14', '--force'], root),
  'livret check --no-pdf --department 61': () => measured([cli, 'check', 'bienvenue', '--no-pdf', '--department', '61'], root),
};
const results = new Map<string, Measure[]>(Object.keys(tasks).map((name) => [name, []]));
const names = Object.keys(tasks);
for (let round = 0; round < rounds; round += 1) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) results.get(name)!.push(await tasks[name]!());
  process.stderr.write(`round ${round + 1}/${rounds}\n`);
}

const builtPdf = await readFile(path.join(root, 'out', '61', 'bienvenue-a4.pdf'));
const barePdf = await readFile(`${snapshotFile}.pdf`);
const typstPdf = await readFile(path.join(typstFolder, 'main.pdf'));

const secondBuild = async (bookletName: string) => JSON.parse((await run(process.execPath, [child, 'build-twice', root, bookletName], { env })).stdout) as { cpuMs: number; pages: number };
const linear = { x1: [] as number[], x4: [] as number[], pages: { x1: 0, x4: 0 } };
for (let round = 0; round < Math.max(3, Math.ceil(rounds / 2)); round += 1) {
  for (const [key, name] of round % 2 === 0 ? ([['x1', 'bienvenue'], ['x4', 'x4']] as const) : ([['x4', 'x4'], ['x1', 'bienvenue']] as const)) {
    const result = await secondBuild(name);
    linear[key].push(result.cpuMs);
    linear.pages[key] = result.pages;
  }
}

const cpu = (name: string) => median(results.get(name)!.map((measure) => measure.cpuMs)) / 1000;
const rss = (name: string) => Math.max(...results.get(name)!.map((measure) => measure.maxRssMB));
const build = cpu(names[0]!);
const bare = cpu(names[1]!);
const typst = cpu(names[2]!);
const lines = [
  `Pipeline: ${os.cpus()[0]?.model ?? 'CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, median of ${rounds} rounds, ` +
    `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')} at the end`,
  '',
  '| what | CPU s (median) | peak RSS (MB) | × bare pdfmake | × Typst |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...names.map((name) => `| ${name} | ${cpu(name).toFixed(2)} | ${rss(name).toFixed(0)} | ${(cpu(name) / bare).toFixed(2)} | ${(cpu(name) / typst).toFixed(2)} |`),
  '',
  `build / bare pdfmake: ${(build / bare).toFixed(2)}×; build / Typst: ${(build / typst).toFixed(2)}×`,
  `bare pdfmake PDF identical to the build's: ${sha(barePdf) === sha(builtPdf) ? 'yes' : 'NO'} (${builtPdf.length} bytes); Typst PDF ${typstPdf.length} bytes`,
  `linear cost, second build in a process: ×1 (${linear.pages.x1} pages) ${(median(linear.x1) / 1000).toFixed(2)} CPU s, ` +
    `×4 (${linear.pages.x4} pages) ${(median(linear.x4) / 1000).toFixed(2)} CPU s: ${(median(linear.x4) / median(linear.x1)).toFixed(2)}×`,
];
process.stdout.write(`${lines.join('\n')}\n`);
await rm(root, { recursive: true, force: true });
