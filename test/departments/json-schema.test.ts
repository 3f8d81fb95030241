import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SCHEMA_PATH, departmentJsonSchema, departmentJsonSchemaText } from '../../src/departments/json-schema.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('department JSON Schema', () => {
  it('is committed exactly as the zod schema generates it (run `npx tsx src/departments/export-schema.ts`)', () => {
    expect(readFileSync(path.join(root, DEPARTMENT_SCHEMA_PATH), 'utf8')).toBe(departmentJsonSchemaText());
  });

  it('refuses unknown fields and requires the office and agencies, as the loader does', () => {
    const schema = departmentJsonSchema() as { additionalProperties: unknown; required: string[]; properties: Record<string, { type?: string }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['code', 'name', 'office', 'agencies']));
    expect(schema.required).not.toContain('example');
    expect(schema.required).not.toContain('article');
  });

  it('is what every department file points its editor to', () => {
    const folder = path.join(root, 'content', 'departments');
    const names = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    expect(names).toEqual(expect.arrayContaining(['14.yaml', '50.yaml']));
    for (const name of names) {
      const first = readFileSync(path.join(folder, name), 'utf8').split('\n')[0];
      expect(first, name).toBe('# yaml-language-server: $schema=../../schemas/department.schema.json');
    }
  });
});
