/**
 * What tagging (PDF/UA structure, marked content, the structure read back)
 * adds to a build of the reference booklet, in the same run.
 *
 *   npm run bench tagging      (or: npx tsx bench/tagging.ts [--rounds 7])
 *
 * In one process, warm (modules loaded, pictures prepared): the layout, the
 * render and the read-back of the A4 booklet with the definition as livret
 * writes it (tagged) and with `tagged: false`, taking turns in each round; and
 * a whole `buildBooklet` (every rule, nothing written) as the cost of a build.
 * Figures are the process's CPU time (user + system) per task, median of the
 * rounds. The overhead is (tagged − untagged) / whole build.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBooklet, imagesStage, loadSources, modelStage, presetFor } from '../src/pipeline.js';
import { layoutBooklet } from '../src/layout/booklet-layout.js';
import { renderPdf } from '../src/render/render-pdf.js';
import { readPdf } from '../src/verify/read-pdf.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 7;
process.env.SOURCE_DATE_EPOCH = '1767225600';

async function cpuMs(task: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await task();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const sources = await loadSources({ projectRoot: repo, department: '61' });
const booklet = modelStage(sources);
const preset = presetFor('a4');
const images = await imagesStage(sources, booklet, preset);
const definition = () => layoutBooklet({ booklet, preset, images: images.lookup, preparedImages: images.images, creationDate: new Date(Date.UTC(2026, 0, 1)) });
const renderAndRead = async (tagged: boolean) => {
  const laidOut = definition();
  const pdf = await renderPdf(tagged ? laidOut : { ...laidOut, tagged: false, subset: undefined });
  return { pdf, readback: await readPdf(pdf) };
};

// Warm-up: modules, fonts, the image cache.
await renderAndRead(true);
await renderAndRead(false);
await buildBooklet({ projectRoot: repo, department: '61', write: false });

const times = { tagged: [] as number[], untagged: [] as number[], build: [] as number[] };
const sizes = { tagged: 0, untagged: 0 };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['tagged', 'untagged'] as const) : (['untagged', 'tagged'] as const);
  for (const kind of order) {
    times[kind].push(
      await cpuMs(async () => {
        sizes[kind] = (await renderAndRead(kind === 'tagged')).pdf.length;
      }),
    );
  }
  times.build.push(await cpuMs(() => buildBooklet({ projectRoot: repo, department: '61', write: false })));
}

const [tagged, untagged, build] = [median(times.tagged), median(times.untagged), median(times.build)];
const load = os.loadavg().map((value) => value.toFixed(1)).join(' ');
process.stdout.write(`> ${os.cpus().length} cores, Node ${process.version}, ${rounds} rounds, load average at the end ${load}\n\n`);
process.stdout.write('| task | CPU time, median (ms) | PDF size (bytes) |\n| --- | --- | --- |\n');
process.stdout.write(`| layout + render + read back, tagged | ${tagged.toFixed(0)} | ${sizes.tagged} |\n`);
process.stdout.write(`| layout + render + read back, \`tagged: false\` | ${untagged.toFixed(0)} | ${sizes.untagged} |\n`);
process.stdout.write(`| whole build (buildBooklet, every rule, not written) | ${build.toFixed(0)} | |\n\n`);
process.stdout.write(`Tagging adds ${(tagged - untagged).toFixed(0)} ms, ${((100 * (tagged - untagged)) / build).toFixed(1)} % of a build (limit: 15 %).\n`);
