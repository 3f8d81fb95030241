import { createRequire } from 'node:module';
import path from 'node:path';
import type { IconifyJSON } from '@iconify/types';
import { readCacheFile, writeCacheFile } from '../files/cache-file.js';

/**
 * MIT-licensed icon sets, drawn as vectors (SVG strings for pdfmake).
 * A pictogram is named `set:icon`, for example `fluent-emoji-flat:laptop`.
 *
 * A set is one JSON file of several megabytes; a booklet uses a few dozen of
 * its icons. The SVG of each icon used is kept in a small cache file beside
 * the installed sets (`node_modules/.cache/livret-icons/`, named after the
 * set's version), so a build reads that file instead of parsing the whole set.
 * LIVRET_ICON_CACHE names another folder; an unwritable folder only means no cache.
 */
const require = createRequire(import.meta.url);

const ICON_SETS = {
  'fluent-emoji-flat': '@iconify-json/fluent-emoji-flat',
  healthicons: '@iconify-json/healthicons',
} as const;

export type IconSetName = keyof typeof ICON_SETS;

/** Bumped when the SVG made from an icon changes, so old cache files are not read. */
const SVG_FORMAT = 1;

export function isIconSetName(name: string): name is IconSetName {
  return Object.hasOwn(ICON_SETS, name);
}

function iconCacheFolder(): string {
  const packageJson = require.resolve(`${ICON_SETS.healthicons}/package.json`);
  // <node_modules>/@iconify-json/healthicons/package.json → <node_modules>/.cache/livret-icons
  return process.env.LIVRET_ICON_CACHE ?? path.join(path.dirname(packageJson), '..', '..', '.cache', 'livret-icons');
}

function setVersion(name: IconSetName): string {
  return (require(`${ICON_SETS[name]}/package.json`) as { version: string }).version;
}

function cacheFile(name: IconSetName): string {
  return path.join(iconCacheFolder(), `${name}@${setVersion(name)}-svg${SVG_FORMAT}.json`);
}

/** Per set: the cache file (fixed at first use) and the SVGs known so far. */
const cachedSvgs = new Map<IconSetName, { file: string; icons: Record<string, string> }>();
const wholeSets = new Map<IconSetName, IconifyJSON>();
let wholeSetLoads = 0;

/** How many whole sets this thread has parsed (tests prove a warm cache parses none). */
export function iconSetParseCount(): number {
  return wholeSetLoads;
}

function cachedIcons(name: IconSetName): { file: string; icons: Record<string, string> } {
  let cache = cachedSvgs.get(name);
  if (!cache) {
    const file = cacheFile(name);
    let icons: Record<string, string> = {};
    try {
      icons = JSON.parse(readCacheFile(file) ?? '{}') as Record<string, string>;
    } catch {
      // A damaged cache file is rebuilt.
    }
    cache = { file, icons };
    cachedSvgs.set(name, cache);
  }
  return cache;
}

const unsaved = new Set<IconSetName>();

/** New icons are written once the current burst of look-ups is over (a lexicon asks for dozens at once). */
function scheduleSave(name: IconSetName): void {
  if (unsaved.size === 0) {
    setImmediate(() => {
      for (const set of unsaved) saveCache(cachedIcons(set));
      unsaved.clear();
    });
  }
  unsaved.add(name);
}

function saveCache({ file, icons }: { file: string; icons: Record<string, string> }): void {
  writeCacheFile(file, JSON.stringify(Object.fromEntries(Object.entries(icons).sort(([a], [b]) => a.localeCompare(b)))));
}

function wholeSet(name: IconSetName): IconifyJSON {
  let set = wholeSets.get(name);
  if (!set) {
    set = require(`${ICON_SETS[name]}/icons.json`) as IconifyJSON;
    wholeSets.set(name, set);
    wholeSetLoads += 1;
  }
  return set;
}

/** The SVG of `iconName`, drawn from the whole set. */
function drawIcon(setName: IconSetName, iconName: string): string | undefined {
  const { getIconData, iconToHTML, iconToSVG } = require('@iconify/utils') as typeof import('@iconify/utils');
  const data = getIconData(wholeSet(setName), iconName);
  if (!data) return undefined;
  const rendered = iconToSVG(data, { height: 'auto' });
  // Ids are left as they are: each SVG is drawn on its own, so they cannot clash,
  // and @iconify's replaceIDs would add random suffixes (non-reproducible output).
  return iconToHTML(rendered.body, rendered.attributes);
}

/** SVG markup of `set:icon`, or undefined when the set or the icon does not exist. */
export function iconSvg(reference: string): string | undefined {
  const [setName, iconName] = reference.split(':');
  if (!setName || !iconName || !isIconSetName(setName)) return undefined;
  const { icons } = cachedIcons(setName);
  if (Object.hasOwn(icons, iconName)) return icons[iconName];
  const svg = drawIcon(setName, iconName);
  if (svg === undefined) return undefined;
  icons[iconName] = svg;
  scheduleSave(setName);
  return svg;
}

/** The installed sets' names. */
export const ICON_SET_NAMES = Object.keys(ICON_SETS) as IconSetName[];

/** Every icon name of a set, aliases included, sorted (`livret pictos` searches them; this parses the whole set). */
export function iconNames(setName: IconSetName): string[] {
  const set = wholeSet(setName);
  return [...Object.keys(set.icons), ...Object.keys(set.aliases ?? {})].sort();
}
