import { createRequire } from 'node:module';
import type { IconifyJSON } from '@iconify/types';
import { getIconData, iconToHTML, iconToSVG } from '@iconify/utils';

/**
 * MIT-licensed icon sets, drawn as vectors (SVG strings for pdfmake).
 * A pictogram is named `set:icon`, for example `fluent-emoji-flat:laptop`.
 */
const require = createRequire(import.meta.url);

const ICON_SETS = {
  'fluent-emoji-flat': () => require('@iconify-json/fluent-emoji-flat/icons.json') as IconifyJSON,
  healthicons: () => require('@iconify-json/healthicons/icons.json') as IconifyJSON,
} as const;

export type IconSetName = keyof typeof ICON_SETS;
const loaded = new Map<IconSetName, IconifyJSON>();

function iconSet(name: IconSetName): IconifyJSON {
  let set = loaded.get(name);
  if (!set) {
    set = ICON_SETS[name]();
    loaded.set(name, set);
  }
  return set;
}

export function isIconSetName(name: string): name is IconSetName {
  return Object.hasOwn(ICON_SETS, name);
}

/** SVG markup of `set:icon`, or undefined when the set or the icon does not exist. */
export function iconSvg(reference: string): string | undefined {
  const [setName, iconName] = reference.split(':');
  if (!setName || !iconName || !isIconSetName(setName)) return undefined;
  const data = getIconData(iconSet(setName), iconName);
  if (!data) return undefined;
  const rendered = iconToSVG(data, { height: 'auto' });
  // Ids are left as they are: each SVG is drawn on its own, so they cannot clash,
  // and @iconify's replaceIDs would add random suffixes (non-reproducible output).
  return iconToHTML(rendered.body, rendered.attributes);
}
