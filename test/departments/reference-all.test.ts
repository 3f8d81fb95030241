import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withArticle } from '../../src/content/department-names.js';
import type { Department } from '../../src/content/department-schema.js';
import { loadDepartment } from '../../src/content/load-department.js';
import { describeOpeningHours } from '../../src/content/opening-hours.js';
import { buildAllDepartments, type AllDepartmentsResult } from '../../src/departments/build-all.js';
import { normaliseForSearch, readPdf } from '../../src/verify/read-pdf.js';
import { cleanUpTempDirs, makeTempDir } from './temp-dirs.js';

cleanUpTempDirs();

/**
 * The reference booklet built for every department of content/departments/
 * (as `livret build --department all` does), each PDF read back: its own
 * office and agencies, none of another department's.
 */
const repo = path.join(import.meta.dirname, '..', '..');
const codes = ['14', '50', '61'];

describe('reference booklet for every department', () => {
  let result: AllDepartmentsResult;
  const departments = new Map<string, Department>();
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const outDir = makeTempDir('livret-reference-all-');
    result = await buildAllDepartments({ projectRoot: repo, outDir });
    for (const built of result.built) {
      const readback = await readPdf(new Uint8Array(readFileSync(built.outputPath)));
      texts.set(built.code, normaliseForSearch(readback.pages.map((page) => page.text).join('\n')));
      departments.set(built.code, await loadDepartment(repo, built.code));
    }
  });

  it('builds one PDF per department file', () => {
    expect(result.failed).toEqual([]);
    expect(result.built.map((built) => built.code)).toEqual(expect.arrayContaining(codes));
    for (const built of result.built) expect(path.basename(path.dirname(built.outputPath))).toBe(built.code);
  });

  it.each(codes)('%s: its own office name with the right article, agencies, addresses and hours', (code) => {
    const text = texts.get(code)!;
    const department = departments.get(code)!;
    expect(text).toContain(normaliseForSearch(`Bienvenue à la CPAM ${withArticle(department)}`));
    expect(text).toContain(normaliseForSearch(department.office.name));
    for (const agency of department.agencies) {
      expect(text).toContain(normaliseForSearch(agency.name));
      for (const line of agency.address) expect(text).toContain(normaliseForSearch(line));
      for (const sentence of agency.hours ? describeOpeningHours(agency.hours) : []) expect(text).toContain(normaliseForSearch(sentence));
    }
  });

  it.each(codes)('%s: nothing of another department', (code) => {
    const text = texts.get(code)!;
    for (const [other, department] of departments) {
      if (other === code) continue;
      expect(text, `${other} in ${code}`).not.toContain(normaliseForSearch(department.office.short_name));
      for (const agency of department.agencies) expect(text, `${agency.name} in ${code}`).not.toContain(normaliseForSearch(agency.name));
    }
  });

  it('marks the example departments, and only them', () => {
    const mark = normaliseForSearch('EXEMPLE : adresses et horaires à vérifier par la CPAM');
    for (const [code, department] of departments) expect(texts.get(code)!.includes(mark), code).toBe(department.example);
  });
});
