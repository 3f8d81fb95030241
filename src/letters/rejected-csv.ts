import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Rejection } from './report-safe-row.js';

/**
 * `rejected.csv`: line number, id, reason code and reason of every rejected
 * row; never the code. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are neutralised with a
 * leading apostrophe (OWASP "CSV injection").
 */

export const REJECTED_HEADER = ['line', 'id', 'reason_code', 'reason'] as const;

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[";,\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rejectedLine(rejection: Rejection): string {
  return `${[String(rejection.line), rejection.id, rejection.reason, rejection.message].map(csvCell).join(',')}\n`;
}

export class RejectedWriter {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { mode: 0o600 });
    this.stream.write(`${REJECTED_HEADER.join(',')}\n`);
  }

  async write(rejection: Rejection): Promise<void> {
    if (!this.stream.write(rejectedLine(rejection))) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
