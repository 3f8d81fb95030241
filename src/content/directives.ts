import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { LivretError, type SourceLocation } from '../errors.js';
import { t } from '../i18n/index.js';
import { suggestName } from '../i18n/suggest.js';

/**
 * The directive names of the content contract (DESIGN.md). Anything else is
 * an error with its position: a typo must not silently drop a block.
 */
export const CONTAINER_DIRECTIVES = ['steps', 'warning'] as const;
export const LEAF_DIRECTIVES = ['picto', 'screenshot', 'agencies', 'contact', 'notes'] as const;
export const TEXT_DIRECTIVES = ['term', 'chapitre'] as const;

export type AnyDirective = ContainerDirective | LeafDirective | TextDirective;

const SYNTAX: Record<AnyDirective['type'], { marker: string; names: readonly string[] }> = {
  containerDirective: { marker: ':::', names: CONTAINER_DIRECTIVES },
  leafDirective: { marker: '::', names: LEAF_DIRECTIVES },
  textDirective: { marker: ':', names: TEXT_DIRECTIVES },
};

/** Directive names a French writer may type, and the one they mean. */
const FRENCH_DIRECTIVES: Readonly<Record<string, string>> = {
  agences: 'agencies',
  etapes: 'steps',
  attention: 'warning',
  avertissement: 'warning',
  capture: 'screenshot',
  pictogramme: 'picto',
  image: 'picto',
  terme: 'term',
  mot: 'term',
};

export function assertKnownDirective(node: AnyDirective, where: SourceLocation): void {
  const { marker, names } = SYNTAX[node.type];
  if (names.includes(node.name)) return;
  const all = Object.values(SYNTAX).flatMap((syntax) => syntax.names.map((name) => `${syntax.marker}${name}`));
  const close = suggestName(node.name, [...names, ...Object.keys(FRENCH_DIRECTIVES)]);
  const meant = close === undefined ? undefined : (FRENCH_DIRECTIVES[close] ?? close);
  const hint = node.type === 'textDirective' ? t('error.colonDirective') : '';
  const joiner = t('suggest.joiner');
  const suggestion = meant ? `${joiner}${t('suggest.didYouMean', { name: `${marker}${meant}` })}` : `${joiner}${t('suggest.useOneOf', { names: all.join(', ') })}`;
  throw new LivretError(`${t('error.unknownDirective', { name: `${marker}${node.name}` })}${suggestion}${hint}`, where);
}

export function attribute(node: AnyDirective, name: string): string | undefined {
  const value = node.attributes?.[name];
  return value === null || value === undefined || value === '' ? undefined : value;
}

export function requiredAttribute(node: AnyDirective, name: string, example: string, where: SourceLocation): string {
  const value = attribute(node, name);
  if (value === undefined) throw new LivretError(t('error.directive.needsAttribute', { directive: node.name, name, example }), where);
  return value;
}

export function integerAttribute(node: AnyDirective, name: string, fallback: number, range: [number, number], where: SourceLocation): number {
  const raw = attribute(node, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new LivretError(`${name}="${raw}" must be a whole number from ${range[0]} to ${range[1]}`, where);
  }
  return value;
}
