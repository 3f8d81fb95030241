import { z } from 'zod';
import { MM } from '../../geometry/units.js';
import { THEME } from '../../geometry/theme.js';
import { t } from '../../i18n/index.js';
import type { DrawnExtent, PageGeometry } from '../../render/pdf-structure.js';
import { definePdfRule, type PdfFinding } from './pdf-rule.js';

/**
 * A page that stops half way through a chapter makes the reader wonder
 * whether something is missing. A page may end early when what comes next
 * would not fit in the space left (a step with its screenshot, the map with
 * its legend); when it would fit, something kept it away (a heading or a
 * ":" line kept with a block too tall for the page) and the writer should
 * look at that page. Read from where the renderer drew each line and picture
 * (`PageGeometry`), not from the text read back: pictures count too.
 */

/** Blocks are 18 pt apart (THEME.blockGap); inside a block, lines and pictures are at most 12 pt apart (the map and its legend): a gap this tall ends a block. */
const BLOCK_GAP = 15;

/**
 * The first block drawn on a page: its extents until the first gap of
 * BLOCK_GAP or more, and on across the gap while the block ends with a line
 * the layout keeps with what follows (a heading, a ":" lead-in).
 */
function firstBlockHeight(extents: readonly DrawnExtent[]): number {
  const sorted = [...extents].sort((a, b) => a.top - b.top);
  const top = sorted[0]!.top;
  let last = sorted[0]!;
  let bottom = last.bottom;
  for (const extent of sorted.slice(1)) {
    if (extent.top - bottom >= BLOCK_GAP && !last.keptWithNext) break;
    if (extent.bottom >= bottom) last = extent;
    bottom = Math.max(bottom, extent.bottom);
  }
  return bottom - top;
}

const millimetres = (points: number) => Math.round(points / MM);

/**
 * What the layout needs around a block but does not draw, so the geometry
 * does not see it: the gap after the block above, the space above the block
 * and the gap after it, the line boxes below the last letters. A block
 * "would fit" when the space left holds it and this much more; a block that
 * misses by less is no waste the writer could fix.
 */
export const BLOCK_MARGINS = 3 * THEME.blockGap;

export function pageFillFindings(pages: readonly PageGeometry[], margins: readonly [number, number, number, number], maxEmpty: number): PdfFinding[] {
  const findings: PdfFinding[] = [];
  pages.forEach((page, index) => {
    const next = pages[index + 1];
    const drawn = page.extents.filter((extent) => extent.chapter !== undefined);
    const chapter = drawn.at(-1)?.chapter;
    const following = next?.extents.filter((extent) => extent.chapter !== undefined) ?? [];
    // Only inside a chapter: the next page goes on with it (a chapter's last page may end anywhere).
    if (chapter === undefined || following.length === 0 || following[0]!.chapter !== chapter) return;
    const usableBottom = page.height - margins[3];
    const space = usableBottom - Math.max(...page.extents.map((extent) => extent.bottom));
    const empty = space / (usableBottom - margins[1]);
    if (empty <= maxEmpty) return;
    const nextBlock = firstBlockHeight(following);
    if (nextBlock + BLOCK_MARGINS > space) return;
    findings.push({ message: t('finding.pageFill', { page: index + 1, percent: Math.round(empty * 100), block: millimetres(nextBlock), space: millimetres(space) }) });
  });
  return findings;
}

export const pageFill = definePdfRule({
  id: 'page-fill',
  description: 'No page inside a chapter is more than 40 % empty when the next block would fit in the space left.',
  severity: 'warn',
  options: z.strictObject({ maxEmpty: z.number().min(0).max(1).default(0.4) }),
  check({ pageGeometry, pageCount, layout }, options) {
    // Without the renderer's geometry (a PDF not rendered here), or pages it did not see: nothing to say.
    if (!pageGeometry || pageGeometry.length !== pageCount) return [];
    return pageFillFindings(pageGeometry, layout.margins, options.maxEmpty);
  },
});
