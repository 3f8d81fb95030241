import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside the caller (`from`: its
 * `import.meta.url`). From compiled JS (the CLI, `dist/`), that is
 * `<name>.js` next to the caller. From the TypeScript sources (vitest,
 * `tsx bench/…`), it is the compiled `dist/…/<name>.js` when `dist/` is newer
 * than every source file (`npm test` builds first): a thread started through
 * tsx compiles its whole module graph again and costs twice the CPU. Else the
 * `.ts` file through a tiny bootstrap that registers tsx's loader first, so a
 * thread never runs a stale `dist/`.
 */
export function startThread(from: string, name: string, options: WorkerOptions): Worker {
  if (from.endsWith('.js')) return new Worker(new URL(`./${name}.js`, from), options);
  const compiled = freshCompiledModule(path.join(path.dirname(fileURLToPath(from)), `${name}.ts`));
  if (compiled) return new Worker(pathToFileURL(compiled), options);
  const target = new URL(`./${name}.ts`, from).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxEsmApi(from))}); register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}

/** The ESM entry of tsx's API (its "import" export; its CJS build cannot register ESM hooks), found from its package folder. */
function tsxEsmApi(from: string): string {
  const tsxFolder = path.dirname(createRequire(from).resolve('tsx/package.json'));
  return pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
}

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let newestSource: number | undefined;

/** `dist/<same path>.js` for a file of `src/`, when it exists and no source file is newer. */
function freshCompiledModule(sourceFile: string): string | undefined {
  const relative = path.relative(sourceRoot, sourceFile);
  if (relative.startsWith('..')) return undefined;
  const compiled = path.join(sourceRoot, '..', 'dist', relative.replace(/\.ts$/, '.js'));
  let compiledTime: number;
  try {
    compiledTime = statSync(compiled).mtimeMs;
  } catch {
    return undefined;
  }
  newestSource ??= newestModification(sourceRoot);
  return compiledTime >= newestSource ? compiled : undefined;
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestModification(entryPath));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(entryPath).mtimeMs);
  }
  return newest;
}
