import { withArticle, type InseeDepartment } from '../content/department-names.js';

/**
 * The text of a starter department file: everything INSEE tells us is filled
 * in (code, name, article, office name), everything else is a TODO that
 * `livret check` reports until an editor replaces it. The file is valid as it
 * stands, so a new département can be built (and looked at) at once.
 */
export const TODO = 'TODO';

/**
 * Where the health insurer is not one CPAM per département: the overseas
 * départements have a CGSS (caisse générale de sécurité sociale, 971 to 974),
 * Mayotte the CSSM (caisse de sécurité sociale de Mayotte), and a few
 * départements several CPAM, one per part of the département.
 */
interface OfficeName {
  name: string;
  shortName: string;
}

export function officeNameFor(insee: InseeDepartment): OfficeName {
  const named = withArticle(insee);
  if (CGSS.has(insee.code)) return { name: `Caisse générale de sécurité sociale ${named}`, shortName: `CGSS ${named}` };
  if (insee.code === '976') return { name: 'Caisse de sécurité sociale de Mayotte', shortName: 'CSSM' };
  if (SEVERAL_CPAM[insee.code]) return { name: `Caisse primaire d'assurance maladie ${TODO}`, shortName: `CPAM ${TODO}` };
  return { name: `Caisse primaire d'assurance maladie ${named}`, shortName: `CPAM ${named}` };
}

const CGSS = new Set(['971', '972', '973', '974']);

/** Départements with several CPAM, and their names: the editor keeps theirs. */
export const SEVERAL_CPAM: Readonly<Record<string, readonly string[]>> = {
  '59': ['CPAM de Lille-Douai', 'CPAM de Roubaix-Tourcoing', 'CPAM du Hainaut', 'CPAM des Flandres'],
  '62': ["CPAM de l'Artois", "CPAM de la Côte d'Opale"],
  '64': ['CPAM de Bayonne', 'CPAM de Pau-Pyrénées'],
  '76': ['CPAM de Rouen-Elbeuf-Dieppe-Seine-Maritime', 'CPAM du Havre'],
};

function officeNote(code: string): string[] {
  const several = SEVERAL_CPAM[code];
  if (several) return [`  # ${TODO} : ce département a plusieurs CPAM (${several.join(', ')}) ; écrivez le nom exact de la vôtre.`];
  return [];
}

const WEEKDAYS_OPEN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** "Cote-d'Or" stays plain; anything YAML could misread is quoted. */
function yamlScalar(text: string): string {
  return /^[\p{L}][\p{L}\p{N} '’-]*$/u.test(text) ? text : JSON.stringify(text);
}

/** The editor-facing spelling of the article ("du", "de l'"), as the schema accepts it. */
function writtenArticle(article: string): string {
  const trimmed = article.trimEnd();
  return trimmed.endsWith("'") ? `"${trimmed}"` : trimmed;
}

export function starterDepartmentYaml(insee: InseeDepartment): string {
  const named = withArticle(insee);
  const office = officeNameFor(insee);
  const lines = [
    '# yaml-language-server: $schema=../../schemas/department.schema.json',
    `# ${TODO} : fichier de départ pour le département ${named} (livret init-department ${insee.code}).`,
    '# Remplacez chaque marque par la bonne information, puis effacez ces 4 lignes de commentaire.',
    `# \`livret check --department ${insee.code}\` montre les marques qui restent.`,
    '# Les champs sont décrits dans docs/departments.md.',
    `code: "${insee.code}"`,
    `name: ${yamlScalar(insee.name)}`,
    `article: ${writtenArticle(insee.article)}`,
    'office:',
    ...officeNote(insee.code),
    `  name: ${yamlScalar(office.name)}`,
    `  short_name: ${yamlScalar(office.shortName)}`,
    '  address:',
    `    - ${TODO} numéro et rue du siège`,
    `    - ${TODO} code postal et VILLE`,
    '  phone:',
    '    number: "36 46"',
    "    price: Service 0,06 € par minute + prix de l'appel",
    '  website: ameli.fr',
    `  social: [] # ${TODO} : vos comptes, par exemple [{ network: X, handle: "@cpam${insee.code}" }], ou laissez []`,
    'agencies:',
    `  - name: Agence ${TODO}`,
    '    address:',
    `      - ${TODO} numéro et rue`,
    `      - ${TODO} code postal et VILLE`,
    `    hours: # ${TODO} : vos horaires ; un jour absent = fermé ; une pause = 2 plages ["09:00-12:30", "13:30-17:00"]`,
    ...WEEKDAYS_OPEN.map((day) => `      ${day}: ["08:30-17:00"]`),
    `    # ${TODO} : une agence de plus = un bloc « - name: … » de plus ; « appointment_only: true » si elle reçoit sur rendez-vous.`,
    '',
  ];
  return lines.join('\n');
}
