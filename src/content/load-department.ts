import { LineCounter, parseDocument } from 'yaml';
import { LivretError } from '../errors.js';
import { departmentFile, displayPath } from '../paths.js';
import { readYamlFile } from './read-text-file.js';
import { parseYamlSource } from './yaml-document.js';
import { departmentSchema, type Department } from './department-schema.js';
import { offsetOfPath, parseWithSchema, type KeyPath } from './yaml-issues.js';
import { t } from '../i18n/index.js';

export { departmentFile };

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
    () => new LivretError(t('error.departmentMissing', { code }), { file: shown }),
  );
  const department = parseDepartment(source, shown);
  if (department.code !== code) {
    const { line, col } = positionOfKey(source, ['code']);
    throw new LivretError(t('error.departmentCodeMismatch', { code, written: department.code }), { file: shown, line, column: col });
  }
  return department;
}

export function parseDepartment(source: string, shownPath: string): Department {
  const yaml = parseYamlSource(source, shownPath, { uniqueKeys: true });
  return parseWithSchema(departmentSchema, yaml.value ?? {}, yaml, shownPath);
}

export { formatKeyPath } from './yaml-issues.js';

/** Line and column of a key in a source, for checks made after validation. */
export function positionOfKey(source: string, keys: KeyPath): { line: number; col: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  return lineCounter.linePos(offsetOfPath(document, keys));
}
