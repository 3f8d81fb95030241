import { z } from 'zod';
import { pageLines } from './lines.js';
import { definePdfRule, quote, type PdfFinding } from './pdf-rule.js';
import { t } from '../../i18n/index.js';

/**
 * Nothing printed outside the margins of the layout preset. Left and right
 * margins hold for every line; a running header or footer ("Page 3 sur 16")
 * may sit in the top or bottom margin but not closer to the paper's edge than
 * `edge` points (what printers can print).
 */
export const insideMargins = definePdfRule({
  id: 'inside-margins',
  description: 'Every printed line is inside the left and right margins, and at least `edge` points from the top and bottom edges.',
  severity: 'error',
  options: z.strictObject({
    tolerance: z.number().nonnegative().default(1),
    edge: z.number().nonnegative().default(20),
  }),
  check({ readback, layout }, options) {
    const [left, , right] = layout.margins;
    const findings: PdfFinding[] = [];
    for (const page of readback.pages) {
      for (const line of pageLines(page)) {
        const sides: string[] = [];
        if (line.left < left - options.tolerance) sides.push(t('finding.insideMargins.left'));
        if (line.right > page.width - right + options.tolerance) sides.push(t('finding.insideMargins.right'));
        if (line.y - line.fontSize < options.edge - options.tolerance) sides.push(t('finding.insideMargins.top'));
        if (line.y + line.fontSize * 0.3 > page.height - options.edge + options.tolerance) sides.push(t('finding.insideMargins.bottom'));
        if (sides.length === 0) continue;
        findings.push({ message: t('finding.insideMargins.outside', { page: page.page, sides: sides.join(', '), text: quote(line.text) }) });
      }
    }
    return findings;
  },
});
