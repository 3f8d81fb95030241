import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { LivretError } from '../errors.js';
import { t } from '../i18n/index.js';
import { Utf8Tally } from './utf8-tally.js';

/**
 * Reads the recipients file as a stream, in two passes, so memory stays flat
 * whatever the file size.
 *
 * Pass 1 (`inspectRecipientsFile`) hashes the file, parses its structure
 * (header, records, quotes) and counts how many non-ASCII bytes form valid
 * UTF-8: a broken file is refused before anything is written. Pass 2
 * (`readRecipients`) parses again and decodes each row on its own.
 *
 * csv-parse reads the bytes as Latin-1 (one character per byte), so the
 * structure (`;` `,` `"` CR LF are ASCII) is found whatever the encoding, and
 * each cell's bytes are then decoded in the file's encoding: one row that is
 * not valid UTF-8 is rejected (`encoding`) instead of turning the whole file
 * into mojibake. Records may end in CRLF, LF or CR, mixed in one file. Line
 * numbers are counted here (csv-parse counts CRLF inside quotes twice).
 */

export type Encoding = 'utf-8' | 'windows-1252';

export interface RecipientsFileFacts {
  file: string;
  sha256: string;
  size: number;
  encoding: Encoding;
  hasBom: boolean;
  delimiter: ';' | ',';
  /** Data records (non-empty), as a spreadsheet shows them as rows. */
  dataRows: number;
}

export const REQUIRED_COLUMNS = ['id', 'last_name', 'first_name', 'address_1', 'postal_code', 'city', 'nir', 'code'] as const;
export const OPTIONAL_COLUMNS = ['civility', 'address_2', 'address_3', 'address_4'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS: readonly Column[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** A record whose cells map onto the header's columns, decoded without error. */
export interface ParsedRow {
  kind: 'parsed';
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  /** 0-based index among data rows (used to split rows between shards). */
  index: number;
  /** Values by column name; absent optional columns are "". */
  fields: Record<Column, string>;
}

/**
 * A record that did not parse into its columns: its cells are not kept at
 * all, so nothing of it can be reported but its line.
 */
export interface UnparsedRow {
  kind: 'unparsed';
  line: number;
  index: number;
  problem: 'column_count' | 'encoding';
  cellCount: number;
  headerLength: number;
}

export type RecipientRow = ParsedRow | UnparsedRow;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SNIFF_BYTES = 64 * 1024;
/** Windows-1252 leaves these five bytes undefined. */
const UNDEFINED_IN_WINDOWS_1252 = /[\x81\x8d\x8f\x90\x9d]/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export async function inspectRecipientsFile(file: string): Promise<RecipientsFileFacts> {
  const size = await checkIsFile(file);
  const head = await readHead(file);
  const hasBom = UTF8_BOM.every((byte, index) => head[index] === byte);
  const delimiter = detectDelimiter(head.subarray(hasBom ? 3 : 0).toString('latin1'), file);
  const hash = createHash('sha256');
  // The parse stream starts after the BOM; the hash covers the whole file, byte for byte.
  if (hasBom) hash.update(Buffer.from(UTF8_BOM));
  const tally = new Utf8Tally();
  let dataRows = 0;
  const onChunk = (chunk: Buffer) => {
    hash.update(chunk);
    tally.add(chunk);
  };
  for await (const record of readRecords({ file, hasBom, delimiter }, onChunk)) {
    if (record.line === undefined) checkHeader(record.cells, file);
    else dataRows++;
  }
  const encoding: Encoding = hasBom || tally.mostlyUtf8() ? 'utf-8' : 'windows-1252';
  return { file, sha256: hash.digest('hex'), size, encoding, hasBom, delimiter, dataRows };
}

async function checkIsFile(file: string): Promise<number> {
  let facts;
  try {
    facts = await stat(file);
  } catch {
    throw new LivretError(t('error.recipients.unreadable'), { file });
  }
  if (!facts.isFile()) throw new LivretError("--recipients doit nommer un fichier CSV, pas un dossier", { file });
  return facts.size;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The header line decides: the delimiter that splits it into more cells wins. */
export function detectDelimiter(text: string, file: string): ';' | ',' {
  const headerLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (delimiter: string) => headerLine.split(delimiter).length - 1;
  const semicolons = count(';');
  const commas = count(',');
  if (semicolons === 0 && commas === 0) {
    throw new LivretError(
      `the first line must be a header with the columns ${REQUIRED_COLUMNS.join(', ')}, separated by ";" or ","`,
      { file, line: 1 },
    );
  }
  return semicolons >= commas ? ';' : ',';
}

interface RawRecord {
  /** Cells as Latin-1 text: one character per byte of the file. */
  cells: string[];
  /** Start line of a data record; undefined for the header. */
  line: number | undefined;
}

type Source = Pick<RecipientsFileFacts, 'file' | 'hasBom' | 'delimiter'>;

/** Line breaks inside a cell (CRLF counts once), to keep line numbers right. */
function lineBreaks(cell: string): number {
  let count = 0;
  for (let at = 0; at < cell.length; at++) {
    const code = cell.charCodeAt(at);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (cell.charCodeAt(at + 1) === 10) at++;
    }
  }
  return count;
}

/**
 * The file's records with their start lines; empty lines are skipped (they
 * count for line numbers only). A record whose end cannot be told (an
 * unclosed quote, text after a closing quote, a quote inside a bare cell)
 * stops the run with the line where that record starts.
 */
async function* readRecords(source: Source, onChunk: (chunk: Buffer) => void): AsyncGenerator<RawRecord> {
  const raw = createReadStream(source.file, { start: source.hasBom ? 3 : 0 });
  raw.on('data', (chunk) => onChunk(chunk as Buffer));
  // Counted in on_record, as csv-parse finds each record: when it throws, `line` is where the failing record starts.
  let line = 1;
  const starts: number[] = [];
  const parser = raw.pipe(
    parse({
      delimiter: source.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      encoding: 'latin1',
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
      on_record: (cells: string[]) => {
        starts.push(line);
        for (const cell of cells) line += lineBreaks(cell);
        line++;
        return cells;
      },
    }),
  );
  let headerSeen = false;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = starts.shift()!;
      if (cells.length === 1 && cells[0] === '') continue;
      yield { cells, line: headerSeen ? start : undefined };
      headerSeen = true;
    }
  } catch (error) {
    raw.destroy();
    if (error instanceof LivretError) throw error;
    // Never the error's own text: csv-parse copies the record's cells into it.
    const code = ((error as CsvError).code ?? 'error').replace(/^CSV_/, '');
    throw new LivretError(`${describeCsvError(code)} ; corrigez les guillemets de cet enregistrement (${code})`, { file: source.file, line });
  }
  if (!headerSeen) throw new LivretError(t('error.recipients.empty'), { file: source.file });
}

