// One measured `livret merge` run, as the CLI runs it: plain Node on the
// compiled library (dist/), no TypeScript loader, in a process of its own so
// that process.resourceUsage().maxRSS (threads included) is its own.
// Usage: node bench/letters-merge-child.mjs <project> <csv> <out> [workers] [batch-size]
import path from 'node:path';

const [project, csv, out, workers, batchSize] = process.argv.slice(2);
const { mergeLetters } = await import(path.resolve('dist/letters/merge.js'));
const cpuAtStart = process.cpuUsage();
const startedAt = performance.now();
const result = await mergeLetters({
  projectRoot: project,
  letter: path.resolve('templates/courrier-code-provisoire.md'),
  recipients: csv,
  department: '61',
  out,
  date: '2026-11-29',
  workers: workers ? Number(workers) : undefined,
  batchSize: batchSize ? Number(batchSize) : undefined,
});
const cpu = process.cpuUsage(cpuAtStart);
process.stdout.write(
  `${JSON.stringify({
    letters: result.manifest.letters_written,
    rejected: result.manifest.rows_rejected,
    batches: result.manifest.batches.length,
    wallMs: Math.round(performance.now() - startedAt),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
