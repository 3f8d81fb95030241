import { withArticle, type InseeDepartment } from '../content/department-names.js';

/**
 * The text of a starter department file: everything INSEE tells us is filled
 * in (code, name, article, office name), everything else is a TODO that
 * `livret check` reports until an editor replaces it. The file is valid as it
 * stands, so a new département can be built (and looked at) at once.
 */
export const TODO = 'TODO';

/** Départements with several CPAM, or whose insurer is not a CPAM: the office name needs a human. */
const SEVERAL_OFFICES = new Set(['59', '62', '64', '76']);
const OTHER_BODY = new Set(['48', '971', '972', '973', '974', '976']);

function officeNote(code: string): string[] {
  if (SEVERAL_OFFICES.has(code)) {
    return [`  # ${TODO} : ce département a plusieurs CPAM ; écrivez le nom exact de la vôtre.`];
  }
  if (OTHER_BODY.has(code)) {
    return [`  # ${TODO} : ici, l'assurance maladie n'est peut-être pas une CPAM (CGSS, CSSM) ; vérifiez le nom.`];
  }
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
    `  name: ${yamlScalar(`Caisse primaire d'assurance maladie ${named}`)}`,
    `  short_name: ${yamlScalar(`CPAM ${named}`)}`,
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
