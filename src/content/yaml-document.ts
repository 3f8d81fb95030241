import { LineCounter, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { LivretError } from '../errors.js';
import { frenchBytes, frenchNumber, INPUT_LIMITS } from './input-limits.js';

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
    throw new LivretError(`YAML syntax error: ${yamlError.message.split('\n')[0]}`, { file: shownPath, line, column: col });
  }
  return { document, lineCounter, value: toPlainData(document, lineCounter, shownPath) };
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


