import { describe, expect, it } from 'vitest';
import { conceptForText, loadLexicon, pictogramByName, pictogramForText } from '../../src/pictograms/lexicon.js';
import { stem, stems } from '../../src/pictograms/french-words.js';
import { REPO_ROOT } from '../helpers/project.js';

const lexicon = await loadLexicon(REPO_ROOT);

describe('the French lexicon picks one pictogram per concept', () => {
  it.each([
    ['Prenez votre carte Vitale.', 'carte-vitale', 'fluent-emoji-flat:identification-card'],
    ['Allumez votre ordinateur.', 'ordinateur', 'fluent-emoji-flat:laptop'],
    ['Prenez votre téléphone portable.', 'telephone-portable', 'fluent-emoji-flat:mobile-phone'],
    ['Écrivez votre adresse mail.', 'adresse-mail', 'fluent-emoji-flat:e-mail'],
    ['Votre médecin vous soigne.', 'medecin', 'fluent-emoji-flat:health-worker'],
    ['Allez à la pharmacie.', 'pharmacie', 'fluent-emoji-flat:pill'],
    ['Prenez un rendez-vous.', 'rendez-vous', 'fluent-emoji-flat:spiral-calendar'],
    ['Voici les horaires.', 'horaires', 'fluent-emoji-flat:alarm-clock'],
  ])('"%s" → %s', (text, concept, icon) => {
    const pictogram = pictogramForText(lexicon, text);
    expect(pictogram?.concept).toBe(concept);
    expect(pictogram?.icon).toBe(icon);
    expect(pictogram?.svg).toMatch(/^<svg/);
    expect(pictogram?.chosen).toBe('lexicon');
  });

  it('a longer phrase wins over a word it starts with; the earliest phrase wins', () => {
    expect(conceptForText(lexicon, 'Le téléphone portable de votre fils.')).toBe('telephone-portable');
    expect(conceptForText(lexicon, 'Appelez le téléphone de la CPAM.')).toBe('telephone');
    expect(conceptForText(lexicon, 'Votre adresse postale.')).toBe('maison');
    expect(conceptForText(lexicon, 'Votre adresse mail.')).toBe('adresse-mail');
  });

  it('matches plurals and verb forms, with or without accents and capitals', () => {
    expect(conceptForText(lexicon, 'Les cartes Vitale de la famille.')).toBe('carte-vitale');
    expect(conceptForText(lexicon, 'Les médecins et les pharmacies.')).toBe('medecin');
    expect(conceptForText(lexicon, 'Vous avez cliqué.')).toBe('cliquer');
    expect(conceptForText(lexicon, 'Il faut cliquer ici.')).toBe('cliquer');
    expect(conceptForText(lexicon, 'Remplissez le formulaire.')).toBe('formulaire');
    expect(conceptForText(lexicon, 'MEDECIN TRAITANT')).toBe('medecin');
  });

  it('does not match inside another word, nor a word that only looks alike', () => {
    expect(conceptForText(lexicon, 'Un codicille.')).toBeUndefined();
    expect(conceptForText(lexicon, 'Une image sans mots connus.')).toBeUndefined();
    expect(pictogramForText(lexicon, 'Le ciel est bleu.')).toBeUndefined();
  });

  it('names a concept or a set:icon, and refuses an unknown name with the place of the directive', () => {
    expect(pictogramByName(lexicon, 'medecin', { file: 'a.md', line: 3 })).toMatchObject({ concept: 'medecin', icon: 'fluent-emoji-flat:health-worker', chosen: 'named' });
    expect(pictogramByName(lexicon, 'healthicons:doctor', { file: 'a.md', line: 3 }).icon).toBe('healthicons:doctor');
    expect(() => pictogramByName(lexicon, 'licorne', { file: 'a.md', line: 3 })).toThrow(/pictogramme inconnu « licorne »/);
    expect(() => pictogramByName(lexicon, 'fluent-emoji-flat:nope', { file: 'a.md', line: 3 })).toThrow(/vérifiez le jeu et le nom de l’icône/);
  });
});

describe('the French stemmer', () => {
  it.each([
    ['cliquez', 'cliquer', 'cliqué', 'cliquée', 'cliqués'],
    ['remplissez', 'remplir', 'rempli', 'remplie'],
    ['validez', 'valider', 'validé', 'valide'],
    ['carte', 'cartes'],
    ['horaire', 'horaires'],
    ['pharmacie', 'pharmacies'],
  ])('%s and its forms share one stem', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it('keeps short words whole and separates different words', () => {
    expect(stem('rib')).toBe('rib');
    expect(stem('vos')).toBe('vos');
    expect(stem('carte')).not.toBe(stem('code'));
    expect(stems("L'adresse e-mail")).toEqual(['l', 'adress', 'e', 'mail']);
  });
});
