import { z } from 'zod';
import { departmentSchema } from '../content/department-schema.js';

/** Where the committed JSON Schema lives, relative to the project root. */
export const DEPARTMENT_SCHEMA_PATH = 'schemas/department.schema.json';

/**
 * The department file's JSON Schema, generated from the zod schema so that
 * the two never disagree. Draft 7, which editors (VS Code YAML) understand;
 * "input" shape, so fields with a default are optional as in the YAML.
 */
export function departmentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(departmentSchema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
}

/** The file's text: stable key order, two-space indent, final newline (diff-friendly). */
export function departmentJsonSchemaText(): string {
  return `${JSON.stringify(departmentJsonSchema(), null, 2)}\n`;
}
