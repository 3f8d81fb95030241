import path from 'node:path';
import { isMap, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { readYamlFile } from '../content/read-text-file.js';
import { parseYamlSource } from '../content/yaml-document.js';
import { LivretError } from '../errors.js';
import { ALL_RULE_IDS, findRule } from '../rules/preset.js';
import type { Severity } from '../rules/check-rule.js';
import { t } from '../i18n/index.js';
import { didYouMean } from '../i18n/suggest.js';
import { frenchIssues, unknownKeyMessage } from '../content/yaml-issues.js';

/**
 * Rule settings, ESLint style: `livret.config.yaml` at the project root, then
 * the booklet's `check:` section in booklet.yaml, each rule given as a
 * severity (`off`, `warn`, `error`) or `[severity, { options }]`. Options not
 * given keep the defaults of EASY-READ.md (src/rules/preset.ts).
 */
export const CONFIG_FILE = 'livret.config.yaml';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export type CheckConfig = ReadonlyMap<string, RuleSetting>;

const severitySchema = z.enum(['off', 'warn', 'error']);
const ruleEntrySchema = z.union([
  severitySchema,
  z.tuple([severitySchema]),
  z.tuple([severitySchema, z.record(z.string(), z.unknown())]),
]);
const configSchema = z.strictObject({
  /** The booklet built when none is named (read by src/content/booklet-config.ts). */
  booklet: z.string().min(1).optional(),
  rules: z.record(z.string(), ruleEntrySchema).default({}),
});

type RawRules = Record<string, z.infer<typeof ruleEntrySchema>>;

export interface ConfigLayer {
  /** Where the settings come from, for error messages. */
  file: string;
  value: unknown;
  /** Line of a key path in the source, when known. */
  lineOf?: (keys: readonly (string | number)[]) => number | undefined;
}

/** The defaults alone (no configuration file). */
export function defaultConfig(): CheckConfig {
  return resolveConfig([]);
}

/** Reads livret.config.yaml (if any) and the booklet's overrides, validated. */
export async function loadCheckConfig(projectRoot: string, bookletOverrides?: unknown, bookletFile = 'booklet.yaml'): Promise<CheckConfig> {
  const layers: ConfigLayer[] = [];
  const projectLayer = await readConfigFile(projectRoot);
  if (projectLayer) layers.push(projectLayer);
  if (bookletOverrides !== undefined) layers.push({ file: `${bookletFile} (check)`, value: bookletOverrides });
  return resolveConfig(layers);
}

async function readConfigFile(projectRoot: string): Promise<ConfigLayer | undefined> {
  const file = path.join(projectRoot, CONFIG_FILE);
  const missing = new Error('no config file');
  const source = await readYamlFile(file, CONFIG_FILE, (error) =>
    error.code === 'ENOENT' ? missing : new LivretError(t('error.config.unreadable', { file: CONFIG_FILE, reason: error.message }), { file: CONFIG_FILE }),
  ).catch((error: unknown) => {
    if (error === missing) return undefined;
    throw error;
  });
  if (source === undefined) return undefined;
  const { document, lineCounter, value } = parseYamlSource(source, CONFIG_FILE);
  return { file: CONFIG_FILE, value: value ?? {}, lineOf: (keys) => lineOfKey(document, lineCounter, keys) };
}

function lineOfKey(document: Document, lineCounter: LineCounter, keys: readonly (string | number)[]): number | undefined {
  for (let depth = keys.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(keys.slice(0, depth - 1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === keys[depth - 1]);
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return undefined;
}

export function resolveConfig(layers: readonly ConfigLayer[]): CheckConfig {
  const raw: RawRules = {};
  const origins = new Map<string, ConfigLayer>();
  for (const layer of layers) {
    const parsed = configSchema.safeParse(layer.value ?? {}, { error: frenchIssues });
    if (!parsed.success) throw layerError(layer, parsed.error.issues[0]);
    for (const [id, entry] of Object.entries(parsed.data.rules)) {
      if (!findRule(id)) {
        throw new LivretError(`${t('error.unknownRule', { id })}${didYouMean(id, ALL_RULE_IDS) || `${t('suggest.joiner')}${t('suggest.useOneOf', { names: ALL_RULE_IDS.join(', ') })}`}`, {
          file: layer.file,
          line: layer.lineOf?.(['rules', id]),
        });
      }
      raw[id] = mergeEntry(raw[id], entry);
      origins.set(id, layer);
    }
  }
  const config = new Map<string, RuleSetting>();
  for (const id of ALL_RULE_IDS) {
    const found = findRule(id)!;
    const [severity, options] = normaliseEntry(raw[id] ?? found.rule.severity);
    const parsed = found.rule.options.safeParse(options, { error: frenchIssues });
    if (!parsed.success) {
      const layer = origins.get(id);
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new LivretError(t('error.ruleOption', { id, where, message: issue?.message ?? t('schema.invalid') }), {
        file: layer?.file ?? CONFIG_FILE,
        line: layer?.lineOf?.(['rules', id]),
      });
    }
    config.set(id, { severity, options: parsed.data as Record<string, unknown> });
  }
  return config;
}

function normaliseEntry(entry: z.infer<typeof ruleEntrySchema>): [Severity, Record<string, unknown>] {
  if (typeof entry === 'string') return [entry, {}];
  return [entry[0], entry[1] ?? {}];
}

/** A later layer's severity wins; its options are laid over the earlier ones. */
function mergeEntry(earlier: z.infer<typeof ruleEntrySchema> | undefined, later: z.infer<typeof ruleEntrySchema>): z.infer<typeof ruleEntrySchema> {
  if (earlier === undefined) return later;
  const [, earlierOptions] = normaliseEntry(earlier);
  const [severity, laterOptions] = normaliseEntry(later);
  return [severity, { ...earlierOptions, ...laterOptions }];
}

function layerError(layer: ConfigLayer, issue: z.core.$ZodIssue | undefined): LivretError {
  const keys = issue?.path.filter((key): key is string | number => typeof key !== 'symbol') ?? [];
  const hint = keys[0] === 'rules' ? t('error.ruleEntryHint') : t('error.configHint');
  const what = issue?.code === 'unrecognized_keys' ? unknownKeyMessage(issue.keys[0]!, ['booklet', 'rules']) : (issue?.message ?? t('schema.invalid'));
  return new LivretError(`${keys.join('.') || 'configuration'}: ${what}${hint}`, {
    file: layer.file,
    line: layer.lineOf?.(keys),
  });
}
