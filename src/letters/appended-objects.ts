import type { PDFContext } from '../vendor/pdf-lib.js';

/**
 * The per-letter objects of a batch (pages, their stamped content, their
 * structure elements), written as PDF text after the objects pdf-lib saves.
 *
 * A tagged letter is about 40 objects. Built as pdf-lib objects, they cost
 * more to create, number and serialise than everything else in a batch
 * (a 1,000-letter batch took 0.5 s); written as strings they cost their
 * bytes. pdf-lib still saves everything that is shared (fonts, resources,
 * static content, catalog, page tree, structure root), which points to these
 * objects by number; `appendTo` adds them and one cross-reference table for
 * the whole file.
 */
export class AppendedObjects {
  readonly bytes = new ByteSink();
  private readonly numbers: number[] = [];
  private readonly starts: number[] = [];

  constructor(private readonly context: PDFContext) {}

  /** `count` consecutive object numbers, answered by the first; pdf-lib numbers after them. */
  reserve(count: number): number {
    const first = this.context.largestObjectNumber + 1;
    this.context.largestObjectNumber += count;
    return first;
  }

  /** Object `number` starts here: what follows in `bytes` is `N 0 obj … endobj`. */
  begin(number: number): void {
    this.numbers.push(number);
    this.starts.push(this.bytes.length);
  }

  /** pdf-lib's saved file with these objects added before one cross-reference table for all. */
  appendTo(saved: Uint8Array): Uint8Array {
    const { xrefOffset, offsets, trailer } = readCrossReference(saved);
    this.numbers.forEach((number, index) => (offsets[number] = xrefOffset + this.starts[index]!));
    const tableAt = xrefOffset + this.bytes.length;
    const size = offsets.length;
    const table = new ByteSink(20 * size + trailer.length + 100);
    table.ascii(`xref\n0 ${size}\n0000000000 65535 f \n`);
    for (let number = 1; number < size; number++) {
      const offset = offsets[number];
      // A number pdf-lib reserved without writing (none is expected) stays a free entry.
      if (offset === undefined) table.ascii('0000000000 00001 f \n');
      else {
        table.integer(offset, 10);
        table.ascii(' 00000 n \n');
      }
    }
    table.ascii(`trailer\n${trailer.replace(/\/Size \d+/, `/Size ${size}`)}\nstartxref\n${tableAt}\n%%EOF\n`);
    const out = Buffer.allocUnsafe(tableAt + table.length);
    out.set(saved.subarray(0, xrefOffset));
    out.set(this.bytes.view(), xrefOffset);
    out.set(table.view(), tableAt);
    return out;
  }
}

/**
 * A growing byte buffer for ASCII PDF text. Letters are written straight into
 * it, piece by piece: building them as strings first made the stamping
 * threads spend more time collecting garbage than stamping.
 */
export class ByteSink {
  private buffer: Buffer;
  length = 0;

  constructor(capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  private room(needed: number): void {
    if (this.length + needed <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  raw(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** `text` must be ASCII (its length is its byte count). */
  ascii(text: string): void {
    this.room(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
  }

  /** A non-negative integer, in decimal, with leading zeros up to `width` digits. */
  integer(value: number, width = 1): void {
    this.room(Math.max(16, width));
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const length = Math.max(digits, width);
    let at = this.length + length;
    let rest = value;
    for (let written = 0; written < length; written++) {
      this.buffer[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.length += length;
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** The cross-reference table pdf-lib writes (uncompressed, one section of subsections) and its trailer. */
function readCrossReference(saved: Uint8Array): { xrefOffset: number; offsets: Array<number | undefined>; trailer: string } {
  const end = Buffer.from(saved.subarray(Math.max(0, saved.length - 64))).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(end);
  if (!startxref) throw new Error('pdf-lib wrote no startxref');
  const xrefOffset = Number(startxref[1]);
  const section = Buffer.from(saved.subarray(xrefOffset)).toString('latin1');
  const trailerAt = section.indexOf('trailer');
  const lines = section.slice('xref'.length, trailerAt).trim().split(/\r?\n/);
  const offsets: Array<number | undefined> = [];
  let number = 0;
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 2) {
      number = Number(fields[0]);
      continue;
    }
    if (fields[2] === 'n') offsets[number] = Number(fields[0]);
    number++;
  }
  const trailer = section.slice(trailerAt + 'trailer'.length, section.lastIndexOf('startxref')).trim();
  return { xrefOffset, offsets, trailer };
}
