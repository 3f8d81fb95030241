import { firstUndrawable } from '../fonts/fonts.js';
import type { RecipientValues } from './letter-model.js';
import { checkNir } from './nir.js';
import { buildAddress, greetingName, MAX_ADDRESS_LINE_LENGTH, MAX_ADDRESS_LINES } from './postal-address.js';
import { REQUIRED_COLUMNS, type Column, type RecipientRow } from './recipients.js';
import { Rejection, ReportSafeRow, type RejectionDetail } from './report-safe-row.js';
import type { LetterToPrint } from './stamp.js';

/**
 * Validation of one recipient row. A bad row is rejected with a stable reason
 * code and a short French phrase; the rejection is built from the row's
 * report-safe view (report-safe-row.ts), so it never carries the code or a
 * cell of a row that did not parse. The run goes on.
 */

export { Rejection, type ReasonCode } from './report-safe-row.js';

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
  const safe = ReportSafeRow.of(row);
  const reject = (detail: RejectionDetail): RowOutcome => ({ ok: false, rejection: Rejection.of(safe, detail) });
  if (row.kind === 'unparsed') {
    return row.problem === 'encoding' ? reject({ reason: 'encoding' }) : reject({ reason: 'column_count', cells: row.cellCount, expected: row.headerLength });
  }
  const { fields, line } = row;
  const id = fields.id.trim();
  const missing = REQUIRED_COLUMNS.find((column) => fields[column].trim() === '');
  if (missing) return reject({ reason: 'missing_field', column: missing });
  for (const column of PRINTED_COLUMNS) {
    const character = firstUndrawable(fields[column]);
    if (character !== undefined || /[\u0000-\u001f\u007f]/.test(fields[column])) {
      return reject({ reason: 'undrawable_character', column, codePoint: character?.codePointAt(0) });
    }
  }
  const nir = checkNir(fields.nir);
  if (!nir.ok) return reject({ reason: nir.problem });
  const code = fields.code.trim();
  if (!codeFormat.test(code)) return reject({ reason: 'code_format' });
  const address = buildAddress({
    civility: fields.civility,
    firstName: fields.first_name,
    lastName: fields.last_name,
    streetLines: [fields.address_1, fields.address_2, fields.address_3, fields.address_4],
    postalCode: fields.postal_code,
    city: fields.city,
  });
  if (!address.ok) {
    if (address.problem === 'address_line_too_long') return reject({ reason: address.problem, addressLine: address.line ?? 0, maxLength: MAX_ADDRESS_LINE_LENGTH });
    if (address.problem === 'address_too_many_lines') return reject({ reason: address.problem, maxLines: MAX_ADDRESS_LINES });
    return reject({ reason: address.problem });
  }
  const duplicate = guard.check(id, nir.nir);
  if (duplicate) return reject({ reason: duplicate });
  guard.remember(id, nir.nir);
  const recipient: RecipientValues = {
    greetingName: greetingName({ civility: fields.civility, firstName: fields.first_name, lastName: fields.last_name }),
    firstName: fields.first_name.trim(),
    lastName: fields.last_name.trim(),
    civility: fields.civility.trim(),
  };
  return { ok: true, letter: { line, id, addressLines: address.lines, code, recipient } };
}
