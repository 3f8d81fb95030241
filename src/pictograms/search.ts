import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findProjectRoot } from '../paths.js';
import { searchWords } from './english-words.js';
import { foldForMatching } from './fold.js';
import { stem } from './french-words.js';
import { ICON_SET_NAMES, iconNames, iconSvg } from './icon-sets.js';
import { loadLexicon } from './lexicon.js';

/**
 * `livret pictos <mot>`: the pictures a writer can name for a word. First the
 * lexicon's concepts (a concept name or one of its words), then the icons of
 * the installed sets whose names hold the word or its English (`vaccin` →
 * `healthicons:syringe-vaccine`, `fluent-emoji-flat:syringe`).
 */
export interface PictogramSearchOptions {
  projectRoot?: string;
  /** Most icons returned (default 30); the lexicon's concepts are always all given. */
  limit?: number;
  /** Write each icon found as `<set>--<icon>.png` in this folder. */
  pngDir?: string;
}

export interface PictogramSearchResult {
  word: string;
  /** The words searched: the word and its English. */
  searched: string[];
  lexiconFile: string;
  concepts: Array<{ concept: string; icon: string; words: string[] }>;
  /** `set:icon`, best matches first. */
  icons: string[];
  /** Icons that matched beyond the limit. */
  moreIcons: number;
  /** PNG files written (with `pngDir`). */
  pngFiles: string[];
}

/** How well an icon name matches: a whole part of the name beats a prefix, a prefix beats a substring; variants last. */
function score(name: string, word: string): number | undefined {
  const parts = name.split('-');
  const variant = /-(negative|outline|24px)/.test(name) ? 1 : 0;
  if (parts.includes(word)) return 0 + variant + parts.length / 100;
  if (parts.some((part) => part.startsWith(word))) return 2 + variant + parts.length / 100;
  if (word.length >= 4 && name.includes(word)) return 4 + variant + parts.length / 100;
  return undefined;
}

export async function searchPictograms(word: string, options: PictogramSearchOptions = {}): Promise<PictogramSearchResult> {
  const projectRoot = options.projectRoot ?? findProjectRoot();
  const limit = options.limit ?? 30;
  const searched = searchWords(word);
  const lexicon = await loadLexicon(projectRoot);
  const stems = searched.map(stem);
  const concepts = [...lexicon.entries.values()]
    .filter((entry) => {
      const names = [entry.concept, ...entry.words].map(foldForMatching);
      return names.some((name) => searched.some((one) => name.includes(one))) || entry.phrases.some((phrase) => phrase.some((part) => stems.includes(part)));
    })
    .map(({ concept, icon, words }) => ({ concept, icon, words }));
  const ranked: Array<{ icon: string; score: number }> = [];
  for (const set of ICON_SET_NAMES) {
    for (const name of iconNames(set)) {
      const best = Math.min(...searched.map((one, index) => (score(name, one) ?? Infinity) + index / 10));
      if (best !== Infinity) ranked.push({ icon: `${set}:${name}`, score: best });
    }
  }
  ranked.sort((a, b) => a.score - b.score || a.icon.localeCompare(b.icon));
  const icons = ranked.slice(0, limit).map((item) => item.icon);
  const pngFiles = options.pngDir ? await writePngs([...new Set([...concepts.map((concept) => concept.icon), ...icons])], options.pngDir, lexicon.fileIcons) : [];
  return { word, searched, lexiconFile: lexicon.file, concepts, icons, moreIcons: Math.max(0, ranked.length - limit), pngFiles };
}

/** Each icon drawn at 128 px with sharp, named `<set>--<icon>.png`, so a writer can look at them. */
async function writePngs(icons: readonly string[], folder: string, fileIcons: ReadonlyMap<string, string>): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const icon of icons) {
    const svg = fileIcons.get(icon) ?? iconSvg(icon);
    if (!svg) continue;
    const file = path.join(folder, `${icon.replace(/[:/\\]/g, '--')}.png`);
    await writeFile(file, await sharp(Buffer.from(svg), { density: 300 }).resize(128, 128, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer());
    written.push(file);
  }
  return written;
}
