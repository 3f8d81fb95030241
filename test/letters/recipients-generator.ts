import { nirKey } from '../../src/letters/nir.js';
import type { ReasonCode } from '../../src/letters/validate-row.js';

/**
 * Generated recipients for tests and the benchmark: valid rows with real NIR
 * keys, and on request bad rows of every kind, each with the reason it must
 * be rejected for. Deterministic (seeded), so runs can be compared byte for byte.
 */

export const HEADER = ['id', 'civility', 'last_name', 'first_name', 'address_1', 'address_2', 'address_3', 'address_4', 'postal_code', 'city', 'nir', 'code'];

const LAST_NAMES = ['Dupont', 'Lefèvre', 'Nguyen', 'Hervé', 'Bénard', 'Müller', 'Da Silva', "N'Diaye", 'Œuvray', 'Martin'];
const FIRST_NAMES = ['Claire', 'Élodie', 'François', 'Zoé', 'Jérôme', 'Inès', 'Noël', 'Anaïs', 'Loïc', 'Maëlle'];
const CITIES = [['61000', 'Alençon'], ['61100', 'Flers'], ['61200', 'Argentan'], ['61300', "L'Aigle"], ['20000', 'Ajaccio']] as const;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function makeNir(sex: string, year: string, month: string, department: string, commune: string, order: string): string {
  const first13 = `${sex}${year}${month}${department}${commune}${order}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}

export interface GeneratedRow {
  cells: string[];
  /** Why this row must be rejected, or undefined for a good row. */
  expected: ReasonCode | undefined;
}

export function goodRow(index: number, next: () => number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const [postalCode, city] = pick(CITIES);
  const order = String(index % 1000).padStart(3, '0');
  const commune = String(Math.floor(index / 1000) % 1000).padStart(3, '0');
  const department = postalCode.startsWith('20') ? '2A' : '61';
  const nir = makeNir(next() < 0.5 ? '1' : '2', String(40 + (index % 60)).padStart(2, '0'), String(1 + (index % 12)).padStart(2, '0'), department, commune, order);
  const code = String(Math.floor(next() * 10000)).padStart(4, '0');
  return [`R${String(index).padStart(7, '0')}`, next() < 0.5 ? 'Madame' : 'Monsieur', pick(LAST_NAMES), pick(FIRST_NAMES), `${1 + (index % 120)} rue des Lilas`, next() < 0.3 ? 'Bâtiment B' : '', '', '', postalCode, city, nir, code];
}

/** Bad rows, one kind after another; `spoil(cells, earlier)` turns a good row into a bad one. */
const SPOILERS: Array<[ReasonCode, (cells: string[], earlier: string[][]) => string[]]> = [
  ['nir_key', (c) => set(c, 10, c[10]!.slice(0, 13) + String((Number(c[10]!.slice(13)) % 97) + 1).padStart(2, '0'))],
  ['nir_format', (c) => set(c, 10, c[10]!.slice(0, 12))],
  ['nir_sex', (c) => set(c, 10, makeNir('5', '80', '01', '61', '001', '001'))],
  ['nir_month', (c) => set(c, 10, makeNir('1', '80', '13', '61', '001', '001'))],
  ['code_format', (c) => set(c, 11, '12a4')],
  ['postal_code', (c) => set(c, 8, '6100')],
  ['address_line_too_long', (c) => set(c, 4, '1234 avenue du Maréchal de Lattre de Tassigny prolongée')],
  ['undrawable_character', (c) => set(c, 2, 'Dupont 🙂')],
  ['missing_field', (c) => set(c, 11, '')],
  ['duplicate_id', (c, earlier) => set(c, 0, earlier[0]![0]!)],
  ['duplicate_nir', (c, earlier) => set(c, 10, earlier[1]![10]!)],
  ['column_count', (c) => c.slice(0, 11)],
];

function set(cells: string[], at: number, value: string): string[] {
  const copy = [...cells];
  copy[at] = value;
  return copy;
}

/** `count` rows of which `bad` are bad, spread through the file, kinds in turn. */
export function generateRows(count: number, bad = 0, seed = 42): GeneratedRow[] {
  const next = random(seed);
  const rows: GeneratedRow[] = [];
  const good: string[][] = [];
  const step = bad > 0 ? Math.floor(count / bad) : Infinity;
  let spoiled = 0;
  for (let index = 0; index < count; index++) {
    const cells = goodRow(index, next);
    if (bad > 0 && spoiled < bad && index % step === step - 1 && good.length >= 2) {
      const [reason, spoil] = SPOILERS[spoiled % SPOILERS.length]!;
      rows.push({ cells: spoil(cells, good), expected: reason });
      spoiled++;
    } else {
      rows.push({ cells, expected: undefined });
      good.push(cells);
    }
  }
  return rows;
}

export function toCsv(rows: GeneratedRow[], delimiter = ','): string {
  const cell = (value: string) => (value.includes(delimiter) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value);
  return [HEADER, ...rows.map((row) => row.cells)].map((cells) => cells.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
