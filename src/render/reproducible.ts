/**
 * Fixed dates for reproducible output: the same sources give the same bytes.
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds.org convention) wins;
 * otherwise the caller gives a date derived from the sources (newest mtime is
 * not stable across clones, so callers pass a content-derived fallback).
 */
export function buildDate(fallback: Date = new Date(Date.UTC(2026, 0, 1))): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return fallback;
}
