import { z } from 'zod';
import { definePdfRule } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/** Running text is printed at the body size, 16 pt (Photosymbols: 16): the size most characters have. */
export const bodySize = definePdfRule({
  id: 'body-size',
  description: 'The size most printed characters have (the running text) is at least `size` points (default: the theme body size, 16 pt).',
  severity: 'error',
  options: z.strictObject({ size: z.number().positive().optional() }),
  check({ readback, layout }, options) {
    const size = options.size ?? layout.bodySize;
    const characters = new Map<number, number>();
    for (const page of readback.pages) {
      for (const run of page.runs) {
        const count = run.text.replace(/\s/g, '').length;
        characters.set(run.fontSize, (characters.get(run.fontSize) ?? 0) + count);
      }
    }
    const [dominant] = [...characters.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
    if (dominant === undefined || dominant >= size - 0.05) return [];
    return [{ message: t('finding.bodySize.size', { dominant, size }) }];
  },
});
