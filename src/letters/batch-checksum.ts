import path from 'node:path';

/**
 * Beside each finished batch: its SHA-256 as `sha256sum` writes it, written
 * before the batch gets its final name and checked by `--resume`. Kept apart
 * from stamp-worker.ts so the main thread never loads pdf-lib.
 */
export function checksumFile(target: string): string {
  return `${target}.sha256`;
}

export function checksumLine(hash: string, target: string): string {
  return `${hash}  ${path.basename(target)}\n`;
}
