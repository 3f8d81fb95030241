import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { departmentSchema, type Department } from './department-schema.js';

/** `content/departments/<code>.yaml` of a project. */
export function departmentFile(projectRoot: string, code: string): string {
  return path.join(projectRoot, 'content', 'departments', `${code}.yaml`);
}

/**
 * Reads and validates one department file. Errors name the file, the line and
 * the key (`agencies[2].hours.monday[0]`), so a CPAM editor can fix them.
 */
export async function loadDepartment(projectRoot: string, code: string): Promise<Department> {
  const file = departmentFile(projectRoot, code);
  const shown = displayPath(projectRoot, file);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new LivretError(
      `no department file for "${code}"; create it with \`livret init-department ${code}\` or check the code`,
      { file: shown },
    );
  }
  return parseDepartment(source, shown);
}

export function parseDepartment(source: string, shownPath: string): Department {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const position = lineCounter.linePos(yamlError.pos[0]);
    throw new LivretError(`YAML syntax error: ${firstLine(yamlError.message)}`, {
      file: shownPath,
      line: position.line,
      column: position.col,
    });
  }
  const parsed = departmentSchema.safeParse(document.toJS());
  if (!parsed.success) throw schemaError(parsed.error, document, lineCounter, shownPath);
  return parsed.data;
}

function schemaError(error: z.ZodError, document: Document, lineCounter: LineCounter, shownPath: string): LivretError {
  const issue = error.issues[0]!;
  const keyPath = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  const offset = offsetOfPath(document, issue.path as ReadonlyArray<string | number>);
  const position = lineCounter.linePos(offset);
  const what = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it or check its spelling` : issue.message;
  return new LivretError(`${keyPath ? `${keyPath}: ` : ''}${what}`, { file: shownPath, line: position.line, column: position.col });
}

/** Source offset of the deepest node that exists along `keys` (the key itself when the value is missing). */
function offsetOfPath(document: Document, keys: ReadonlyArray<string | number>): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = pair.value;
      offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
