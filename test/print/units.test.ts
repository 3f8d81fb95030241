import { describe, expect, it } from 'vitest';
import { MM, parseLength } from '../../src/print/units.js';

describe('print lengths', () => {
  it.each([
    ['3mm', 3 * MM],
    ['3 mm', 3 * MM],
    ['3', 3 * MM],
    ['0,5cm', 5 * MM],
    ['8.5pt', 8.5],
    ['0.125in', 9],
  ])('reads "%s" as %f pt', (text, points) => {
    expect(parseLength(text)).toBeCloseTo(points, 6);
  });

  it.each(['', 'mm', '-3mm', '3 millimetres', '3px', 'trois'])('refuses "%s"', (text) => {
    expect(parseLength(text)).toBeUndefined();
  });
});
