import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Cache files beside the installed packages (`node_modules/.cache/…`): read
 * when present, written whole under a temporary name then renamed, so that
 * two threads or processes never read half a file. A cache only: an
 * unwritable folder or an unreadable file means working without it.
 */
export function readCacheFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function writeCacheFile(target: string, contents: string): void {
  const temporary = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.partial`;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, target);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself could not be made: nothing was written.
    }
  }
}
