import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { ReasonCode } from '../../src/letters/validate-row.js';
import { makeNir } from './recipients-generator.js';

/**
 * fast-check arbitrary of whole recipients files as real tools write them:
 * random column order, optional and extra columns, `;` or `,`, cells quoted
 * or not, delimiters, quotes and line breaks inside quoted cells, CRLF / LF /
 * CR mixed from record to record, blank lines, BOM, UTF-8 or Windows-1252,
 * and bad rows of several kinds. Each record comes with what must happen to
 * it (its start line, accepted, or rejected and why), so a test can check
 * every row's fate, not only the totals.
 */

const REQUIRED = ['id', 'last_name', 'first_name', 'address_1', 'postal_code', 'city', 'nir', 'code'] as const;
const OPTIONAL = ['civility', 'address_2', 'address_3', 'address_4'] as const;
const EXTRA = ['commentaire', 'email', 'Date de demande'] as const;
type Name = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number] | (typeof EXTRA)[number];

/** Every name has at least one accented letter, all in Windows-1252. */
/** Short enough that "Madame François Mk24q <name>" fits the 38 characters of an address line. */
const LAST_NAMES = ['Lefèvre', 'Hervé', 'Bénard', 'Müller', 'Œuvray', 'Le "Bé"', 'Sá; Gonçalves', 'Noël, Martin', 'Çelik'];
const FIRST_NAMES = ['Élodie', 'François', 'Zoé', 'Jérôme', 'Inès', 'Anaïs', 'Loïc', 'Maëlle'];
const STREETS = ['3 rue de l\'Église', 'Résidence Les Pins; bât. C', '12, place Bonet', '4 allée des Érables'];
const CITIES = [['61000', 'Alençon'], ['61100', 'Flers'], ['61300', "L'Aigle"], ['20000', 'Ajaccio']] as const;
const BREAKS = ['\r\n', '\n', '\r'] as const;

export type RowKind = 'good' | 'extra_cell' | 'missing_cell' | 'encoding' | 'nir_key' | 'postal_code' | 'code_format' | 'missing_field';

export interface ExpectedRow {
  line: number;
  kind: RowKind;
  /** undefined for a row that must become a letter. */
  reason: ReasonCode | undefined;
  /** The id a report may show: "" for a row that does not parse. */
  id: string;
  code: string;
  lastName: string;
  firstName: string;
  /** Text that appears only in this row's cells (must never be reported for a row that does not parse). */
  marker: string;
}

export interface GeneratedFile {
  bytes: Buffer;
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  delimiter: ';' | ',';
  header: string[];
  rows: ExpectedRow[];
}

interface RowPlan {
  kind: RowKind;
  lastName: number;
  firstName: number;
  street: number;
  city: number;
  civility: boolean;
  ending: number;
  blankLineAfter: boolean;
  breakInComment: number;
  quoteAll: boolean;
}

const rowPlan: fc.Arbitrary<RowPlan> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<RowKind>('good') },
    { weight: 1, arbitrary: fc.constantFrom<RowKind>('extra_cell', 'missing_cell', 'encoding', 'nir_key', 'postal_code', 'code_format', 'missing_field') },
  ),
  lastName: fc.nat(LAST_NAMES.length - 1),
  firstName: fc.nat(FIRST_NAMES.length - 1),
  street: fc.nat(STREETS.length - 1),
  city: fc.nat(CITIES.length - 1),
  civility: fc.boolean(),
  ending: fc.nat(2),
  blankLineAfter: fc.nat(9).map((draw) => draw === 0),
  breakInComment: fc.nat(3),
  quoteAll: fc.boolean(),
});

export const recipientsFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    delimiter: fc.constantFrom<';' | ','>(';', ','),
    encoding: fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'),
    bom: fc.boolean(),
    optional: fc.subarray([...OPTIONAL]),
    extra: fc.subarray([...EXTRA], { minLength: 1 }),
    order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    rows: fc.array(rowPlan, { maxLength: 25 }),
    headerEnding: fc.nat(2),
    finalEnding: fc.boolean(),
    seed: fc.nat(8999),
  })
  .map((plan) => build(plan));

