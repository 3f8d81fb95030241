import type { Column, RecipientRow } from './recipients.js';

/**
 * The one place that decides what of a recipients row may leave the process
 * (rejected.csv, manifest, run.json, messages, progress, file names, PDF
 * metadata). Everything reported about a row goes through a `ReportSafeRow`,
 * and a `Rejection` can only be made from one, with a message built here from
 * the reason and numbers or column names, never from a cell. So:
 *
 * - a row that did not parse into its columns (wrong cell count, not valid in
 *   the file's encoding) is identified by its line number only: its "id" cell
 *   may hold anything, the code included;
 * - a parsed row is identified by its line and its id, unless the id holds
 *   the row's code as a token of its own (then the line only);
 * - no value of the code column is ever copied.
 */

export type ReasonCode =
  | 'column_count'
  | 'encoding'
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

export class ReportSafeRow {
  /** Private, so that nothing but `of` can make one (TypeScript types classes with private members by name). */
  private declare readonly nominal: never;

  private constructor(
    readonly line: number,
    /** "" when the row cannot be identified safely by its id. */
    readonly id: string,
  ) {}

  static of(row: RecipientRow): ReportSafeRow {
    if (row.kind === 'unparsed') return new ReportSafeRow(row.line, '');
    const id = row.fields.id.trim();
    const code = row.fields.code.trim();
    return new ReportSafeRow(row.line, code !== '' && holdsToken(id, code) ? '' : id);
  }
}

/** `text` holds `token` not glued to other letters or digits (as a reader would see it). */
function holdsToken(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1];
    const after = text[at + token.length];
    if (!isAlphanumeric(before) && !isAlphanumeric(after)) return true;
  }
  return false;
}

function isAlphanumeric(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

/** What a rejection may say: a reason and, for some reasons, numbers or a column name. */
export type RejectionDetail =
  | { reason: 'column_count'; cells: number; expected: number }
  | { reason: 'missing_field'; column: Column }
  | { reason: 'undrawable_character'; column: Column; codePoint: number | undefined }
  | { reason: 'address_line_too_long'; addressLine: number; maxLength: number }
  | { reason: 'address_too_many_lines'; maxLines: number }
  | { reason: Exclude<ReasonCode, 'column_count' | 'missing_field' | 'undrawable_character' | 'address_line_too_long' | 'address_too_many_lines'> };

function messageOf(detail: RejectionDetail): string {
  switch (detail.reason) {
    case 'column_count':
      return `${detail.cells} cellules au lieu de ${detail.expected}`;
    case 'encoding':
      return "ligne illisible dans l'encodage du fichier (UTF-8 ou Windows-1252) : réenregistrez-la";
    case 'missing_field':
      return `champ vide : ${detail.column}`;
    case 'undrawable_character': {
      const shown = detail.codePoint === undefined ? 'caractère de contrôle' : `U+${detail.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      return `caractère impossible à imprimer dans ${detail.column} (${shown})`;
    }
    case 'nir_format':
      return 'NIR: 15 caractères attendus (13 + clé de 2 chiffres)';
    case 'nir_sex':
      return 'NIR: le premier chiffre doit être 1, 2, 3, 7 ou 8';
    case 'nir_month':
      return 'NIR: mois de naissance invalide (01-12, 20-42 ou 50-99)';
    case 'nir_key':
      return 'NIR: la clé ne correspond pas au numéro';
    case 'code_format':
      return "le code n'a pas le format attendu par le modèle de lettre";
    case 'postal_code':
      return 'code postal français à 5 chiffres attendu';
    case 'address_line_too_long':
      return `ligne ${detail.addressLine} de l'adresse: plus de ${detail.maxLength} caractères`;
    case 'address_too_many_lines':
      return `adresse de plus de ${detail.maxLines} lignes`;
    case 'duplicate_id':
      return 'identifiant déjà présent sur une ligne précédente';
    case 'duplicate_nir':
      return 'NIR déjà présent sur une ligne précédente';
  }
}

/** A rejected row as it may be reported: made only from a `ReportSafeRow`. */
export class Rejection {
  private declare readonly nominal: never;

  private constructor(
    readonly line: number,
    readonly id: string,
    readonly reason: ReasonCode,
    readonly message: string,
  ) {}

  static of(row: ReportSafeRow, detail: RejectionDetail): Rejection {
    return new Rejection(row.line, row.id, detail.reason, messageOf(detail));
  }
}
