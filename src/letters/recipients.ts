import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { LivretError } from '../errors.js';

/**
 * Reads the recipients file as a stream: one pass hashes it and detects the
 * encoding (UTF-8 with or without BOM, else Windows-1252 as Excel writes it)
 * and the delimiter (`;` or `,` from the header line); the second pass decodes
 * and parses it with csv-parse, one record at a time, so memory stays flat
 * whatever the file size. Every value is kept as text (leading zeros).
 */

export type Encoding = 'utf-8' | 'windows-1252';

export interface RecipientsFileFacts {
  file: string;
  sha256: string;
  size: number;
  encoding: Encoding;
  hasBom: boolean;
  delimiter: ';' | ',';
}

export const REQUIRED_COLUMNS = ['id', 'last_name', 'first_name', 'address_1', 'postal_code', 'city', 'nir', 'code'] as const;
export const OPTIONAL_COLUMNS = ['civility', 'address_2', 'address_3', 'address_4'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface RecipientRow {
  /** Line of the file where the record ends (the header is line 1); a record on one line starts there too. */
  line: number;
  /** 0-based index among data rows (used to split rows between shards). */
  index: number;
  /** Values by column name; absent optional columns are "". */
  fields: Record<Column, string>;
  /** Number of cells in the record, to catch rows with missing or extra cells. */
  cellCount: number;
  headerLength: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SNIFF_BYTES = 64 * 1024;

export async function inspectRecipientsFile(file: string): Promise<RecipientsFileFacts> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new LivretError('cannot read the recipients file; check the path given to --recipients', { file });
  }
  const hash = createHash('sha256');
  // A fatal streaming decoder tells whether the whole file is valid UTF-8.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  const hasBom = UTF8_BOM.every((byte, index) => head[index] === byte);
  const encoding: Encoding = validUtf8 ? 'utf-8' : 'windows-1252';
  const text = decode(hasBom ? head.subarray(3) : head, encoding);
  return { file, sha256: hash.digest('hex'), size, encoding, hasBom, delimiter: detectDelimiter(text, file) };
}

function decode(bytes: Buffer, encoding: Encoding): string {
  return encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
}

/** The header line decides: the delimiter that splits it into more cells wins. */
export function detectDelimiter(text: string, file: string): ';' | ',' {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
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

/** The decoded text of the file, as a stream of strings. */
function decodedStream(facts: RecipientsFileFacts, onBytes: (bytes: number) => void): NodeJS.ReadableStream {
  const raw = createReadStream(facts.file, { start: facts.hasBom ? 3 : 0 });
  raw.on('data', (chunk) => onBytes(chunk.length));
  if (facts.encoding === 'windows-1252') return raw.pipe(iconv.decodeStream('win1252'));
  raw.setEncoding('utf8');
  return raw;
}

/**
 * The data rows of the file, in order, with their line numbers. A broken CSV
 * (an unclosed quote) or a header without the required columns stops the run
 * with the line to fix; a row with a wrong number of cells is yielded as is
 * and rejected by validation.
 */
export async function* readRecipients(facts: RecipientsFileFacts, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<RecipientRow> {
  const parser = decodedStream(facts, onBytes).pipe(
    parse({ delimiter: facts.delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: false }),
  );
  let header: string[] | undefined;
  let index = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
      if (!header) {
        header = checkHeader(record, facts.file);
        continue;
      }
      const fields = {} as Record<Column, string>;
      for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
        const at = header.indexOf(column);
        fields[column] = at >= 0 ? (record[at] ?? '') : '';
      }
      yield { line: info.lines, index: index++, fields, cellCount: record.length, headerLength: header.length };
    }
  } catch (error) {
    if (error instanceof LivretError) throw error;
    const csvError = error as CsvError & { lines?: number };
    throw new LivretError(`the CSV cannot be read (${csvError.code ?? 'error'}): check quotes on this line`, {
      file: facts.file,
      line: csvError.lines,
    });
  }
  if (!header) throw new LivretError('the recipients file is empty: it needs a header line and one line per recipient', { file: facts.file });
}

function checkHeader(record: string[], file: string): string[] {
  const header = record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new LivretError(
      `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected columns: ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}`,
      { file, line: 1 },
    );
  }
  return header;
}