function build(plan: {
  delimiter: ';' | ',';
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  optional: string[];
  extra: string[];
  order: number[];
  rows: RowPlan[];
  headerEnding: number;
  finalEnding: boolean;
  seed: number;
}): GeneratedFile {
  const { delimiter } = plan;
  const bom = plan.encoding === 'utf-8' && plan.bom;
  // Random column order: sort by random keys.
  const columns = [...REQUIRED, ...plan.optional, ...plan.extra] as Name[];
  const header = columns.map((name, at) => ({ name, key: plan.order[at]! })).sort((a, b) => a.key - b.key || a.name.localeCompare(b.name)).map((entry) => entry.name);
  // A row of bad bytes stays a minority, so the file is still read in its encoding (each good row has ≥ 2 bytes of valid UTF-8).
  const goodCount = plan.rows.filter((row) => row.kind !== 'encoding').length;
  const rows = plan.rows.map((row) => (row.kind === 'encoding' && goodCount === 0 ? { ...row, kind: 'good' as RowKind } : row));

  const encode = (text: string) => (plan.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1252'));
  const cell = (value: string, quoteAll: boolean) => {
    const needs = value.includes(delimiter) || value.includes('"') || /[\r\n]/.test(value) || value.trim() !== value;
    return needs || quoteAll ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const parts: Buffer[] = [];
  if (bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  parts.push(encode(header.map((name) => cell(name, false)).join(delimiter) + BREAKS[plan.headerEnding]!));
  let previousEnding: string = BREAKS[plan.headerEnding]!;
  let line = 2;
  const expected: ExpectedRow[] = [];

  rows.forEach((row, index) => {
    const [postalCode, city] = CITIES[row.city]!;
    const marker = `Mk${index}q`;
    const code = String(1000 + ((plan.seed + index * 7919) % 9000));
    const values: Record<Name, string> = {
      id: `R${String(index).padStart(4, '0')}`,
      last_name: LAST_NAMES[row.lastName]!,
      first_name: `${FIRST_NAMES[row.firstName]!} ${marker}`,
      address_1: STREETS[row.street]!,
      postal_code: postalCode,
      city,
      nir: makeNir(index % 2 === 0 ? '1' : '2', '80', String(1 + (index % 12)).padStart(2, '0'), '61', '001', String(index + 1).padStart(3, '0')),
      code,
      civility: row.civility ? 'Madame' : '',
      address_2: '',
      address_3: '',
      address_4: '',
      commentaire: ['sans saut', 'appelé le 3/11\r\nrappeler', 'deux\nlignes', 'Mac\rancien'][row.breakInComment]!,
      email: 'x@example.org',
      'Date de demande': '2026-11-02',
    };
    let reason: ReasonCode | undefined;
    let unparsed = false;
    switch (row.kind) {
      case 'nir_key':
        values.nir = values.nir.slice(0, 13) + String((Number(values.nir.slice(13)) % 97) + 1).padStart(2, '0');
        reason = 'nir_key';
        break;
      case 'postal_code':
        values.postal_code = '6100';
        reason = 'postal_code';
        break;
      case 'code_format':
        values.code = `${code.slice(0, 2)}a${code.slice(3)}`;
        reason = 'code_format';
        break;
      case 'missing_field':
        values.city = '';
        reason = 'missing_field';
        break;
      case 'extra_cell':
      case 'missing_cell':
        reason = 'column_count';
        unparsed = true;
        break;
      case 'encoding':
        reason = 'encoding';
        unparsed = true;
        break;
      case 'good':
        break;
    }
    let cells = header.map((name) => cell(values[name as Name], row.quoteAll));
    if (row.kind === 'extra_cell') cells.splice(1, 0, `Mk${index}x`);
    if (row.kind === 'missing_cell') cells = cells.slice(0, -1);
    let bytes = encode(cells.join(delimiter));
    if (row.kind === 'encoding') {
      // UTF-8 file: one Windows-1252 "é" (0xE9 alone); Windows-1252 file: a byte it leaves undefined.
      const bad = Buffer.from(plan.encoding === 'utf-8' ? [0xe9] : [0x81]);
      const at = bytes.indexOf(Buffer.from(marker, 'latin1'));
      bytes = Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]);
    }
    // Line breaks inside quoted cells, as written (a dropped cell's do not count).
    const breaksInside = cells.join(delimiter).match(/\r\n|\r|\n/g)?.length ?? 0;
    const last = index === rows.length - 1;
    const ending = last && !plan.finalEnding ? '' : BREAKS[row.ending]!;
    parts.push(bytes, Buffer.from(ending));
    expected.push({ line, kind: row.kind, reason, id: unparsed ? '' : values.id, code: values.code, lastName: values.last_name, firstName: values.first_name, marker });
    line += breaksInside + 1;
    previousEnding = ending;
    if (row.blankLineAfter && !last) {
      // After a bare CR, a blank line in LF would make one CRLF: the spreadsheet would see no blank line either.
      const blank = previousEnding === '\r' ? '\r' : '\n';
      parts.push(Buffer.from(blank));
      line++;
      previousEnding = blank;
    }
  });
  return { bytes: Buffer.concat(parts), encoding: plan.encoding, bom, delimiter, header, rows: expected };
}
