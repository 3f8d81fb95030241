import path from 'node:path';
import { LivretError, type SourceLocation } from '../errors.js';
import { t } from '../i18n/index.js';
import { INPUT_LIMITS } from '../content/input-limits.js';
import { readPictureFile } from '../files/read-picture.js';
import { assertRealPathInside } from '../files/real-path.js';
import { resolveInsideProject } from '../paths.js';
import { readSafeSvg, svgRefusal } from './svg-safety.js';

/**
 * The project's own pictograms: `icon: file:mon-image.svg` (or .png) in the
 * lexicon names a file beside it in assets/pictograms/. SVG files must be
 * self-contained (svg-safety.ts); PNG files are wrapped in an SVG so every
 * pictogram reaches the layout the same way.
 */
export const FILE_PREFIX = 'file:';

export function isFileIcon(reference: string): boolean {
  return reference.startsWith(FILE_PREFIX);
}

/** SVG markup for `file:name` read from `folder`; errors point at the lexicon entry. */
export async function loadFileIcon(folder: string, reference: string, where: SourceLocation): Promise<string> {
  const name = reference.slice(FILE_PREFIX.length);
  const file = resolveInsideProject(folder, name, where, name);
  const shown = path.join('assets', 'pictograms', path.relative(folder, file));
  await assertRealPathInside(folder, file, where, shown);
  const bytes = await readPictureFile(file, shown, where, () => new LivretError(t('error.pictogram.fileNotFound', { file: shown }), where));
  const extension = path.extname(file).toLowerCase();
  if (extension === '.svg' || extension === '.svgz') return checkedSvg(bytes, shown, where);
  if (extension === '.png') return pngAsSvg(bytes, shown, where);
  throw new LivretError(`${shown}: a pictogram file must be .svg or .png`, where);
}

function checkedSvg(bytes: Buffer, shown: string, where: SourceLocation): string {
  const { svg, root, problem } = readSafeSvg(bytes);
  if (problem) throw new LivretError(`${shown}: ${svgRefusal(problem)}`, where);
  // The pictogram renderer reads <svg> without a prefix.
  if (root.name !== 'svg') throw new LivretError(`${shown}: l'élément racine s'écrit <${root.name}> ; écrivez-le <svg xmlns="http://www.w3.org/2000/svg">, sans préfixe`, where);
  // The XML declaration and comments before <svg> are not needed to draw it.
  return svg.slice(root.start);
}

function pngAsSvg(png: Buffer, shown: string, where: SourceLocation): string {
  const signature = png.subarray(0, 8).toString('latin1') === '\x89PNG\r\n\x1a\n';
  if (!signature || png.length < 24) throw new LivretError(`${shown}: not a PNG file (or a damaged one); save it again as PNG`, where);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width * height > INPUT_LIMITS.pictogramPixels) throw new LivretError(`${shown}: the pictogram is too large (${width} × ${height} pixels); 512 × 512 is plenty`, where);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
}
