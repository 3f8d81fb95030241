import { describe, expect, it } from 'vitest';
import { agencyPlace } from '../../src/content/variables.js';
import { loadDepartment } from '../../src/content/load-department.js';
import { listDepartments } from '../../src/pipeline.js';
import { SAMPLE } from '../../src/tools/screenshots/sample-person.js';
import { REPO_ROOT } from '../helpers/project.js';

/**
 * The sample screenshots and the RIB example go into every département's
 * booklet: their data must be neutral. A map is drawn for one département and
 * only its file names it.
 */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

const codes = await listDepartments(REPO_ROOT);
const departments = await Promise.all(codes.map((code) => loadDepartment(REPO_ROOT, code)));
const sampleText = fold(JSON.stringify(SAMPLE));

describe('pictures belong to their département', () => {
  it('there are department files to check', () => {
    expect(codes.length).toBeGreaterThanOrEqual(3);
  });

  it.each(codes)('%s: the sample pictures carry none of its postal codes, towns or office names', (code) => {
    const department = departments[codes.indexOf(code)]!;
    const addressLines = [...department.office.address, ...department.agencies.flatMap((agency) => agency.address ?? [])];
    const postalCodes = addressLines.flatMap((line) => line.match(/\b\d{5}\b/g) ?? []);
    const towns = [
      ...department.agencies.map((agency) => agencyPlace(agency.name)),
      ...addressLines.map((line) => line.replace(/^.*\b\d{5}\s+/, '').replace(/\s+CEDEX.*$/i, '')).filter((town) => /^\p{Lu}/u.test(town)),
      department.name,
    ];
    expect(postalCodes.length).toBeGreaterThan(0);
    for (const postalCode of postalCodes) expect(sampleText, postalCode).not.toMatch(new RegExp(`(?<!\\d)${postalCode}(?!\\d)`));
    for (const town of towns) expect(sampleText, town).not.toContain(fold(town));
    expect(sampleText).not.toContain(fold(department.office.short_name));
  });

  it('the former Orne data would have been caught', () => {
    expect(fold(JSON.stringify({ ...SAMPLE, postalCode: '61000', city: 'ALENÇON' }))).toMatch(/(?<!\d)61000(?!\d)/);
  });

  it('a map is named by one département file only', () => {
    const maps = departments.flatMap((department) => (department.map ? [department.map.src] : []));
    expect(new Set(maps).size).toBe(maps.length);
  });
});
