import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of this folder. From compiled JS (the
 * CLI, `dist/`), that is `<name>.js` next to this file. From TypeScript
 * sources (vitest, `tsx bench/…`), it is `<name>.ts` started through a tiny
 * bootstrap that registers tsx's loader first, so tests never run a stale
 * `dist/`.
 */
export function startThread(name: string, options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  // The ESM entry of tsx's API (its "import" export), found from its package folder.
  const tsxFolder = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const target = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}
