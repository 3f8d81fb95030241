import { describe, expect, it } from 'vitest';
import { buildAddress, greetingName, isFrenchPostalCode } from '../../src/letters/postal-address.js';
import type { Column, ParsedRow } from '../../src/letters/recipients.js';
import { neutraliseCell, rejectedLine } from '../../src/letters/rejected-csv.js';
import { DuplicateGuard, validateRow } from '../../src/letters/validate-row.js';
import { makeNir } from './recipients-generator.js';

const FOUR_DIGITS = /^\d{4}$/;

function row(overrides: Partial<Record<Column, string>> = {}, line = 2): ParsedRow {
  const fields: Record<Column, string> = {
    id: 'A1',
    civility: 'Mme',
    last_name: 'Lefèvre',
    first_name: 'Élodie',
    address_1: '3 rue des Lilas',
    address_2: '',
    address_3: '',
    address_4: '',
    postal_code: '61000',
    city: 'Alençon',
    nir: makeNir('2', '69', '05', '61', '001', '157'),
    code: '0427',
    ...overrides,
  };
  return { kind: 'parsed', line, index: line - 2, fields };
}

describe('validateRow', () => {
  it('accepts a good row and builds the window address', () => {
    const outcome = validateRow(row(), FOUR_DIGITS, new DuplicateGuard());
    expect(outcome).toMatchObject({ ok: true, letter: { id: 'A1', code: '0427', addressLines: ['Mme Élodie Lefèvre', '3 rue des Lilas', '61000 ALENCON'] } });
  });

  it.each([
    ['nir_key', { nir: `${makeNir('2', '69', '05', '61', '001', '157').slice(0, 13)}00` }],
    ['nir_format', { nir: '12345' }],
    ['code_format', { code: '427' }],
    ['code_format', { code: '04271' }],
    ['code_format', { code: 'O427' }],
    ['postal_code', { postal_code: '6100' }],
    ['postal_code', { postal_code: '00100' }],
    ['address_line_too_long', { address_1: '1234 avenue du Maréchal de Lattre de Tassigny' }],
    ['undrawable_character', { last_name: 'Lefèvre ✓' }],
    ['undrawable_character', { first_name: 'Li 李' }],
    ['missing_field', { city: '  ' }],
  ] as const)('rejects %s: %j', (reason, overrides) => {
    const outcome = validateRow(row(overrides), FOUR_DIGITS, new DuplicateGuard());
    expect(outcome).toMatchObject({ ok: false, rejection: { reason, line: 2, id: 'A1' } });
  });

  it('accepts the code format the template declares', () => {
    expect(validateRow(row({ code: '12345678' }), /^\d{8}$/, new DuplicateGuard()).ok).toBe(true);
    expect(validateRow(row({ code: '0427' }), /^\d{8}$/, new DuplicateGuard()).ok).toBe(false);
  });

  it('rejects a row with cells missing', () => {
    expect(validateRow({ kind: 'unparsed', line: 2, index: 0, problem: 'column_count', cellCount: 11, headerLength: 12 }, FOUR_DIGITS, new DuplicateGuard())).toMatchObject({
      ok: false,
      rejection: { reason: 'column_count', line: 2, id: '', message: '11 cellules au lieu de 12' },
    });
  });

  it('rejects a repeated id or NIR, and prints the first one', () => {
    const guard = new DuplicateGuard();
    expect(validateRow(row(), FOUR_DIGITS, guard).ok).toBe(true);
    expect(validateRow(row({ nir: makeNir('1', '70', '01', '61', '001', '001') }, 3), FOUR_DIGITS, guard)).toMatchObject({ ok: false, rejection: { reason: 'duplicate_id', line: 3 } });
    expect(validateRow(row({ id: 'A2' }, 4), FOUR_DIGITS, guard)).toMatchObject({ ok: false, rejection: { reason: 'duplicate_nir', line: 4 } });
    expect(validateRow(row({ id: 'A3', nir: makeNir('1', '70', '01', '61', '001', '002') }, 5), FOUR_DIGITS, guard).ok).toBe(true);
  });

  it('names a row by its line only when its id holds its code', () => {
    const outcome = validateRow(row({ id: 'dossier 0427', postal_code: '6100' }), FOUR_DIGITS, new DuplicateGuard());
    expect(outcome).toMatchObject({ ok: false, rejection: { reason: 'postal_code', line: 2, id: '' } });
    // Inside a longer token the code is not readable: the id stays.
    expect(validateRow(row({ id: 'R04271', postal_code: '6100' }), FOUR_DIGITS, new DuplicateGuard())).toMatchObject({ ok: false, rejection: { id: 'R04271' } });
  });

  it('rejects a row not valid in the file encoding by its line only', () => {
    const outcome = validateRow({ kind: 'unparsed', line: 9, index: 7, problem: 'encoding', cellCount: 12, headerLength: 12 }, FOUR_DIGITS, new DuplicateGuard());
    expect(outcome).toMatchObject({ ok: false, rejection: { reason: 'encoding', line: 9, id: '' } });
  });

  it('never puts the code in a rejection', () => {
    const outcome = validateRow(row({ code: '98765' }), FOUR_DIGITS, new DuplicateGuard());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(rejectedLine(outcome.rejection)).not.toContain('98765');
  });
});

describe('postal address', () => {
  it('writes the last line as postal code and town in capitals without accents', () => {
    expect(buildAddress({ civility: '', firstName: 'Zoé', lastName: 'Hervé', streetLines: ['12, rue de l\'Église', '', 'BP 12'], postalCode: '61300', city: "L'Aigle" })).toEqual({
      ok: true,
      lines: ['Zoé Hervé', "12, rue de l'Église", 'BP 12', "61300 L'AIGLE"],
    });
  });

  it('drops punctuation from line 4 down', () => {
    const address = buildAddress({ civility: 'M.', firstName: 'Noël', lastName: 'Martin', streetLines: ['Chez Mme Bénard', 'Bâtiment B', '4, place Bonet'], postalCode: '61000', city: 'Alençon' });
    expect(address).toMatchObject({ ok: true, lines: ['M. Noël Martin', 'Chez Mme Bénard', 'Bâtiment B', '4 place Bonet', '61000 ALENCON'] });
  });

  it('knows French postal codes, Corsica and overseas included', () => {
    for (const code of ['01000', '20000', '61000', '75015', '97400', '98000']) expect(isFrenchPostalCode(code)).toBe(true);
    for (const code of ['00100', '96000', '99000', '6100', '610000', 'A1000']) expect(isFrenchPostalCode(code)).toBe(false);
  });

  it('greets by civility and last name when the civility is known', () => {
    expect(greetingName({ civility: 'Mme', firstName: 'Zoé', lastName: 'Hervé' })).toBe('Madame Hervé');
    expect(greetingName({ civility: 'M.', firstName: 'Noël', lastName: 'Martin' })).toBe('Monsieur Martin');
    expect(greetingName({ civility: '', firstName: 'Noël', lastName: 'Martin' })).toBe('Noël Martin');
  });
});

describe('rejected.csv cells', () => {
  it('neutralises formula-like cells and leaves others alone', () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseCell('+33')).toBe("'+33");
    expect(neutraliseCell('-1')).toBe("'-1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('R0001')).toBe('R0001');
    const rejection = validateRow(row({ id: '=1+1', code: '' }, 7), FOUR_DIGITS, new DuplicateGuard());
    expect(rejection.ok).toBe(false);
    if (!rejection.ok) expect(rejectedLine(rejection.rejection)).toBe("7,'=1+1,missing_field,champ vide : code\n");
  });
});
