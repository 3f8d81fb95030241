import { z } from 'zod';
import { definePdfRule } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/** A saddle-stitched booklet (`a5-booklet`) has a page count that is a multiple of 4 (print practice). */
export const pageMultipleOf4 = definePdfRule({
  id: 'page-multiple-of-4',
  description: 'In the `a5-booklet` format, the page count is a multiple of 4 (one folded A4 sheet = 4 pages).',
  severity: 'error',
  options: z.strictObject({}),
  check({ format, pageCount: pages }) {
    if (format !== 'a5-booklet' || pages % 4 === 0) return [];
    const missing = 4 - (pages % 4);
    return [
      {
        message: t('finding.pageMultipleOf4.notMultiple', { pages, count: missing, extra: pages % 4 }),
      },
    ];
  },
});
