import { z } from 'zod';
import { definePdfRule } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/**
 * At most 24 pages, a warning over 20 (UK government; Department of Health 2010).
 * The limits are in A4 pages: an A5 page holds half as much at the same type
 * size, so an `a5-booklet` counts its pages as halves (48 A5 pages = 24 A4).
 */
export const pageCount = definePdfRule({
  id: 'page-count',
  description: 'The booklet has at most `max` pages; a warning above `warnAbove`.',
  severity: 'error',
  options: z.strictObject({
    max: z.number().int().positive().default(24),
    warnAbove: z.number().int().positive().default(20),
  }),
  check({ pageCount: pages, format }, options) {
    const perA4 = format === 'a5-booklet' ? 2 : 1;
    const [max, warnAbove] = [options.max * perA4, options.warnAbove * perA4];
    const unit = perA4 === 2 ? ' A5' : '';
    if (pages > max) {
      return [{ message: t('finding.pageCount.tooMany', { pages, unit, max }) }];
    }
    if (pages > warnAbove) {
      return [{ message: t('finding.pageCount.long', { pages, unit, warnAbove }), soft: true }];
    }
    return [];
  },
});
