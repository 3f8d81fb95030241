import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { grayColor, grayscaleSvg } from '../pictograms/grayscale.js';

/**
 * `--grayscale`: the whole document definition in gray, so the printed page
 * is what the reader gets from a black-and-white printer, and no meaning rests
 * on colour alone. Text, fills and lines take the gray of the same luminance
 * (contrast ratios unchanged); SVG pictograms are rewritten; screenshots were
 * prepared gray by the image stage.
 */
type Value = unknown;

const isColorKey = (key: string) => /color$/i.test(key);

function grayValue(key: string, value: Value): Value {
  if (typeof value === 'string') {
    if (key === 'svg') return grayscaleSvg(value);
    return isColorKey(key) ? grayColor(value) : value;
  }
  if (typeof value === 'function') {
    // Colours chosen per line (table layouts) and content built per page (header, footer).
    const original = value as (...args: unknown[]) => unknown;
    if (isColorKey(key)) return (...args: unknown[]) => grayValue(key, original(...args));
    if (key === 'header' || key === 'footer' || key === 'background') return (...args: unknown[]) => grayNode(original(...args));
    return value;
  }
  if (key === 'images') return value;
  return grayNode(value);
}

function grayNode(node: Value): Value {
  if (Array.isArray(node)) return node.map((item) => grayNode(item));
  if (node === null || typeof node !== 'object' || node instanceof Date || Buffer.isBuffer(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, grayValue(key, value)]));
}

export function grayscaleDefinition(definition: TDocumentDefinitions): TDocumentDefinitions {
  return grayNode(definition) as TDocumentDefinitions;
}
