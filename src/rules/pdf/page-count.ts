import { z } from 'zod';
import { definePdfRule } from './pdf-rule.js';

/** At most 24 pages, a warning over 20 (UK government; Department of Health 2010). */
export const pageCount = definePdfRule({
  id: 'page-count',
  description: 'The booklet has at most `max` pages; a warning above `warnAbove`.',
  severity: 'error',
  options: z.strictObject({
    max: z.number().int().positive().default(24),
    warnAbove: z.number().int().positive().default(20),
  }),
  check({ pageCount: pages }, options) {
    if (pages > options.max) {
      return [{ message: `Le livret a ${pages} pages : ${options.max} au plus. Coupez-le en 2 livrets ou raccourcissez des chapitres.` }];
    }
    if (pages > options.warnAbove) {
      return [{ message: `Le livret a ${pages} pages : c'est long (plus de ${options.warnAbove}).`, soft: true }];
    }
    return [];
  },
});
