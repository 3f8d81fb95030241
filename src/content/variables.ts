import { LivretError, type SourceLocation } from '../errors.js';
import type { Department } from './department-schema.js';
import { withArticle } from './department-names.js';
import { t } from '../i18n/index.js';
import { suggestName } from '../i18n/suggest.js';

/**
 * `{{caisse.nom}}`-style variables, resolved from the department file so that
 * chapters never hold one office's facts. An unknown variable is an error.
 */
export type Variables = ReadonlyMap<string, string>;

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/**
 * Town of an agency, from its name, with the town's own article: "Agence de
 * L'Aigle" → "L'Aigle", "Agence du Mans" → "Le Mans", "Agence de la
 * Ferté-Macé" → "La Ferté-Macé", "Agence d'Alençon" → "Alençon".
 */
export function agencyPlace(name: string): string {
  const place = name.replace(/^Agence\s+/i, '').trim();
  const articles: Array<[RegExp, string]> = [
    [/^du\s+/i, 'Le '],
    [/^des\s+/i, 'Les '],
    [/^de\s+la\s+/i, 'La '],
    [/^de\s+l['’]/i, "L'"],
    [/^de\s+/i, ''],
    [/^d['’]/i, ''],
  ];
  for (const [pattern, article] of articles) if (pattern.test(place)) return `${article}${place.replace(pattern, '')}`;
  return place;
}

export function variablesFor(department: Department): Variables {
  const office = department.office;
  return new Map([
    ['caisse.nom', office.name],
    ['caisse.nom_court', office.short_name],
    ['caisse.telephone', office.phone.number],
    ['caisse.prix_appel', office.phone.price ?? ''],
    ['caisse.site', office.website],
    ['caisse.adresse', office.address.join(', ')],
    ['departement.nom', department.name],
    ['departement.code', department.code],
    ['departement.de', withArticle(department)],
    ['agences.nombre', String(department.agencies.length)],
    ['agences', frenchList(department.agencies.map((agency) => agencyPlace(agency.name)))],
  ]);
}

/**
 * Replaces every variable in `text`. `locate(offset)` turns an offset in
 * `text` into a source position, so an unknown variable is reported exactly.
 */
export function resolveVariables(text: string, variables: Variables, locate: (offset: number) => SourceLocation): string {
  return text.replace(VARIABLE, (whole, name: string, offset: number) => {
    const value = variables.get(name);
    if (value === undefined) {
      const names = [...variables.keys()];
      const close = suggestName(name, names);
      const hint = close ? t('suggest.didYouMean', { name: `{{${close}}}` }) : t('error.knownVariables', { names: names.map((key) => `{{${key}}}`).join(', ') });
      const known = `${t('suggest.joiner')}${hint}`;
      throw new LivretError(`${t('error.unknownVariable', { variable: `{{${name}}}` })}${known}`, locate(offset));
    }
    return value;
  });
}

export function hasVariables(text: string): boolean {
  return /\{\{/.test(text);
}
