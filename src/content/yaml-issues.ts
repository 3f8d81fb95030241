import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { LivretError } from '../errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import { didYouMean, englishKeyFor } from '../i18n/suggest.js';

/**
 * A YAML file's content checked by a zod schema, the problems told in the
 * writer's language at the line of their key: "champ inconnu « lundi » : les
 * champs s'écrivent en anglais, écrivez « monday »". Used by the department
 * files, booklet.yaml and livret.config.yaml.
 */
export type KeyPath = ReadonlyArray<string | number>;

/** `agencies[2].hours.monday[0]`: how a key is named in messages. */
export function formatKeyPath(keys: KeyPath): string {
  return keys
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
    .join('')
    .replace(/^\./, '');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function typeLabel(type: string): string {
  const key = `schema.type.${type}` as MessageKey;
  const label = t(key);
  return label === key ? type : label;
}

/** zod's issue in words (schemas with their own message keep it: the per-parse map only fills the others). */
export const frenchIssues: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return t('schema.expected', { expected: typeLabel(issue.expected), received: typeLabel(typeName(issue.input)) });
    case 'too_small':
      if (issue.origin === 'array') return t('schema.tooSmall.array', { count: Number(issue.minimum) });
      if (issue.origin === 'string') return t('schema.tooSmall.string');
      return t('schema.tooSmall.other', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return t('schema.tooBig.array', { count: Number(issue.maximum) });
      return t('schema.tooBig.other', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'date' ? t('schema.date') : t('schema.invalid');
    case 'unrecognized_keys':
      return t('schema.unknownKey', { key: issue.keys.join(', ') });
    case 'invalid_value':
      return t('schema.oneOf', { values: issue.values.map((value) => `"${String(value)}"`).join(', ') });
    default:
      return t('schema.invalid');
  }
};

/** The keys a strict object of `schema` accepts at `keys` (array items and optional values looked through). */
export function knownKeysAt(schema: z.ZodType, keys: KeyPath): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    for (;;) {
      const def: z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType } = node!._zod.def;
      if (def.innerType) node = def.innerType;
      else if (def.type === 'pipe' && def.in) node = def.in;
      else return;
    }
  };
  for (const key of keys) {
    unwrap();
    const def = node._zod.def as z.core.$ZodTypeDef & { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    if (typeof key === 'number' && def.element) node = def.element;
    else if (typeof key === 'string' && def.shape) node = def.shape[key];
    else if (typeof key === 'string' && def.valueType) node = def.valueType;
    else return [];
    if (!node) return [];
  }
  unwrap();
  const shape = (node._zod.def as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The message for an unknown key, with the English key a French word means or the closest known key. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const english = englishKeyFor(key, known);
  if (english) return t('schema.unknownKeyFrench', { key, name: english });
  return `${t('schema.unknownKey', { key })}${didYouMean(key, known)}`;
}

/** Validates `value` with `schema`: the data, or a LivretError at the first problem's line (unknown keys first: they explain missing ones). */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  yaml: { document: Document; lineCounter: LineCounter },
  shownPath: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value, { error: frenchIssues });
  if (parsed.success) return parsed.data;
  throw schemaError(parsed.error, schema, yaml.document, yaml.lineCounter, shownPath);
}

export function schemaError(error: z.ZodError, schema: z.ZodType, document: Document, lineCounter: LineCounter, shownPath: string): LivretError {
  const issues = [...error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const issue = issues[0]!;
  const issuePath = issue.path as KeyPath;
  let keys: KeyPath = issuePath;
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    keys = [...issuePath, key];
    what = unknownKeyMessage(key, knownKeysAt(schema, issuePath));
  } else if (issue.code === 'invalid_type' && !document.hasIn(issuePath)) {
    what = t('schema.missing', { key: String(issuePath.at(-1) ?? ''), expected: typeLabel(issue.expected) });
  }
  const position = lineCounter.linePos(offsetOfPath(document, keys));
  const more = issues.length > 1 ? t('schema.more', { count: issues.length - 1 }) : '';
  const name = formatKeyPath(keys);
  return new LivretError(`${name ? t('schema.at', { key: name, message: what }) : what}${more}`, { file: shownPath, line: position.line, column: position.col });
}

/**
 * Source offset of `keys`: the key itself when it exists (that is the line an
 * editor looks for), else the deepest key that exists on the way.
 */
export function offsetOfPath(document: Document, keys: KeyPath): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null | undefined)?.range?.[0];
}

