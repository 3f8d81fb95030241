import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A French spell checker (nspell, a Hunspell reader, with the dictionary of
 * dictionary-fr), loaded on first use only: `livret --help` and the rules
 * that do not spell-check never read the dictionary.
 *
 * Loading the whole French dictionary takes nspell about 20 s and 600 MB,
 * since it expands every word with its affixes. Only the dictionary's words
 * that can produce a word of the booklet are loaded: French affixes change
 * the end of a word, so a stem is kept when its start (all but its last 4
 * letters, at least 3) begins a word of the booklet. A booklet's few hundred
 * words keep a few thousand stems, read in about a second.
 */
interface NSpell {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

const require = createRequire(import.meta.url);

/** Letters a French stem may lose at its end when an affix applies ("connaître" → "connaiss-ent"). */
const STEM_END = 4;

/** Verbs whose forms do not start like their infinitive ("sont", "avez", "va", "peut"): always loaded. */
const IRREGULAR = new Set(['avoir', 'être', 'aller', 'faire', 'pouvoir', 'vouloir', 'savoir', 'devoir', 'falloir', 'valoir', 'venir', 'tenir', 'prendre', 'mettre', 'voir', 'recevoir', 'connaître', 'dire', 'suivre', 'écrire', 'lire']);

let cached: { key: string; checker: NSpell } | undefined;

export function spellChecker(words: ReadonlySet<string>): NSpell {
  const key = [...words].sort().join(' ');
  if (cached?.key === key) return cached.checker;
  const nspell = require('nspell') as (aff: Buffer, dic: string) => NSpell;
  const folder = path.dirname(require.resolve('dictionary-fr'));
  const starts = new Set<string>();
  for (const word of words) for (let length = 1; length <= word.length; length++) starts.add(word.slice(0, length));
  const lines = readFileSync(path.join(folder, 'index.dic'), 'utf8').split('\n').slice(1);
  const kept = lines.filter((line) => {
    const stem = (line.split('/', 1)[0] ?? '').toLowerCase();
    return IRREGULAR.has(stem) || (stem !== '' && starts.has(stem.slice(0, Math.max(Math.min(3, stem.length), stem.length - STEM_END))));
  });
  const checker = nspell(readFileSync(path.join(folder, 'index.aff')), `${kept.length}\n${kept.join('\n')}`);
  cached = { key, checker };
  return checker;
}
