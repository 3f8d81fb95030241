import { LivretError } from '../errors.js';
import type { Shard } from './run-folder.js';

/**
 * The options of `livret merge` that are checked as typed, before any file
 * is read: light enough for the command line to load before the library.
 */
export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_WORKERS = 32;

export function checkShard(shard: Shard): void {
  if (!Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new LivretError(`--shard must be K/N with 1 ≤ K ≤ N, for example 1/4; got ${shard.index}/${shard.count}`);
  }
}

/** `K/N` → shard, K counted from 1. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new LivretError(`--shard must be K/N, for example 2/4; got "${text}"`);
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  checkShard(shard);
  return shard;
}

/** `YYYY-MM-DD` naming a real calendar day (no 2026-02-30). */
export function checkDate(text: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = new Date(`${text}T00:00:00Z`);
  const real = match !== null && !Number.isNaN(date.getTime()) && date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() + 1 === Number(match[2]) && date.getUTCDate() === Number(match[3]);
  if (!real) throw new LivretError(`--date doit être une date réelle écrite AAAA-MM-JJ, par exemple 2026-11-29 ; reçu "${text}"`);
}

/** A whole number option as typed (`--workers abc`, `--batch-size 1.5` are refused). */
export function parseWholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new LivretError(`${option} doit être un nombre entier, par exemple ${option} 2 ; reçu "${text}"`);
  return Number(text.trim());
}

