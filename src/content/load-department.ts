import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { readYamlFile } from './read-text-file.js';
import { parseYamlSource } from './yaml-document.js';
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
  const source = await readYamlFile(
    file,
    shown,
    () => new LivretError(`no department file for "${code}"; create it with \`livret init-department ${code}\` or check the code`, { file: shown }),
  );
  const department = parseDepartment(source, shown);
  if (department.code !== code) {
    const { line, col } = positionOfKey(source, ['code']);
    throw new LivretError(
      `code: the file is named ${code}.yaml but says code "${department.code}"; make them the same`,
      { file: shown, line, column: col },
    );
  }
  return department;
}

export function parseDepartment(source: string, shownPath: string): Department {
  const { document, lineCounter, value } = parseYamlSource(source, shownPath, { uniqueKeys: true });
  const parsed = departmentSchema.safeParse(value ?? {});
  if (!parsed.success) throw schemaError(parsed.error, document, lineCounter, shownPath);
  return parsed.data;
}

type KeyPath = ReadonlyArray<string | number>;

/** `agencies[2].hours.monday[0]`: how a key is named in messages. */
export function formatKeyPath(keys: KeyPath): string {
  return keys
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
    .join('')
    .replace(/^\./, '');
}

/** The first problem, located at its key; the count of the others so the editor knows there is more to fix. */
function schemaError(error: z.ZodError, document: Document, lineCounter: LineCounter, shownPath: string): LivretError {
  const issue = error.issues[0]!;
  const issuePath = issue.path as KeyPath;
  let keys: KeyPath = issuePath;
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') {
    keys = [...issuePath, issue.keys[0]!];
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    what = `unknown field ${names}: remove it or check its spelling`;
  } else if (issue.code === 'invalid_type' && !document.hasIn(issuePath)) {
    what = `missing field "${String(issuePath.at(-1) ?? '')}" (${issue.expected}): add it`;
  }
  const position = lineCounter.linePos(offsetOfPath(document, keys));
  const others = error.issues.length - 1;
  const more = others > 0 ? ` (${others} more problem${others > 1 ? 's' : ''} after this one)` : '';
  const name = formatKeyPath(keys);
  return new LivretError(`${name ? `${name}: ` : ''}${what}${more}`, {
    file: shownPath,
    line: position.line,
    column: position.col,
  });
}

/**
 * Source offset of `keys`: the key itself when it exists (that is the line an
 * editor looks for), else the deepest key that exists on the way.
 */
function offsetOfPath(document: Document, keys: KeyPath): number {
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

/** Line and column of a key in a source, for checks made after validation. */
export function positionOfKey(source: string, keys: KeyPath): { line: number; col: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  return lineCounter.linePos(offsetOfPath(document, keys));
}
