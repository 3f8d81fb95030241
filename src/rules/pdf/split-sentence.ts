import { z } from 'zod';
import { definePdfRule, quote } from './pdf-rule.js';
import { placeSentence } from './sentence-pages.js';
import { t } from '../../i18n/index.js';

/** Never split a sentence across two pages (UNE 153101: blocks are not split across pages). */
export const splitSentence = definePdfRule({
  id: 'split-sentence',
  description: 'No sentence starts at the bottom of a page and ends on the next page.',
  severity: 'error',
  options: z.strictObject({}),
  check({ readback, sentences }) {
    return sentences.flatMap((sentence) => {
      const placement = placeSentence(readback, sentence);
      if (placement.kind !== 'split') return [];
      return [
        {
          message: t('finding.splitSentence.split', { nextPage: placement.page + 1, page: placement.page, sentence: quote(sentence.text) }),
          ...sentence.source,
        },
      ];
    });
  },
});
