// Bundles the CLI and its worker threads into dist/bundle/ (run by `npm run build`, after tsc).
// Why: Node reads, resolves and compiles each ES module file on its own, and the Markdown
// stack (unified, micromark, mdast, zod, yaml) is several hundred small files: about 0.4 to
// 0.8 CPU-s of every command. Bundled, a command loads a few files; lazy imports stay lazy
// (code splitting). Kept outside the bundle: native and WebAssembly engines, packages that
// read their own files at run time (yargs' locales, icon sets, fonts, the spelling dictionary, pdfmake's internals that
// src/render/pdfmake-fixes.ts patches), so they load exactly as from dist/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const external = [
  'sharp', 'pdfmake', 'pdfmake/*', 'pdfkit', 'pdfkit/*', 'fontkit', 'pdfjs-dist', 'pdfjs-dist/*',
  'pdf-lib', 'pdf-lib/*', '@pdf-lib/*', 'pdf-parse', 'chokidar', 'mammoth', 'jszip', 'cli-progress',
  '@iconify-json/*', '@iconify/*', '@fontsource/*', 'proper-lockfile', 'iconv-lite', 'chardet',
  'yargs', 'yargs/*', 'y18n', 'tsx', 'tsx/*', 'nspell', 'dictionary-fr',
];

// Chunk names are content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    // Thread entry points, started by src/threads/start-thread.ts as ./<name>.js beside the caller.
    'build-worker': 'src/departments/build-worker.ts',
    'stamp-worker': 'src/letters/stamp-worker.ts',
    'layout-worker': 'src/letters/layout-worker.ts',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS code may call require(); ES output has none of its own.
  banner: { js: "import { createRequire as livretCreateRequire } from 'node:module'; const require = livretCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
