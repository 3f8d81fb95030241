import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { grayColor, grayscaleSvg, grayscaleSvgImages } from '../pictograms/grayscale.js';

/**
 * `--grayscale`: the whole document definition in gray, so the printed page
 * is what the reader gets from a black-and-white printer, and no meaning rests
 * on colour alone. Text, fills and lines take the gray of the same luminance
 * (contrast ratios unchanged); SVG pictograms are rewritten (with the PNG a
 * custom pictogram embeds); screenshots were prepared gray by the image stage.
 */
type Value = unknown;

const isColorKey = (key: string) => /color$/i.test(key);

function grayValue(key: string, value: Value, svgs: ReadonlyMap<string, string>): Value {
  if (typeof value === 'string') {
    if (key === 'svg') return svgs.get(value) ?? grayscaleSvg(value);
    return isColorKey(key) ? grayColor(value) : value;
  }
  if (typeof value === 'function') {
    // Colours chosen per line (table layouts) and content built per page (header, footer).
    const original = value as (...args: unknown[]) => unknown;
    if (isColorKey(key)) return (...args: unknown[]) => grayValue(key, original(...args), svgs);
    if (key === 'header' || key === 'footer' || key === 'background') return (...args: unknown[]) => grayNode(original(...args), svgs);
    return value;
  }
  if (key === 'images') return value;
  return grayNode(value, svgs);
}

function grayNode(node: Value, svgs: ReadonlyMap<string, string>): Value {
  if (Array.isArray(node)) return node.map((item) => grayNode(item, svgs));
  if (node === null || typeof node !== 'object' || node instanceof Date || Buffer.isBuffer(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, grayValue(key, value, svgs)]));
}

/** Every `svg` string of the definition (functions are not called: their SVG, if any, is rewritten without embedded pictures). */
function collectSvgs(node: Value, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectSvgs(item, found);
  else if (node && typeof node === 'object' && !(node instanceof Date) && !Buffer.isBuffer(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'svg' && typeof value === 'string') found.add(value);
      else if (key !== 'images') collectSvgs(value, found);
    }
  }
  return found;
}

export async function grayscaleDefinition(definition: TDocumentDefinitions): Promise<TDocumentDefinitions> {
  const svgs = new Map<string, string>();
  for (const svg of collectSvgs(definition, new Set())) svgs.set(svg, await grayscaleSvgImages(grayscaleSvg(svg)));
  return grayNode(definition, svgs) as TDocumentDefinitions;
}
