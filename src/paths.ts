import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LivretError, type SourceLocation } from './errors.js';

/**
 * Folder of the livret package itself (where `data/` and `templates/` ship):
 * the nearest parent holding a package.json, the same from `src/`, `dist/`
 * and the bundled CLI (`dist/bundle/`).
 */
export const PACKAGE_ROOT = packageFolder(path.dirname(fileURLToPath(import.meta.url)));

function packageFolder(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

/** The project folder: the nearest parent of `start` holding a `content/` folder, else `start`. */
export function findProjectRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'content'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/**
 * Resolves a path written in a source file, refusing any path that leaves the
 * project folder (`../`, absolute paths elsewhere): images and files are read
 * only from inside the project (DESIGN.md).
 */
export function resolveInsideProject(projectRoot: string, relative: string, where: SourceLocation, written: string = relative): string {
  const root = path.resolve(projectRoot);
  const resolved = path.resolve(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new LivretError(
      `the path "${written}" leaves the project folder; put the file inside ${root} and use a path relative to it`,
      where,
    );
  }
  return resolved;
}

/** Paths shown to users are relative to the project, so messages stay short. */
export function displayPath(projectRoot: string, file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') ? file : relative;
}

/** `content/departments/<code>.yaml` of a project (here, not beside the loader: `init-department` needs no YAML or schema). */
export function departmentFile(projectRoot: string, code: string): string {
  return path.join(projectRoot, 'content', 'departments', `${code}.yaml`);
}
