import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LeafDirective } from 'mdast-util-directive';
import { attribute, requiredAttribute } from '../content/directives.js';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { resolveInsideProject } from '../paths.js';
import type { Screenshot, ScreenshotRegion, SourcePosition } from './booklet.js';

/** `x,y,w,h` rectangles in pixels of the source image, several separated by `;`. */
export function parseRegions(value: string | undefined, name: string, where: SourcePosition): ScreenshotRegion[] {
  if (value === undefined) return [];
  return value.split(';').map((part) => {
    const numbers = part.split(',').map((item) => Number(item.trim()));
    const [x, y, width, height] = numbers;
    if (numbers.length !== 4 || numbers.some((item) => !Number.isFinite(item) || item < 0) || !width || !height) {
      throw new LivretError(`${name}="${value}": write rectangles as "x,y,w,h" in pixels (several separated by ";"), for example ${name}="120,340,200,48"`, where);
    }
    return { x: x!, y: y!, width, height };
  });
}

/** Resolves an image path inside the project and checks it exists. */
export function resolveImage(projectRoot: string, folder: string, src: string, where: SourcePosition): string {
  // "assets/…" is project-relative; anything else is relative to the folder of its kind.
  const relative = src.startsWith('assets/') ? src : path.join(folder, src);
  const resolved = resolveInsideProject(projectRoot, relative, where, src);
  if (!existsSync(resolved)) {
    throw new LivretError(t('error.chapter.imageNotFound', { file: path.relative(projectRoot, resolved), folder }), where);
  }
  return resolved;
}

export function readScreenshot(node: LeafDirective, projectRoot: string, where: SourcePosition): Screenshot {
  const src = requiredAttribute(node, 'src', 'src=connexion.png', where);
  const alt = requiredAttribute(node, 'alt', 'alt="La page de connexion du site ameli"', where);
  const crop = parseRegions(attribute(node, 'crop'), 'crop', where);
  if (crop.length > 1) throw new LivretError(t('error.chapter.cropOne', { count: crop.length }), where);
  const maskStyle = attribute(node, 'mask-style');
  if (maskStyle !== undefined && maskStyle !== 'fill' && maskStyle !== 'blur') {
    throw new LivretError(t('error.chapter.maskStyle', { value: maskStyle }), where);
  }
  return {
    path: resolveImage(projectRoot, path.join('assets', 'screenshots'), src, where),
    alt,
    highlights: parseRegions(attribute(node, 'highlight'), 'highlight', where),
    masks: parseRegions(attribute(node, 'mask'), 'mask', where),
    ...(maskStyle ? { maskStyle } : {}),
    crop: crop[0],
    source: where,
  };
}
