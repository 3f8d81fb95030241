import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/content/read-text-file.js';
import { firstInvalidUtf8 } from '../../src/files/utf8.js';

describe('UTF-8 check', () => {
  it.each([
    ['Windows-1252 é', [0x61, 0x0a, 0x62, 0xe9, 0x63], 3],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a cut sequence at the end', [0x61, 0xe2, 0x82], 1],
  ])('finds the first bad byte: %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it('agrees with the platform decoder on any bytes (property)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 10 }), (noise, text) => {
        const bytes = Buffer.concat([Buffer.from(text, 'utf8'), noise]);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(valid);
        if (!valid) expect(() => fatal.decode(bytes.subarray(0, offset))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the line and column of the first bad byte, and drops a BOM', () => {
    expect(() => decodeUtf8(Buffer.from('ligne 1\nligne 2\nd\xe9but', 'latin1'), 'x.md')).toThrow(
      expect.objectContaining({ location: { file: 'x.md', line: 3, column: 2 }, exitCode: 2 }),
    );
    expect(decodeUtf8(Buffer.from('\uFEFFBonjour é', 'utf8'), 'x.md')).toBe('Bonjour é');
  });
});
