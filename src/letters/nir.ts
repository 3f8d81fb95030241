/**
 * The French social security number (NIR): 13 characters and a 2-digit key.
 * sex (1, 2; 3, 7, 8 for temporary numbers), year (2 digits), month (01-12,
 * 20-42 or 50-99 when unknown), département (2 digits, 2A/2B for Corsica, 97x
 * overseas with a 2-digit commune, 99 abroad), commune, order number, key.
 * Always handled as text: it has leading zeros and letters (2A, 2B).
 */

export type NirProblem = 'nir_format' | 'nir_sex' | 'nir_month' | 'nir_key';

export type NirCheck = { ok: true; nir: string } | { ok: false; problem: NirProblem; message: string };

const NIR_SHAPE = /^([1-378])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/** Spaces, dots and dashes that people type inside the number are dropped. */
export function normaliseNir(raw: string): string {
  return raw.replace(/[\s.\-]/g, '').toUpperCase();
}

export function nirKey(first13: string): number {
  // Corsica: 2A counts as 19, 2B as 18, in the key computation only.
  const numeric = first13.replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(numeric) % 97n);
}

export function checkNir(raw: string): NirCheck {
  const nir = normaliseNir(raw);
  if (!/^[0-9AB]{15}$/.test(nir)) {
    return { ok: false, problem: 'nir_format', message: 'NIR: 15 caractères attendus (13 + clé de 2 chiffres)' };
  }
  if (!/^[1-378]/.test(nir)) {
    return { ok: false, problem: 'nir_sex', message: 'NIR: le premier chiffre doit être 1, 2, 3, 7 ou 8' };
  }
  const match = NIR_SHAPE.exec(nir);
  if (!match) return { ok: false, problem: 'nir_format', message: 'NIR: forme invalide (département 2A/2B ou chiffres attendus)' };
  const month = Number(match[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) {
    return { ok: false, problem: 'nir_month', message: 'NIR: mois de naissance invalide (01-12, 20-42 ou 50-99)' };
  }
  if (nirKey(nir.slice(0, 13)) !== Number(nir.slice(13))) {
    return { ok: false, problem: 'nir_key', message: 'NIR: la clé ne correspond pas au numéro' };
  }
  return { ok: true, nir };
}

/** Grouped as on the carte Vitale: "2 69 05 49 588 157 80". */
export function formatNir(nir: string): string {
  const n = normaliseNir(nir);
  return [n.slice(0, 1), n.slice(1, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7, 10), n.slice(10, 13), n.slice(13, 15)].join(' ');
}
