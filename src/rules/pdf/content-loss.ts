import { z } from 'zod';
import { findMissingSentences } from '../../verify/content-loss.js';
import { definePdfRule, quote } from './pdf-rule.js';
import { placeSentence } from './sentence-pages.js';
import { t } from '../../i18n/index.js';

/**
 * Every source sentence is printed. pdfmake silently drops an `unbreakable`
 * block taller than a page, so a lost sentence is an error. Sentences split
 * across two pages are reported by `split-sentence`, not here.
 */
export const contentLoss = definePdfRule({
  id: 'content-loss',
  description: 'Every sentence of the sources is found in the PDF text.',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    return findMissingSentences(readback, [...sentences])
      .filter((sentence) => placeSentence(readback, sentence).kind === 'missing')
      .map((sentence) => ({
        message: t('finding.contentLoss.missing', { sentence: quote(sentence.text) }),
        ...sentence.source,
      }));
  },
});
