import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Finding } from '../check/report.js';
import { departmentFile, formatKeyPath } from '../content/load-department.js';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { TODO } from './starter-file.js';
import { t } from '../i18n/index.js';

export type { Finding };

interface ScalarAt {
  keys: Array<string | number>;
  start: number;
  end: number;
}

/** Every scalar value of the document with its key path and source range. */
function scalarsOf(node: unknown, keys: Array<string | number>, into: ScalarAt[]): ScalarAt[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      scalarsOf(pair.value, [...keys, key], into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => scalarsOf(item, [...keys, index], into));
  } else if (isScalar(node)) {
    const range = (node as YamlNode).range;
    if (range) into.push({ keys, start: range[0], end: range[1] });
  }
  return into;
}

/**
 * The TODO markers left in a department file (rule `department-todo`, severity error) (by `livret init-department` or
 * by an editor), one error finding each, so that `livret check` fails until
 * the file is complete. A marker in a value names its key; one in a comment
 * asks for the comment's instruction to be done.
 */
export function findTodoMarkers(projectRoot: string, code: string): Finding[] {
  const file = departmentFile(projectRoot, code);
  const shown = displayPath(projectRoot, file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new LivretError(t('error.departmentMissing', { code }), { file: shown });
  }
  return todoMarkersIn(source, shown);
}

export function todoMarkersIn(source: string, shown: string): Finding[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const scalars = scalarsOf(document.contents, [], []);
  const findings: Finding[] = [];
  for (const match of source.matchAll(new RegExp(`\\b${TODO}\\b`, 'g'))) {
    const offset = match.index;
    const { line, col } = lineCounter.linePos(offset);
    const inValue = scalars.find((scalar) => scalar.start <= offset && offset < scalar.end);
    const message = inValue ? t('finding.departmentTodo.value', { key: formatKeyPath(inValue.keys) }) : t('finding.departmentTodo.comment');
    findings.push({ file: shown, line, column: col, rule: 'department-todo', severity: 'error', message });
  }
  return findings;
}
