import { describe, expect, it } from 'vitest';
import { checkNir, formatNir, nirKey } from '../../src/letters/nir.js';
import { makeNir } from './recipients-generator.js';

describe('NIR', () => {
  it('accepts a NIR whose key is 97 − (13 digits mod 97)', () => {
    expect(nirKey('2690549588157')).toBe(80);
    expect(checkNir('269054958815780')).toEqual({ ok: true, nir: '269054958815780' });
  });

  it('rejects the same NIR with a wrong key', () => {
    expect(checkNir('269054958815781')).toMatchObject({ ok: false, problem: 'nir_key' });
  });

  it('accepts spaces as printed on the card', () => {
    expect(checkNir('2 69 05 49 588 157 80')).toMatchObject({ ok: true });
  });

  it('reads Corsica 2A as 19 and 2B as 18 for the key', () => {
    const corseDuSud = makeNir('1', '85', '03', '2A', '004', '123');
    const hauteCorse = makeNir('2', '85', '03', '2B', '033', '123');
    expect(corseDuSud.slice(13)).toBe(String(97 - Number(1850319004123n % 97n)).padStart(2, '0'));
    expect(checkNir(corseDuSud)).toMatchObject({ ok: true });
    expect(checkNir(hauteCorse)).toMatchObject({ ok: true });
    // The key of 2A is not valid for 2B.
    expect(checkNir(`${hauteCorse.slice(0, 5)}2A${hauteCorse.slice(7)}`)).toMatchObject({ ok: false, problem: 'nir_key' });
  });

  it('accepts temporary numbers starting with 7 or 8 (and 3), refuses other first digits', () => {
    expect(checkNir(makeNir('7', '90', '01', '99', '350', '001'))).toMatchObject({ ok: true });
    expect(checkNir(makeNir('8', '90', '01', '99', '350', '001'))).toMatchObject({ ok: true });
    expect(checkNir(makeNir('3', '90', '01', '75', '056', '001'))).toMatchObject({ ok: true });
    expect(checkNir(makeNir('5', '90', '01', '75', '056', '001'))).toMatchObject({ ok: false, problem: 'nir_sex' });
    expect(checkNir(makeNir('0', '90', '01', '75', '056', '001'))).toMatchObject({ ok: false, problem: 'nir_sex' });
  });

  it('accepts months 01-12, 20-42 and 50-99; refuses 00, 13-19 and 43-49', () => {
    for (const month of ['01', '12', '20', '42', '50', '99']) expect(checkNir(makeNir('1', '80', month, '61', '001', '001')).ok).toBe(true);
    for (const month of ['00', '13', '19', '43', '49']) expect(checkNir(makeNir('1', '80', month, '61', '001', '001'))).toMatchObject({ ok: false, problem: 'nir_month' });
  });

  it('refuses a NIR of the wrong length or with letters outside 2A/2B', () => {
    expect(checkNir('26905495881578')).toMatchObject({ ok: false, problem: 'nir_format' });
    expect(checkNir('2690549588157800')).toMatchObject({ ok: false, problem: 'nir_format' });
    expect(checkNir('2690549A8815780')).toMatchObject({ ok: false, problem: 'nir_format' });
  });

  it('groups the number as on the carte Vitale', () => {
    expect(formatNir('269054958815780')).toBe('2 69 05 49 588 157 80');
  });
});
