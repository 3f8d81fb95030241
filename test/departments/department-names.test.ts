import { describe, expect, it } from 'vitest';
import { articleFor, inseeDepartments, withArticle } from '../../src/content/department-names.js';

describe('article before the département name', () => {
  const insee = inseeDepartments();
  const named = (code: string) => ({ code, name: insee.get(code)!.name });

  it.each([
    ['61', "de l'Orne"],
    ['14', 'du Calvados'],
    ['50', 'de la Manche'],
    ['08', 'des Ardennes'],
    ['28', "d'Eure-et-Loir"],
    ['2A', 'de la Corse-du-Sud'],
    ['75', 'de Paris'],
    ['974', 'de La Réunion'],
  ])('%s → %s', (code, expected) => {
    expect(withArticle(named(code))).toBe(expected);
  });

  it('lets the department file override INSEE ("CPAM de Moselle")', () => {
    expect(withArticle({ code: '57', name: 'Moselle' })).toBe('de la Moselle');
    expect(withArticle({ code: '57', name: 'Moselle', article: 'de ' })).toBe('de Moselle');
    expect(articleFor({ code: '61', article: 'du ' })).toBe('du ');
  });

  it('falls back to "de" for a code INSEE does not list', () => {
    expect(withArticle({ code: '99', name: 'Ailleurs' })).toBe('de Ailleurs');
  });

  it('lists the 101 départements with their names', () => {
    expect(insee.size).toBe(101);
    expect(insee.get('2B')).toMatchObject({ name: 'Haute-Corse', article: 'de la ' });
    expect(insee.get('01')).toMatchObject({ name: 'Ain', article: "de l'" });
  });
});
