import { readFile, stat } from 'node:fs/promises';
import { frenchBytes, INPUT_LIMITS } from '../content/input-limits.js';
import { LivretError, type SourceLocation } from '../errors.js';

/**
 * A picture's bytes, its size checked with stat before it is read: a huge
 * file (or a sparse one that claims 1 GB) is refused without being loaded.
 */
export async function readPictureFile(file: string, shown: string, where: SourceLocation, unreadable: () => LivretError): Promise<Buffer> {
  const stats = await stat(file).catch(() => {
    throw unreadable();
  });
  if (!stats.isFile()) throw unreadable();
  if (stats.size > INPUT_LIMITS.pictureBytes) {
    throw new LivretError(
      `${shown}: le fichier fait ${frenchBytes(stats.size)}, plus que la limite de ${frenchBytes(INPUT_LIMITS.pictureBytes)} pour une image ; enregistrez-la plus petite (une capture d'écran fait moins de 3 000 pixels de large)`,
      where,
    );
  }
  return readFile(file).catch(() => {
    throw unreadable();
  });
}
