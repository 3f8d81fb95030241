import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  const temporary = `${target}.${process.pid}.partial`;
  try {
    await writeFile(temporary, data, { mode: options.mode ?? 0o644 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
