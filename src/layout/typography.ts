/**
 * French typography that keeps words together on a line: a no-break space
 * before : ; ! ? » and after «, inside digit groups ("36 46", "02 33 12 34 56")
 * and in "8 h 30". The reader never sees "«" alone at a line end.
 */
const NBSP = '\u00a0';

export function frenchSpacing(text: string): string {
  return text
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`)
    .replace(/ ([:;!?])/g, `${NBSP}$1`)
    .replace(/(\d) (?=\d)/g, `$1${NBSP}`)
    .replace(/(\d) (€|h\b|%)/g, `$1${NBSP}$2`);
}
