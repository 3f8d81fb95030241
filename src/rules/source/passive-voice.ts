import { z } from 'zod';
import { inRanges, labelRanges } from '../text/ranges.js';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Passive voice is flagged (UK government easy-read guidance): "Le code est
 * envoyé par la CPAM" → "La CPAM envoie le code". Heuristic: a form of "être"
 * followed (an adverb may sit between) by a past participle, except verbs
 * that take "être" in the past tense ("il est arrivé") and reflexive verbs
 * ("vous vous êtes connecté").
 */
const AUXILIARY = 'est|sont|été|était|étaient|sera|seront|serait|seraient|soit|soient|être|es|suis|sommes|êtes|fut|furent';
const ADVERB = 'bien|déjà|toujours|souvent|aussi|très|alors|ensuite|automatiquement|vite|tout|pas|plus|jamais';
const IRREGULAR =
  'écrit|fait|pris|mis|dit|ouvert|offert|reçu|vu|lu|rendu|perdu|permis|remis|compris|inscrit|prévu|fourni|rempli|choisi|établi|tenu|obtenu|souscrit|interdit|pris|acquis|conçu|admis|transmis|exclu|inclus|produit|construit|traduit|peint|atteint|joint|éteint|suivi|servi|garanti';
const PARTICIPLE = `[\\p{L}]+é|(?:${IRREGULAR})`;
const PASSIVE = new RegExp(
  `(?<![\\p{L}'’])(${AUXILIARY})\\s+(?:(?:${ADVERB})\\s+)?((?:${PARTICIPLE})(?:e|s|es)?)(?![\\p{L}])`,
  'giu',
);
/** Verbs conjugated with "être" in the past tense: "il est arrivé" is active. */
const ETRE_VERBS = new Set(
  'allé arrivé né resté tombé entré rentré monté passé décédé retourné parti sorti venu devenu revenu mort descendu intervenu parvenu'.split(' '),
);
const REFLEXIVE_BEFORE = /(?:^|[\s'’])(?:se|s['’]|me|m['’]|te|t['’]|nous\s+nous|vous\s+vous)\s*$/i;

function isEtreVerb(participle: string): boolean {
  return ['', 'e', 's', 'es'].some((ending) => participle.endsWith(ending) && ETRE_VERBS.has(participle.slice(0, participle.length - ending.length)));
}

export const passiveVoice = defineSourceRule(
  {
    id: 'passive-voice',
    description: 'Passive sentences ("le code est envoyé par la CPAM") are flagged: say who does what ("la CPAM envoie le code").',
    severity: 'warn',
    options: z.strictObject({}),
  },
  ({ text, report }) => {
    for (const sentence of readSentences(text)) {
      const labels = labelRanges(sentence.text);
      for (const match of sentence.text.matchAll(PASSIVE)) {
        const participle = (match[2] ?? '').toLowerCase();
        if (inRanges(match.index, labels) || isEtreVerb(participle)) continue;
        if (REFLEXIVE_BEFORE.test(sentence.text.slice(0, match.index))) continue;
        report(
          t('finding.passiveVoice.passive', { passive: match[0] }),
          sentence.pointAt(match.index),
        );
      }
    }
  },
);
