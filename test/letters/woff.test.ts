import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../src/fonts/woff.js';
import { fontFile } from '../../src/fonts/fonts.js';

describe('woffToSfnt', () => {
  it('gives the same font as the WOFF, as plain OpenType', () => {
    const woff = new Uint8Array(readFileSync(fontFile(700)));
    const sfnt = woffToSfnt(woff);
    expect(Buffer.from(sfnt.subarray(0, 4)).toString('latin1')).not.toBe('wOFF');
    const fromWoff = fontkit.create(Buffer.from(woff));
    const fromSfnt = fontkit.create(Buffer.from(sfnt));
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
    for (const character of 'Aé0€œ') {
      expect(fromSfnt.glyphForCodePoint(character.codePointAt(0)!).id).toBe(fromWoff.glyphForCodePoint(character.codePointAt(0)!).id);
      expect(fromSfnt.glyphForCodePoint(character.codePointAt(0)!).advanceWidth).toBe(fromWoff.glyphForCodePoint(character.codePointAt(0)!).advanceWidth);
    }
  });

  it('leaves a font that is not WOFF as it is', () => {
    const bytes = new Uint8Array([0, 1, 0, 0, 9, 9]);
    expect(woffToSfnt(bytes)).toBe(bytes);
  });
});
