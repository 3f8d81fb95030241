/** Lower case, no accents, typographic apostrophes made plain: "Relevé" and "releve" match. */
export function foldForMatching(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase();
}
