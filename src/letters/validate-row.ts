import { firstUndrawable } from '../fonts/fonts.js';
import type { RecipientValues } from './letter-model.js';
import { checkNir } from './nir.js';
import { buildAddress, greetingName } from './postal-address.js';
import { REQUIRED_COLUMNS, type Column, type RecipientRow } from './recipients.js';
import type { LetterToPrint } from './stamp.js';

/**
 * Validation of one recipient row. A bad row is rejected with a stable reason
 * code and a short French phrase (never the code itself), and the run goes on.
 */

export type ReasonCode =
  | 'column_count'
  | 'missing_field'
  | 'undrawable_character'
  | 'nir_format'
  | 'nir_sex'
  | 'nir_month'
  | 'nir_key'
  | 'code_format'
  | 'postal_code'
  | 'address_line_too_long'
  | 'address_too_many_lines'
  | 'duplicate_id'
  | 'duplicate_nir';

export interface Rejection {
  line: number;
  id: string;
  reason: ReasonCode;
  message: string;
}

export interface AcceptedLetter extends LetterToPrint {
  line: number;
  id: string;
}

export type RowOutcome = { ok: true; letter: AcceptedLetter } | { ok: false; rejection: Rejection };

/** Fields printed on the letter: each must be drawable by the embedded font. */
const PRINTED_COLUMNS: Column[] = ['civility', 'first_name', 'last_name', 'address_1', 'address_2', 'address_3', 'address_4', 'postal_code', 'city'];

/**
 * Remembers ids and NIRs of the letters already accepted, so that a repeated
 * row is rejected instead of printed twice.
 */
export class DuplicateGuard {
  private readonly ids = new Set<string>();
  private readonly nirs = new Set<string>();

  check(id: string, nir: string): 'duplicate_id' | 'duplicate_nir' | undefined {
    if (this.ids.has(id)) return 'duplicate_id';
    if (this.nirs.has(nir)) return 'duplicate_nir';
    return undefined;
  }

  remember(id: string, nir: string): void {
    this.ids.add(id);
    this.nirs.add(nir);
  }
}

export function validateRow(row: RecipientRow, codeFormat: RegExp, guard: DuplicateGuard): RowOutcome {
  const { fields, line } = row;
  const id = fields.id.trim();
  const reject = (reason: ReasonCode, message: string): RowOutcome => ({ ok: false, rejection: { line, id, reason, message } });

  if (row.cellCount !== row.headerLength) {
    return reject('column_count', `${row.cellCount} cellules au lieu de ${row.headerLength}`);
  }
  const missing = REQUIRED_COLUMNS.find((column) => fields[column].trim() === '');
  if (missing) return reject('missing_field', `champ vide : ${missing}`);
  for (const column of PRINTED_COLUMNS) {
    const character = firstUndrawable(fields[column]);
    if (character !== undefined || /[\u0000-\u001f\u007f]/.test(fields[column])) {
      const shown = character ? `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : 'caractère de contrôle';
      return reject('undrawable_character', `caractère impossible à imprimer dans ${column} (${shown})`);
    }
  }
  const nir = checkNir(fields.nir);
  if (!nir.ok) return reject(nir.problem, nir.message);
  const code = fields.code.trim();
  if (!codeFormat.test(code)) return reject('code_format', 'le code n\'a pas le format attendu par le modèle de lettre');
  const address = buildAddress({
    civility: fields.civility,
    firstName: fields.first_name,
    lastName: fields.last_name,
    streetLines: [fields.address_1, fields.address_2, fields.address_3, fields.address_4],
    postalCode: fields.postal_code,
    city: fields.city,
  });
  if (!address.ok) return reject(address.problem, address.message);
  const duplicate = guard.check(id, nir.nir);
  if (duplicate === 'duplicate_id') return reject(duplicate, 'identifiant déjà présent sur une ligne précédente');
  if (duplicate === 'duplicate_nir') return reject(duplicate, 'NIR déjà présent sur une ligne précédente');
  guard.remember(id, nir.nir);
  const recipient: RecipientValues = {
    greetingName: greetingName({ civility: fields.civility, firstName: fields.first_name, lastName: fields.last_name }),
    firstName: fields.first_name.trim(),
    lastName: fields.last_name.trim(),
    civility: fields.civility.trim(),
  };
  return { ok: true, letter: { line, id, addressLines: address.lines, code, recipient } };
}
