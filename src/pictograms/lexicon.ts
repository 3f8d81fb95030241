import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { readYamlFile } from '../content/read-text-file.js';
import { parseYamlSource } from '../content/yaml-document.js';
import { z } from 'zod';
import { LivretError, type SourceLocation } from '../errors.js';
import { displayPath, PACKAGE_ROOT } from '../paths.js';
import type { Pictogram } from '../model/booklet.js';
import { isFileIcon, loadFileIcon } from './custom-icons.js';
import { stems } from './french-words.js';
import { iconSvg } from './icon-sets.js';
import { t } from '../i18n/index.js';
import { didYouMean } from '../i18n/suggest.js';

export { foldForMatching } from './fold.js';

/**
 * The French pictogram lexicon (assets/pictograms/lexicon.yaml): one concept,
 * one picture, everywhere in a booklet. Blocks without `::picto` get the
 * concept of the first lexicon word or phrase that appears in their text,
 * matched on stems (plurals and verb forms: french-words.ts).
 */
const lexiconSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, 'write concept names in lower case with dashes, for example "carte-vitale"'),
  z.strictObject({ icon: z.string().min(3), words: z.array(z.string().min(1)).default([]) }),
);

export interface LexiconEntry {
  concept: string;
  /** `set:icon` or `file:name.svg`. */
  icon: string;
  words: string[];
  /** Each word or phrase as its stems, for matching. */
  phrases: string[][];
}

export interface Lexicon {
  entries: Map<string, LexiconEntry>;
  /** The lexicon file, as shown in messages. */
  file: string;
  /** SVG of the `file:` icons, read and checked when the lexicon is loaded. */
  fileIcons: Map<string, string>;
}

/** The project's own lexicon, or livret's when the project has none. */
export function lexiconFile(projectRoot: string): string {
  const own = path.join(projectRoot, 'assets', 'pictograms', 'lexicon.yaml');
  return existsSync(own) ? own : path.join(PACKAGE_ROOT, 'assets', 'pictograms', 'lexicon.yaml');
}

export async function loadLexicon(projectRoot: string): Promise<Lexicon> {
  const file = lexiconFile(projectRoot);
  const shown = displayPath(projectRoot, file);
  const text = await readYamlFile(file, shown, (error) => new LivretError(t('error.lexiconUnreadable', { message: error.message.split('\n')[0]! }), { file: shown }));
  const { document, lineCounter, value: parsed } = parseYamlSource(text, shown);
  const lineOf = (concept: string): number | undefined => {
    const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === concept) : undefined;
    const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const result = lexiconSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const concept = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    throw new LivretError(`${issue.path.join('.')}: ${issue.message}`, { file: shown, line: concept ? lineOf(concept) : undefined });
  }
  const entries = new Map<string, LexiconEntry>();
  const fileIcons = new Map<string, string>();
  for (const [concept, entry] of Object.entries(result.data)) {
    const where = { file: shown, line: lineOf(concept) };
    if (isFileIcon(entry.icon)) {
      if (!fileIcons.has(entry.icon)) fileIcons.set(entry.icon, await loadFileIcon(path.dirname(file), entry.icon, where));
    } else if (!iconSvg(entry.icon)) {
      throw new LivretError(t('error.lexiconIcon', { concept, icon: entry.icon }), where);
    }
    entries.set(concept, { concept, icon: entry.icon, words: entry.words, phrases: entry.words.map(stems).filter((phrase) => phrase.length > 0) });
  }
  return { entries, file: shown, fileIcons };
}

/** Whether `phrase` (stems) occurs in `words` (stems) at `index`. */
function matchesAt(words: readonly string[], phrase: readonly string[], index: number): boolean {
  return phrase.every((part, offset) => words[index + offset] === part);
}

/** The concept of the earliest lexicon phrase in `text` (the longer phrase wins a tie), or undefined. */
export function conceptForText(lexicon: Lexicon, text: string): string | undefined {
  const words = stems(text);
  let best: { concept: string; index: number; length: number } | undefined;
  for (const entry of lexicon.entries.values()) {
    for (const phrase of entry.phrases) {
      for (let index = 0; index + phrase.length <= words.length && (!best || index <= best.index); index += 1) {
        if (!matchesAt(words, phrase, index)) continue;
        if (!best || index < best.index || phrase.length > best.length) best = { concept: entry.concept, index, length: phrase.length };
        break;
      }
    }
  }
  return best?.concept;
}

function svgOf(lexicon: Lexicon, reference: string): string | undefined {
  return isFileIcon(reference) ? lexicon.fileIcons.get(reference) : iconSvg(reference);
}

/** The lexicon concept whose picture is `icon`, if any (a `::picto{name=set:icon}` may name a concept's picture). */
export function conceptOfIcon(lexicon: Lexicon, icon: string): string | undefined {
  for (const entry of lexicon.entries.values()) if (entry.icon === icon) return entry.concept;
  return undefined;
}

/** The pictogram for a `::picto{name=…}` value: a lexicon concept or a `set:icon` reference. */
export function pictogramByName(lexicon: Lexicon, name: string, where: SourceLocation): Pictogram {
  const entry = lexicon.entries.get(name);
  const icon = entry ? entry.icon : name;
  const svg = entry || !isFileIcon(name) ? svgOf(lexicon, icon) : undefined;
  if (!svg) throw unknownPictogram(lexicon, name, where);
  return { concept: entry ? entry.concept : name, icon, svg, chosen: 'named' };
}

/** Whether `pictogramByName` would find `name`. */
export function isKnownPictogram(lexicon: Lexicon, name: string): boolean {
  const entry = lexicon.entries.get(name);
  return Boolean(entry || !isFileIcon(name) ? svgOf(lexicon, entry ? entry.icon : name) : undefined);
}

/** "pictogramme inconnu « vaccin » ; vouliez-vous dire … ? ; cherchez-en un avec `livret pictos vaccin`". */
export function unknownPictogram(lexicon: Lexicon, name: string, where: SourceLocation): LivretError {
  const hint = name.includes(':') ? t('error.pictogramIconHint') : t('error.pictogramConceptHint', { name, file: lexicon.file });
  const joiner = t('suggest.joiner');
  return new LivretError(`${t('error.unknownPictogram', { name })}${didYouMean(name, [...lexicon.entries.keys()])}${joiner}${hint}`, where);
}

/** The pictogram chosen by the lexicon for a block without `::picto`, or undefined when no word matches. */
export function pictogramForText(lexicon: Lexicon, text: string): Pictogram | undefined {
  const concept = conceptForText(lexicon, text);
  if (!concept) return undefined;
  const entry = lexicon.entries.get(concept)!;
  const svg = svgOf(lexicon, entry.icon);
  return svg ? { concept, icon: entry.icon, svg, chosen: 'lexicon' } : undefined;
}
