import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { DEPARTMENT_SCHEMA_PATH, departmentJsonSchemaText } from './json-schema.js';

/**
 * Writes schemas/department.schema.json from the zod schema:
 * `npx tsx src/departments/export-schema.ts`. A test fails when the committed
 * file and the schema drift apart.
 */
export async function exportDepartmentSchema(root: string = PACKAGE_ROOT): Promise<string> {
  const target = path.join(root, DEPARTMENT_SCHEMA_PATH);
  await writeFile(target, departmentJsonSchemaText());
  return target;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = await exportDepartmentSchema();
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
