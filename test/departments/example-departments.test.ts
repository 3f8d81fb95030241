import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withArticle } from '../../src/content/department-names.js';
import { loadDepartment } from '../../src/content/load-department.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('example departments (14, 50)', () => {
  it.each([
    ['14', 'du Calvados', 'CPAM du Calvados'],
    ['50', 'de la Manche', 'CPAM de la Manche'],
  ])('%s loads, with its article, and is marked as an example', async (code, named, shortName) => {
    const department = await loadDepartment(root, code);
    expect(withArticle(department)).toBe(named);
    expect(department.office.short_name).toBe(shortName);
    expect(department.example).toBe(true);
    expect(department.office.phone.number).toBe('36 46');
  });

  it.each(['14', '50'])('%s flags every address line and every hour "À VÉRIFIER par la CPAM"', async (code) => {
    const department = await loadDepartment(root, code);
    const lines = readFileSync(path.join(root, 'content', 'departments', `${code}.yaml`), 'utf8').split('\n');
    const addressLines = [...department.office.address, ...department.agencies.flatMap((agency) => agency.address)];
    for (const address of addressLines) {
      const line = lines.find((text) => text.includes(`- ${address} #`));
      expect(line, address).toMatch(/# À VÉRIFIER par la CPAM$/);
    }
    const hourLines = lines.filter((text) => /^\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday):/.test(text));
    expect(hourLines.length).toBeGreaterThan(5);
    for (const line of hourLines) expect(line).toMatch(/# À VÉRIFIER par la CPAM$/);
  });

  it('uses no phone number other than the national 36 46', () => {
    for (const code of ['14', '50']) {
      const text = readFileSync(path.join(root, 'content', 'departments', `${code}.yaml`), 'utf8');
      const phones = text.match(/\b\d{2}(?: \d{2}){1,4}\b/g) ?? [];
      expect(phones.filter((phone) => phone !== '36 46')).toEqual([]);
    }
  });
});
