import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PACKAGE_ROOT } from '../paths.js';
import type { Article, Department } from './department-schema.js';

/**
 * French grammar for département names: "de l'Orne", "du Calvados",
 * "de la Manche", "des Ardennes", "d'Eure-et-Loir". INSEE's TNCC code gives
 * the article; the department file's own `article` always wins (official CPAM
 * names do not always follow INSEE, e.g. "CPAM de Moselle").
 */
export type { Article };

/** TNCC → the preposition + article used in "la CPAM ___ <nom>". */
const ARTICLE_BY_TNCC: Readonly<Record<string, Article>> = {
  '0': 'de ',
  '1': "d'",
  '2': 'du ',
  '3': 'de la ',
  '4': 'des ',
  '5': "de l'",
};

export interface InseeDepartment {
  code: string;
  name: string;
  chiefTown: string;
  article: Article;
}

let inseeCache: Map<string, InseeDepartment> | undefined;

/** The 101 départements of INSEE's list (data/departements-insee.csv). */
export function inseeDepartments(): Map<string, InseeDepartment> {
  if (inseeCache) return inseeCache;
  const rows = parse(readFileSync(path.join(PACKAGE_ROOT, 'data', 'departements-insee.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  inseeCache = new Map(
    rows.map((row) => [
      row.dep!,
      { code: row.dep!, name: row.nccenr!, chiefTown: row.cheflieu!, article: ARTICLE_BY_TNCC[row.tncc!] ?? 'de ' },
    ]),
  );
  return inseeCache;
}

/** The file's own article wins, then INSEE's, then "de ". */
export function articleFor(department: Pick<Department, 'code' | 'article'>): Article {
  return department.article ?? inseeDepartments().get(department.code)?.article ?? 'de ';
}

/** "de l'Orne", "du Calvados": the name with its article, ready to follow "CPAM". */
export function withArticle(department: Pick<Department, 'code' | 'name' | 'article'>): string {
  return `${articleFor(department)}${department.name}`;
}
