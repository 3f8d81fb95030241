#!/usr/bin/env node
// `npm run bench`: runs every bench/*.ts script in turn with tsx and prints its results (see bench/README.md).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.includes('-child') && (!only || name.includes(only))).sort();
let failed = 0;
for (const script of scripts) {
  process.stdout.write(`\n## ${script}\n\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(folder, script)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
