import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LivretError, type SourceLocation } from '../errors.js';
import { displayPath, PACKAGE_ROOT } from '../paths.js';
import type { Pictogram } from '../model/booklet.js';
import { iconSvg } from './icon-sets.js';

/**
 * The French pictogram lexicon (assets/pictograms/lexicon.yaml): one concept,
 * one picture, everywhere in a booklet. Blocks without `::picto` get the
 * concept of the first lexicon word that appears in their text.
 */
const lexiconSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, 'write concept names in lower case with dashes, for example "carte-vitale"'),
  z.strictObject({ icon: z.string().min(3), words: z.array(z.string().min(1)).default([]) }),
);

export interface LexiconEntry {
  concept: string;
  icon: string;
  words: string[];
}

export interface Lexicon {
  entries: Map<string, LexiconEntry>;
  file: string;
}

/** The project's own lexicon, or livret's when the project has none. */
export function lexiconFile(projectRoot: string): string {
  const own = path.join(projectRoot, 'assets', 'pictograms', 'lexicon.yaml');
  return existsSync(own) ? own : path.join(PACKAGE_ROOT, 'assets', 'pictograms', 'lexicon.yaml');
}

export async function loadLexicon(projectRoot: string): Promise<Lexicon> {
  const file = lexiconFile(projectRoot);
  const shown = displayPath(projectRoot, file);
  let parsed: unknown;
  try {
    parsed = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new LivretError(`cannot read the pictogram lexicon: ${(error as Error).message.split('\n')[0]}`, { file: shown });
  }
  const result = lexiconSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new LivretError(`${issue.path.join('.')}: ${issue.message}`, { file: shown });
  }
  const entries = new Map(
    Object.entries(result.data).map(([concept, entry]) => [concept, { concept, icon: entry.icon, words: entry.words }]),
  );
  return { entries, file: shown };
}

/** Lower case, no accents, typographic apostrophes made plain: "Relevé" and "releve" match. */
export function foldForMatching(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase();
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word or phrase, with a simple plural (-s, -x) on its last word, between word boundaries. */
function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeForRegExp(foldForMatching(phrase))}[sx]?(?![\\p{L}\\p{N}])`, 'u');
}

/** The concept of the earliest lexicon phrase in `text` (the longer phrase wins a tie), or undefined. */
export function conceptForText(lexicon: Lexicon, text: string): string | undefined {
  const folded = foldForMatching(text);
  let best: { concept: string; index: number; length: number } | undefined;
  for (const entry of lexicon.entries.values()) {
    for (const word of entry.words) {
      const match = phrasePattern(word).exec(folded);
      if (!match) continue;
      const better = !best || match.index < best.index || (match.index === best.index && match[0].length > best.length);
      if (better) best = { concept: entry.concept, index: match.index, length: match[0].length };
    }
  }
  return best?.concept;
}

/** The pictogram for a `::picto{name=…}` value: a lexicon concept or a `set:icon` reference. */
export function pictogramByName(lexicon: Lexicon, name: string, where: SourceLocation): Pictogram {
  const entry = lexicon.entries.get(name);
  const reference = entry ? entry.icon : name;
  const svg = iconSvg(reference);
  if (!svg) {
    const hint = name.includes(':')
      ? 'check the icon set and name (fluent-emoji-flat or healthicons)'
      : `add "${name}" to ${lexicon.file} or use one of: ${[...lexicon.entries.keys()].slice(0, 8).join(', ')}…`;
    throw new LivretError(`unknown pictogram "${name}": ${hint}`, where);
  }
  return { concept: entry ? entry.concept : name, svg };
}

export function pictogramForText(lexicon: Lexicon, text: string): Pictogram | undefined {
  const concept = conceptForText(lexicon, text);
  if (!concept) return undefined;
  const entry = lexicon.entries.get(concept)!;
  const svg = iconSvg(entry.icon);
  return svg ? { concept, svg } : undefined;
}
