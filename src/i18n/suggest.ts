import { distance } from 'fastest-levenshtein';
import { foldForMatching } from '../pictograms/fold.js';
import { t } from './index.js';

/**
 * "vouliez-vous dire … ?": the known name closest to what was typed, when it
 * is close enough to be a typo (two edits, or a third of its letters), or
 * the English key a French writer meant (`lundi` → `monday`).
 */
export const FRENCH_KEYS: Readonly<Record<string, string>> = {
  lundi: 'monday',
  mardi: 'tuesday',
  mercredi: 'wednesday',
  jeudi: 'thursday',
  vendredi: 'friday',
  samedi: 'saturday',
  dimanche: 'sunday',
  horaires: 'hours',
  horaire: 'hours',
  heures: 'hours',
  chapitres: 'chapters',
  chapitre: 'chapters',
  agences: 'agencies',
  agence: 'agencies',
  titre: 'title',
  'sous-titre': 'subtitle',
  soustitre: 'subtitle',
  nom: 'name',
  nom_court: 'short_name',
  adresse: 'address',
  telephone: 'phone',
  numero: 'number',
  prix: 'price',
  site: 'website',
  reseaux: 'social',
  carte: 'map',
  legende: 'legend',
  caisse: 'office',
  exemple: 'example',
  langue: 'language',
  edition: 'edition',
  regles: 'rules',
  livret: 'booklet',
  sur_rendez_vous: 'appointment_only',
  rendez_vous: 'appointment_only',
  verification: 'check',
};

/** The English key for a French word, when that key is one of `known`. */
export function englishKeyFor(word: string, known: readonly string[]): string | undefined {
  const english = FRENCH_KEYS[foldForMatching(word).replace(/[\s-]+/g, '_')] ?? FRENCH_KEYS[foldForMatching(word)];
  return english !== undefined && known.includes(english) ? english : undefined;
}

/** The closest of `known` to `typed`, if it looks like a typo of it. */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const folded = foldForMatching(typed);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const gap = distance(folded, foldForMatching(name));
    if (!best || gap < best.distance) best = { name, distance: gap };
  }
  if (!best) return undefined;
  // Two letters swapped ("biuld") are two edits: allowed from four letters on.
  const length = Math.max(folded.length, best.name.length);
  const allowed = length <= 3 ? 1 : Math.max(2, Math.floor(length / 3));
  return best.distance <= allowed ? best.name : undefined;
}

/** The English key or the closest name: the suggestion for an unknown name. */
export function suggestName(typed: string, known: readonly string[]): string | undefined {
  return englishKeyFor(typed, known) ?? closestName(typed, known);
}

/** `; vouliez-vous dire « x » ?`, or '' when nothing is close. */
export function didYouMean(typed: string, known: readonly string[], separator = t('suggest.joiner')): string {
  const name = suggestName(typed, known);
  return name === undefined ? '' : `${separator}${t('suggest.didYouMean', { name })}`;
}
