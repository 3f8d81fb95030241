import { utf8LeadLength, validUtf8Length } from '../files/utf8.js';

/**
 * Counts, over a stream of bytes, the non-ASCII bytes that form valid UTF-8
 * sequences and those that do not. A file is read as UTF-8 when most of its
 * non-ASCII bytes are valid UTF-8: one Windows-1252 row pasted into a UTF-8
 * file must not turn every accented name into mojibake; that row alone is
 * then rejected. A sequence cut between two chunks is carried over.
 */
export class Utf8Tally {
  validBytes = 0;
  invalidBytes = 0;
  private carry: Buffer = Buffer.alloc(0);

  add(chunk: Buffer): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    let at = 0;
    while (at < bytes.length) {
      const first = bytes[at]!;
      if (first < 0x80) {
        at++;
        continue;
      }
      const length = utf8LeadLength(first);
      if (length === 0) {
        this.invalidBytes++;
        at++;
        continue;
      }
      if (at + length > bytes.length) {
        // Maybe completed by the next chunk.
        this.carry = Buffer.from(bytes.subarray(at));
        return;
      }
      if (validUtf8Length(bytes, at) === length) {
        this.validBytes += length;
        at += length;
      } else {
        this.invalidBytes++;
        at++;
      }
    }
  }

  /** True when there is no non-ASCII byte, or valid UTF-8 bytes outnumber the others. */
  mostlyUtf8(): boolean {
    const invalid = this.invalidBytes + this.carry.length;
    return this.validBytes >= invalid;
  }
}
