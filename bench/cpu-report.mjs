// Preloaded with `node --import` into a measured process: at exit, writes the
// process's CPU time (user + system, all threads) and peak RSS to the file
// named by LIVRET_BENCH_REPORT.
import { writeFileSync } from 'node:fs';

const target = process.env.LIVRET_BENCH_REPORT;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024 }));
  });
}
