/**
 * What the layout hands to the stamping threads: the static letter and where
 * the per-recipient text goes. Kept free of heavy imports (no pdfmake), so a
 * stamping thread starts fast.
 */

/** A rectangle in PDF points, `top` measured from the top of the page. */
export interface Box {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StaticLetter {
  /** The laid-out letter without any personal data. */
  pdf: Uint8Array;
  pageCount: number;
  pageWidth: number;
  pageHeight: number;
  window: Box;
  firstFoldTop: number;
  code: Box & { size: number; letterSpacing: number };
  /** Lines naming the recipient; `baseline` measured from the top of the page. */
  recipientLines: Array<{ page: number; left: number; baseline: number; size: number; text: string }>;
  address: { maxSize: number; minSize: number; padding: number };
  title: string;
}

/** Titles (/T) of the empty structure elements the stamper fills in each letter. */
export const LETTER_SLOT = { address: 'livret:address', recipient: 'livret:recipient-', code: 'livret:code' } as const;

export const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g;

export const RECIPIENT_FIELDS = new Set(['destinataire.nom', 'destinataire.prenom', 'destinataire.nom_famille', 'destinataire.civilite']);

export interface RecipientValues {
  /** "Madame Dupont" (civility + last name) or the full name. */
  greetingName: string;
  firstName: string;
  lastName: string;
  civility: string;
}

export function resolveRecipient(text: string, recipient: RecipientValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    switch (name) {
      case 'destinataire.nom':
        return recipient.greetingName;
      case 'destinataire.prenom':
        return recipient.firstName;
      case 'destinataire.nom_famille':
        return recipient.lastName;
      case 'destinataire.civilite':
        return recipient.civility;
      default:
        return whole;
    }
  });
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "le 29 novembre 2026", "le 1er mars 2027" (UTC calendar date). */
export function frenchDate(date: Date): string {
  const day = date.getUTCDate();
  return `le ${day === 1 ? '1er' : day} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
