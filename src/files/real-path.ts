import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { LivretError, type SourceLocation } from '../errors.js';

/**
 * Files are read only from inside the project: `resolveInsideProject` refuses
 * `../` in the written path, and this refuses a symbolic link inside the
 * project that points outside it.
 */
export async function assertRealPathInside(projectRoot: string, file: string, where: SourceLocation, shown: string): Promise<void> {
  const [root, target] = await Promise.all([realpath(projectRoot), realpath(file).catch(() => file)]);
  const inside = path.relative(root, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new LivretError(`${shown} is a link to a file outside the project folder; copy the file into the project instead`, where);
  }
}
