import { z } from 'zod';
import { pageLines } from './lines.js';
import { definePdfRule, quote } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/** Nothing printed under 14 pt anywhere in a booklet (Inclusion Europe: 14 minimum). */
export const minFontSize = definePdfRule({
  id: 'min-font-size',
  description: 'No text in the PDF is smaller than `min` points (default: the theme minimum, 14 pt).',
  severity: 'error',
  options: z.strictObject({ min: z.number().positive().optional() }),
  check({ readback, layout }, options) {
    const min = options.min ?? layout.minSize;
    return readback.pages.flatMap((page) =>
      pageLines(page).flatMap((line) => {
        const small = line.runs.filter((run) => run.fontSize < min - 0.05);
        if (small.length === 0) return [];
        const size = Math.min(...small.map((run) => run.fontSize));
        return [{ message: t('finding.minFontSize.tooSmall', { page: page.page, size, text: quote(small.map((run) => run.text).join(' ')), min }) }];
      }),
    );
  },
});
