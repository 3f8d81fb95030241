import { isCollection, isPair, LineCounter, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { LivretError, type SourceLocation } from '../errors.js';
import { frenchBytes, frenchNumber, INPUT_LIMITS } from './input-limits.js';
import { t } from '../i18n/index.js';

/**
 * A YAML file parsed with its line numbers kept: a syntax error becomes a
 * LivretError at its line and column, and callers can name the line of a key
 * when the content is wrong. Every YAML file of a project goes through here,
 * so the limits on size and aliases hold for all of them.
 */
export interface YamlSource {
  document: Document;
  lineCounter: LineCounter;
  /** The document as plain data, aliases expanded (at most INPUT_LIMITS.yamlAliases). */
  value: unknown;
}

export function parseYamlSource(
  source: string,
  shownPath: string,
  options: ParseOptions & DocumentOptions & SchemaOptions = {},
): YamlSource {
  if (Buffer.byteLength(source) > INPUT_LIMITS.yamlBytes) {
    throw new LivretError(
      `ce fichier YAML fait ${frenchBytes(Buffer.byteLength(source))}, plus que la limite de ${frenchBytes(INPUT_LIMITS.yamlBytes)} ; gardez-y seulement les réglages et les données du livret`,
      { file: shownPath, line: 1 },
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { ...options, lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    // The yaml package reports its own stack overflow on very deep nesting as a syntax error.
    if (/call stack/i.test(yamlError.message)) throw tooDeep({ file: shownPath, line, column: col });
    throw new LivretError(t('error.yamlSyntax', { message: yamlError.message.split('\n')[0]! }), { file: shownPath, line, column: col });
  }
  assertYamlDepth(document, lineCounter, shownPath);
  return { document, lineCounter, value: toPlainData(document, lineCounter, shownPath) };
}

function tooDeep(where: SourceLocation): LivretError {
  return new LivretError(
    `trop de listes et de tableaux YAML les uns dans les autres (plus de ${INPUT_LIMITS.yamlDepth} niveaux) ; écrivez les données à plat`,
    where,
  );
}

/** Nesting past the limit is refused before zod or any other recursive walk meets it (walked here without recursion). */
function assertYamlDepth(document: Document, lineCounter: LineCounter, shownPath: string): void {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= INPUT_LIMITS.yamlDepth) {
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      throw tooDeep({ file: shownPath, line, column: col });
    }
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
}

/**
 * Aliases (`*name`) repeat what an anchor (`&name`) holds; nested, a few lines
 * can expand to billions of values (an "alias bomb"). The yaml package stops
 * past `maxAliasCount`; that becomes a message at the first alias.
 */
function toPlainData(document: Document, lineCounter: LineCounter, shownPath: string): unknown {
  try {
    return document.toJS({ maxAliasCount: INPUT_LIMITS.yamlAliases });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = lineCounter.linePos(offset);
    throw new LivretError(
      `ce fichier répète trop de données par des alias (*nom) : plus de ${frenchNumber(INPUT_LIMITS.yamlAliases)} après expansion ; écrivez les valeurs en entier au lieu d'alias imbriqués`,
      { file: shownPath, line, column: col },
    );
  }
}