function describeCsvError(code: string): string {
  switch (code) {
    case 'QUOTE_NOT_CLOSED':
      return 'un guillemet ouvert ici n\'est jamais fermé : la fin de cet enregistrement est introuvable';
    case 'INVALID_CLOSING_QUOTE':
    case 'NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'du texte suit un guillemet fermant : on ne peut pas savoir où finit la cellule';
    case 'INVALID_OPENING_QUOTE':
      return 'un guillemet au milieu d\'une cellule sans guillemets : on ne peut pas savoir où finit la cellule';
    default:
      return 'le CSV ne peut pas être lu à partir de cet enregistrement';
  }
}

function checkHeader(cells: string[], file: string): string[] {
  const header = cells.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new LivretError(
      `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected columns: ${KNOWN_COLUMNS.join(', ')}`,
      { file, line: 1 },
    );
  }
  header.forEach((name, at) => {
    const where = { file, line: 1, column: at + 1 };
    if (/^address_\d+$/.test(name) && !(KNOWN_COLUMNS as readonly string[]).includes(name)) {
      throw new LivretError(
        `la colonne ${name} ne serait pas imprimée : l'adresse tient en address_1 à address_4 ; regroupez ses lignes dans ces colonnes ou retirez ${name}`,
        where,
      );
    }
    if ((KNOWN_COLUMNS as readonly string[]).includes(name) && header.indexOf(name) !== at) {
      throw new LivretError(`la colonne ${name} figure deux fois dans l'en-tête ; gardez-en une seule`, where);
    }
  });
  return header;
}

function decodeCell(latin1: string, encoding: Encoding): string | undefined {
  if (ASCII_ONLY.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  if (encoding === 'windows-1252') return UNDEFINED_IN_WINDOWS_1252.test(latin1) ? undefined : iconv.decode(bytes, 'win1252');
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The data rows of the file, in order, with their line numbers. A row with a
 * wrong number of cells, or not valid in the file's encoding, comes as an
 * `UnparsedRow` (line only) and is rejected by validation.
 */
export async function* readRecipients(facts: RecipientsFileFacts, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<RecipientRow> {
  let header: string[] | undefined;
  let columnAt: Array<[Column, number]> = [];
  let index = 0;
  for await (const record of readRecords(facts, (chunk) => onBytes(chunk.length))) {
    if (record.line === undefined || !header) {
      header = checkHeader(record.cells, facts.file);
      columnAt = KNOWN_COLUMNS.map((column) => [column, header!.indexOf(column)]);
      continue;
    }
    const line = record.line;
    const at = index++;
    if (record.cells.length !== header.length) {
      yield { kind: 'unparsed', line, index: at, problem: 'column_count', cellCount: record.cells.length, headerLength: header.length };
      continue;
    }
    const decoded = decodeRow(record.cells, facts.encoding);
    if (!decoded) {
      yield { kind: 'unparsed', line, index: at, problem: 'encoding', cellCount: record.cells.length, headerLength: header.length };
      continue;
    }
    const fields = {} as Record<Column, string>;
    for (const [column, position] of columnAt) fields[column] = position >= 0 ? decoded[position]! : '';
    yield { kind: 'parsed', line, index: at, fields };
  }
}

/** Every cell decodes, or the row is not valid in the file's encoding (extra columns included). */
function decodeRow(cells: string[], encoding: Encoding): string[] | undefined {
  const decoded: string[] = [];
  for (const cell of cells) {
    const text = decodeCell(cell, encoding);
    if (text === undefined) return undefined;
    decoded.push(text);
  }
  return decoded;
}
