/**
 * The recipient's postal address as La Poste reads it through the envelope
 * window (NF Z10-011): at most 6 lines of at most 38 characters, empty lines
 * dropped, no punctuation from line 4 down, and a last line made of the
 * 5-digit postal code and the town in capitals without accents.
 */

export const MAX_ADDRESS_LINES = 6;
export const MAX_ADDRESS_LINE_LENGTH = 38;

export interface AddressFields {
  civility: string;
  firstName: string;
  lastName: string;
  streetLines: string[];
  postalCode: string;
  city: string;
}

export type AddressCheck =
  | { ok: true; lines: string[] }
  | { ok: false; problem: 'postal_code' | 'address_line_too_long' | 'address_too_many_lines'; message: string; line?: number };

/** 01-95 (20 for Corsica), 97 overseas, 98 Monaco and overseas collectivities. */
const FRENCH_POSTAL_CODE = /^(0[1-9]|[1-8]\d|9[0-5]|97|98)\d{3}$/;

export function isFrenchPostalCode(code: string): boolean {
  return FRENCH_POSTAL_CODE.test(code);
}

export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/Œ/g, 'OE').replace(/œ/g, 'oe');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function nameLine(fields: Pick<AddressFields, 'civility' | 'firstName' | 'lastName'>): string {
  return collapse(`${fields.civility} ${fields.firstName} ${fields.lastName}`);
}

export function buildAddress(fields: AddressFields): AddressCheck {
  const postalCode = fields.postalCode.trim();
  if (!isFrenchPostalCode(postalCode)) {
    return { ok: false, problem: 'postal_code', message: 'code postal français à 5 chiffres attendu' };
  }
  const lines = [nameLine(fields), ...fields.streetLines.map(collapse).filter((line) => line.length > 0)];
  lines.push(`${postalCode} ${withoutAccents(collapse(fields.city)).toUpperCase()}`);
  // From line 4 down, La Poste's sorting machines want no punctuation.
  const cleaned = lines.map((line, index) => (index >= 3 ? collapse(line.replace(/[.,;:!?]/g, ' ')) : line));
  if (cleaned.length > MAX_ADDRESS_LINES) {
    return { ok: false, problem: 'address_too_many_lines', message: `adresse de plus de ${MAX_ADDRESS_LINES} lignes` };
  }
  const tooLong = cleaned.findIndex((line) => line.length > MAX_ADDRESS_LINE_LENGTH);
  if (tooLong >= 0) {
    return {
      ok: false,
      problem: 'address_line_too_long',
      line: tooLong + 1,
      message: `ligne ${tooLong + 1} de l'adresse: plus de ${MAX_ADDRESS_LINE_LENGTH} caractères`,
    };
  }
  return { ok: true, lines: cleaned };
}

/** "Bonjour Madame Dupont," when the civility is known, else the full name. */
export function greetingName(fields: Pick<AddressFields, 'civility' | 'firstName' | 'lastName'>): string {
  const civility = fields.civility.trim().toLowerCase().replace(/\.$/, '');
  if (['m', 'mr', 'monsieur'].includes(civility)) return `Monsieur ${collapse(fields.lastName)}`;
  if (['mme', 'madame', 'mlle', 'mademoiselle'].includes(civility)) return `Madame ${collapse(fields.lastName)}`;
  return collapse(`${fields.firstName} ${fields.lastName}`);
}
