import { LineCounter, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { LivretError } from '../errors.js';

/**
 * A YAML file parsed with its line numbers kept: a syntax error becomes a
 * LivretError at its line and column, and callers can name the line of a key
 * when the content is wrong. Every YAML file of a project goes through here.
 */
export interface YamlSource {
  document: Document;
  lineCounter: LineCounter;
}

export function parseYamlSource(
  source: string,
  shownPath: string,
  options: ParseOptions & DocumentOptions & SchemaOptions = {},
): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { ...options, lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new LivretError(`YAML syntax error: ${yamlError.message.split('\n')[0]}`, { file: shownPath, line, column: col });
  }
  return { document, lineCounter };
}
