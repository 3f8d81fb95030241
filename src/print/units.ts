import { MM } from '../geometry/units.js';

/** Points per millimetre (1 pt = 1/72 inch), from the page geometry. */
export { MM };

const UNITS: Readonly<Record<string, number>> = { mm: MM, cm: 10 * MM, pt: 1, in: 72 };

/**
 * Reads a print length such as "3mm", "3 mm", "0.125in" or "8.5pt" and gives
 * it in points; undefined when the text is not a length (the caller says
 * where it came from). A bare number is millimetres, as print shops say it.
 */
export function parseLength(text: string): number | undefined {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|pt|in)?\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number((match[1] ?? '').replace(',', '.'));
  const unit = UNITS[(match[2] ?? 'mm').toLowerCase()];
  return unit === undefined ? undefined : value * unit;
}
