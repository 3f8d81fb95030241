/**
 * Live preview benchmark: in a warm `livret watch` process (the library's
 * watchBooklet, as the CLI runs it), the time from saving a change of one
 * sentence to the new page being available (drawn, on the server), and to
 * its findings. Target: at most 1.5 s from save to page.
 *
 *   npx tsx bench/watch.ts [--saves 5] [--booklet reference|mini]
 *
 * "reference" is a copy of the reference booklet (content/bienvenue,
 * department 61, 20 pages); "mini" is a two-chapter booklet, to show the
 * fixed cost. Each run first builds once (cold image cache) and makes two
 * saves to warm the process up, then measures `--saves` saves, alternating
 * two wordings of one sentence.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { WatchState } from '../src/watch/preview-session.js';
import { watchBooklet, type WatchHandle } from '../src/watch/watch-booklet.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { saves: { type: 'string', default: '5' }, booklet: { type: 'string', default: 'both' } } });
const saves = Number(values.saves);
const TARGET_MS = 1500;

interface Case {
  name: string;
  project: () => Promise<string>;
  booklet: string;
  chapter: string;
  wordings: [string, string];
}

async function referenceProject(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'livret-bench-watch-'));
  await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(REPO, 'assets'), path.join(root, 'assets'), { recursive: true });
  await cp(path.join(REPO, 'livret.config.yaml'), path.join(root, 'livret.config.yaml'));
  return root;
}

async function miniProject(): Promise<string> {
  const root = await referenceProject();
  await rm(path.join(root, 'content', 'bienvenue'), { recursive: true });
  const folder = path.join(root, 'content', 'mini');
  await cp(path.join(REPO, 'content', 'bienvenue', '01-bienvenue.md'), path.join(folder, '01-bienvenue.md'));
  await cp(path.join(REPO, 'content', 'bienvenue', '03-creer-compte.md'), path.join(folder, '03-creer-compte.md'));
  await writeFile(path.join(folder, 'booklet.yaml'), 'title: "Livret court"\nchapters: [01-bienvenue.md, 03-creer-compte.md]\n');
  return root;
}

const CASES: Case[] = [
  {
    name: 'reference booklet (bienvenue, 61)',
    project: referenceProject,
    booklet: 'bienvenue',
    chapter: '03-creer-compte.md',
    wordings: ['Il vous faut une adresse email personnelle.', 'Il vous faut une adresse email à vous.'],
  },
  {
    name: 'two-chapter booklet',
    project: miniProject,
    booklet: 'mini',
    chapter: '03-creer-compte.md',
    wordings: ['Il vous faut une adresse email personnelle.', 'Il vous faut une adresse email à vous.'],
  },
];

function next(handle: WatchHandle, after: number, test: (state: WatchState) => boolean): Promise<WatchState> {
  return new Promise((resolve) => {
    const listener = (state: WatchState) => {
      if (state.version > after && test(state)) {
        handle.session.off('change', listener);
        resolve(state);
      }
    };
    handle.session.on('change', listener);
  });
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function measure(one: Case): Promise<string> {
  const root = await one.project();
  const department = '61';
  const handle = await watchBooklet({ projectRoot: root, booklet: one.booklet, department, port: 0 });
  const file = path.join(root, 'content', one.booklet, one.chapter);
  try {
    const firstStarted = performance.now();
    const first = await next(handle, 0, (state) => state.status === 'ready' || state.status === 'error');
    if (first.status === 'error') throw new Error(first.error?.text);
    const firstMs = performance.now() - firstStarted;
    const toPage: number[] = [];
    const toFindings: number[] = [];
    const redrawn: number[] = [];
    const buildMs: number[] = [];
    const drawMs: number[] = [];
    for (let save = 0; save < saves + 2; save++) {
      const source = await readFile(file, 'utf8');
      const [from, to] = source.includes(one.wordings[0]) ? one.wordings : [one.wordings[1], one.wordings[0]];
      const version = handle.session.state.version;
      const pages = next(handle, version, (state) => state.status === 'checking' || state.status === 'error');
      const checked = next(handle, version, (state) => state.status === 'ready' || state.status === 'error');
      const saved = performance.now();
      await writeFile(file, source.replace(from, to));
      const shown = await pages;
      const pageMs = performance.now() - saved;
      const done = await checked;
      if (done.status === 'error') throw new Error(done.error?.text);
      if (save < 2) continue; // warming up
      toPage.push(pageMs);
      toFindings.push(performance.now() - saved);
      redrawn.push(shown.lastBuild?.redrawn ?? 0);
      buildMs.push(shown.lastBuild?.buildMs ?? 0);
      drawMs.push(shown.lastBuild?.drawMs ?? 0);
    }
    const pageCount = handle.session.state.pages.length;
    const met = median(toPage) <= TARGET_MS ? 'met' : 'not met';
    return (
      `| ${one.name} | ${pageCount} | ${seconds(firstMs)} | ${seconds(median(toPage))} (${seconds(Math.min(...toPage))}–${seconds(Math.max(...toPage))}) | ` +
      `${seconds(median(buildMs))} | ${seconds(median(drawMs))} | ${seconds(median(toFindings))} | ${median(redrawn)} | ${met} |`
    );
  } finally {
    await handle.close();
    await rm(root, { recursive: true, force: true });
  }
}

const chosen = CASES.filter((one) => values.booklet === 'both' || one.booklet === values.booklet || (values.booklet === 'reference' && one.booklet === 'bienvenue'));
const rows: string[] = [];
for (const one of chosen) rows.push(await measure(one));
const load = os.loadavg().map((value) => value.toFixed(1)).join(', ');
process.stdout.write(
  `> livret watch, ${saves} saves of one sentence after 2 warm-up saves, ${os.cpus().length} cores, Node ${process.version}, load average at the end ${load}\n\n` +
    '| booklet | pages | first build, cold cache (s) | save → new page, median (min–max) (s) | of which buildBooklet (s) | of which fingerprints + drawing (s) | save → findings, median (s) | pages redrawn, median | ≤ 1.5 s |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
