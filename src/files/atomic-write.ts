import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file under a temporary name in the same folder, then renames it:
 * a reader never sees a half-written PDF, and a crash leaves no file that
 * looks complete.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: { mode?: number; dirMode?: number } = {},
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true, mode: options.dirMode ?? 0o755 });
  // Unique per call: worker threads share the pid, and two builds may write the same cache entry at once.
  const temporary = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(temporary, data, { mode: options.mode ?? 0o644 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
