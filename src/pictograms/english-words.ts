import { foldForMatching } from './fold.js';

/**
 * French words a writer types when looking for a picture, with the English
 * words the icon sets are named in (`livret pictos vaccin` → syringe,
 * vaccine). Keys are folded (lower case, no accents). Only what a CPAM
 * booklet talks about; an English word is searched as it is.
 */
const ENGLISH: Readonly<Record<string, readonly string[]>> = {
  vaccin: ['vaccine', 'syringe'],
  vaccination: ['vaccine', 'syringe'],
  piqure: ['syringe', 'injection'],
  seringue: ['syringe'],
  injection: ['injection', 'syringe'],
  medecin: ['doctor', 'stethoscope'],
  docteur: ['doctor'],
  infirmier: ['nurse'],
  infirmiere: ['nurse'],
  hopital: ['hospital'],
  pharmacie: ['pharmacy'],
  pharmacien: ['pharmacist', 'pharmacy'],
  medicament: ['medicine', 'pill', 'medicines'],
  ordonnance: ['prescription', 'medicine'],
  malade: ['sick', 'ill'],
  maladie: ['disease', 'sick'],
  sante: ['health', 'heart'],
  coeur: ['heart'],
  sang: ['blood'],
  dent: ['tooth', 'dental'],
  dentiste: ['dentist', 'tooth'],
  oeil: ['eye'],
  yeux: ['eye', 'eyes'],
  lunettes: ['glasses'],
  oreille: ['ear'],
  bebe: ['baby'],
  enfant: ['child', 'children', 'baby'],
  enceinte: ['pregnant'],
  grossesse: ['pregnant', 'pregnancy'],
  famille: ['family'],
  femme: ['woman', 'female'],
  homme: ['man', 'male'],
  personne: ['person', 'people'],
  handicap: ['wheelchair', 'accessibility', 'disability'],
  fauteuil: ['wheelchair'],
  ambulance: ['ambulance'],
  urgence: ['emergency', 'ambulance', 'sos'],
  masque: ['mask'],
  thermometre: ['thermometer'],
  virus: ['virus'],
  analyse: ['test', 'lab', 'microscope'],
  ordinateur: ['computer', 'laptop', 'desktop'],
  telephone: ['phone', 'telephone', 'mobile'],
  portable: ['mobile', 'phone', 'laptop'],
  internet: ['globe', 'internet', 'web'],
  courrier: ['mail', 'envelope', 'letter'],
  lettre: ['letter', 'envelope'],
  enveloppe: ['envelope'],
  carte: ['card', 'map'],
  argent: ['money', 'coin', 'euro'],
  payer: ['money', 'pay', 'credit'],
  remboursement: ['money', 'refund'],
  banque: ['bank'],
  cle: ['key'],
  cadenas: ['lock', 'locked'],
  securite: ['lock', 'shield'],
  motdepasse: ['password', 'key', 'lock'],
  calendrier: ['calendar'],
  date: ['calendar'],
  rendezvous: ['calendar', 'appointment'],
  heure: ['clock', 'watch'],
  horaire: ['clock'],
  horloge: ['clock'],
  maison: ['house', 'home'],
  adresse: ['house', 'map', 'location'],
  agence: ['office', 'building'],
  accueil: ['reception', 'information', 'desk'],
  aide: ['help', 'sos', 'question'],
  question: ['question'],
  attention: ['warning', 'exclamation'],
  danger: ['warning', 'danger'],
  document: ['document', 'page', 'file'],
  papier: ['document', 'page', 'paper'],
  formulaire: ['form', 'clipboard'],
  signer: ['signature', 'pen'],
  signature: ['signature', 'pen'],
  photo: ['camera', 'photo'],
  ecrire: ['pen', 'pencil', 'writing'],
  lire: ['book', 'reading', 'glasses'],
  livre: ['book'],
  travail: ['work', 'briefcase', 'worker'],
  bienvenue: ['wave', 'hand', 'welcome'],
  main: ['hand'],
  oui: ['check', 'yes'],
  non: ['cross', 'no'],
  manger: ['food', 'eat'],
  nourriture: ['food'],
  dormir: ['sleep', 'bed'],
  lit: ['bed'],
  voiture: ['car', 'automobile'],
  bus: ['bus'],
  train: ['train'],
};

/**
 * The words to search for `word`: itself, the English words a French word
 * stands for, and for an English word the French words that stand for it
 * (so that "computer" finds the lexicon's "ordinateur").
 */
export function searchWords(word: string): string[] {
  const folded = foldForMatching(word).trim();
  const key = folded.replace(/[\s'-]+/g, '');
  const plain = key.replace(/s$/, '');
  const english = ENGLISH[key] ?? ENGLISH[plain] ?? [];
  const french = Object.keys(ENGLISH).filter((french) => ENGLISH[french]!.includes(folded));
  return [...new Set([folded, ...english, ...french])].filter((searched) => searched !== '');
}
