import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCacheFile, writeCacheFile } from '../../files/cache-file.js';

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
 *
 * The answers are kept in a cache file beside the dictionary
 * (`node_modules/.cache/livret-spelling/answers.json`), for the booklet's
 * word set: checking the same chapters again (a second `livret check`, each
 * département's build) reads no dictionary. Any new word set starts afresh,
 * so the answers never depend on what was checked before.
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

/** Bumped when the answers for the same words could change (dictionary, affix rule, stem selection). */
const ANSWERS_VERSION = 'nspell@2.1.5 dictionary-fr@3.0.0 stems-1 one-slip-1';

interface Answers {
  version: string;
  key: string;
  correct: Record<string, boolean>;
  suggest: Record<string, string[]>;
}

export function spellChecker(words: ReadonlySet<string>): NSpell {
  const key = createHash('sha256').update([...words].sort().join(' ')).digest('hex');
  if (cached?.key === key) return cached.checker;
  const checker = answeringFromCache(key, () => dictionaryChecker(words));
  cached = { key, checker };
  return checker;
}

function answersFile(): string {
  return path.join(path.dirname(require.resolve('dictionary-fr')), '..', '.cache', 'livret-spelling', 'answers.json');
}

/** A checker that answers from the cache file, asks the dictionary (loaded then) for what it does not know, and saves. */
function answeringFromCache(key: string, load: () => NSpell): NSpell {
  const file = answersFile();
  let answers: Answers = { version: ANSWERS_VERSION, key, correct: {}, suggest: {} };
  try {
    const saved = JSON.parse(readCacheFile(file) ?? 'null') as Answers | null;
    if (saved?.version === ANSWERS_VERSION && saved.key === key) answers = saved;
  } catch {
    // A damaged cache file is rebuilt.
  }
  let dictionary: NSpell | undefined;
  let saveScheduled = false;
  const learnt = (): void => {
    if (saveScheduled) return;
    saveScheduled = true;
    // Once the current burst of questions is over (one rule run asks hundreds).
    setImmediate(() => {
      saveScheduled = false;
      writeCacheFile(file, JSON.stringify(answers));
    });
  };
  return {
    correct(word) {
      if (Object.hasOwn(answers.correct, word)) return answers.correct[word] === true;
      dictionary ??= load();
      const correct = dictionary.correct(word);
      answers.correct[word] = correct;
      learnt();
      return correct;
    },
    suggest(word) {
      if (Object.hasOwn(answers.suggest, word)) return answers.suggest[word] ?? [];
      dictionary ??= load();
      const suggestions = dictionary.suggest(word);
      answers.suggest[word] = suggestions;
      learnt();
      return suggestions;
    },
  };
}

let loads = 0;

/** How many times this thread has read the dictionary (tests prove a warm cache reads none). */
export function dictionaryLoads(): number {
  return loads;
}

/** The dictionary of this thread: read and parsed once; stems are added as new words need them. */
interface LoadedDictionary {
  spell: NSpell & { dictionary(dic: string): unknown };
  /** Each stem line of index.dic with the start a booklet word must have for it to be loaded. */
  entries: { line: string; start: string }[];
  added: Uint8Array;
}

let loaded: LoadedDictionary | undefined;

function loadDictionary(): LoadedDictionary {
  const nspell = require('nspell') as (aff: Buffer, dic: string) => LoadedDictionary['spell'];
  const folder = path.dirname(require.resolve('dictionary-fr'));
  const lines = readFileSync(path.join(folder, 'index.dic'), 'utf8').split('\n').slice(1);
  const entries = lines.map((line) => {
    const stem = (line.split('/', 1)[0] ?? '').toLowerCase();
    return { line, start: stem === '' ? '' : stem.slice(0, Math.max(Math.min(3, stem.length), stem.length - STEM_END)) };
  });
  const irregular = lines.filter((line) => IRREGULAR.has((line.split('/', 1)[0] ?? '').toLowerCase()));
  const spell = nspell(readFileSync(path.join(folder, 'index.aff')), `${irregular.length}\n${irregular.join('\n')}`);
  return { spell, entries, added: new Uint8Array(entries.length) };
}

/**
 * The checker for a booklet's words: the stems that can make them are added
 * to the thread's dictionary (a live preview or a second booklet adds only
 * the stems of its new words).
 */
function dictionaryChecker(words: ReadonlySet<string>): NSpell {
  loads += 1;
  const spell = withStemsOf(words);
  return {
    correct: (word) => spell.correct(word),
    suggest(word) {
      const candidates = oneSlipAway(word);
      withStemsOf(new Set(candidates.map((candidate) => candidate.toLowerCase())));
      return candidates.filter((candidate) => spell.correct(candidate)).slice(0, 3);
    },
  };
}

/** Adds to the thread's dictionary the stems that can make these words. */
function withStemsOf(words: ReadonlySet<string>): LoadedDictionary['spell'] {
  const dictionary = (loaded ??= loadDictionary());
  const starts = new Set<string>();
  for (const word of words) for (let length = 1; length <= word.length; length++) starts.add(word.slice(0, length));
  const fresh: string[] = [];
  dictionary.entries.forEach((entry, index) => {
    if (dictionary.added[index] === 0 && entry.start !== '' && starts.has(entry.start)) {
      dictionary.added[index] = 1;
      fresh.push(entry.line);
    }
  });
  if (fresh.length > 0) dictionary.spell.dictionary(`${fresh.length}\n${fresh.join('\n')}`);
  return dictionary.spell;
}

/** A letter and the letters an accent slip turns it into. */
const ACCENT_GROUPS = ['eéèêë', 'aàâ', 'iîï', 'oô', 'uùûü', 'cç'];
const ACCENT_VARIANTS = new Map<string, string>(
  ACCENT_GROUPS.flatMap((group) => [...group].flatMap((letter) => [[letter, group] as [string, string], [letter.toUpperCase(), group.toUpperCase()] as [string, string]])),
);

/**
 * Words one slip away, most likely first: another accent on one letter
 * ("Relévé" → "Relevé"), a letter doubled ("apeler" → "appeler"), two
 * letters swapped, a letter left out.
 * The dictionary then says which are words. nspell's own suggest tries every
 * edit with every affix of the French dictionary: seconds a word (6 s for
 * "xqzt"), for a warning's hint.
 */
export function oneSlipAway(word: string): string[] {
  const letters = [...word];
  const candidates = new Set<string>();
  const spliced = (at: number, remove: number, ...insert: string[]) => [...letters.slice(0, at), ...insert, ...letters.slice(at + remove)].join('');
  const accented = (letter: string) => (ACCENT_VARIANTS.get(letter)?.[0] ?? letter) !== letter;
  // A wrong accent first (accented letters changed, the plain letter first), then an accent missing.
  for (const pass of [true, false]) {
    letters.forEach((letter, at) => {
      if (accented(letter) !== pass) return;
      for (const variant of ACCENT_VARIANTS.get(letter) ?? '') if (variant !== letter) candidates.add(spliced(at, 1, variant));
    });
  }
  letters.forEach((letter, at) => candidates.add(spliced(at, 0, letter)));
  letters.forEach((letter, at) => {
    if (at + 1 < letters.length && letters[at + 1] !== letter) candidates.add(spliced(at, 2, letters[at + 1]!, letter));
  });
  if (letters.length > 2) letters.forEach((_, at) => candidates.add(spliced(at, 1)));
  candidates.delete(word);
  return [...candidates];
}
