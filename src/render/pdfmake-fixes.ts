import { createRequire } from 'node:module';

/**
 * A fix for pdfmake 0.3.11's line breaking (the version is pinned).
 *
 * When words are glued across inlines ("«\u00a0" + **Continuer** + "\u00a0»."),
 * pdfmake checks that the whole glued group fits the line, but subtracts the
 * trailing space of EVERY inline of the group, not just of the last one. A
 * group ending with a no-break space then seems to fit when it does not, is
 * forced onto the line, and pdfmake cuts its last word character by character:
 * "»" stays, "." goes alone to the next line. Easy-read forbids breaking a
 * word; livret's content-loss check caught it. Here only the last inline's
 * trailing space counts, as it should.
 */
interface InlineLike {
  width: number;
  trailingCut?: number;
  noNewLine?: boolean;
}

interface LineLike {
  inlines: InlineLike[];
  newLineForced?: boolean;
  inlineWidths: number;
  leadingCut: number;
  maxWidth: number;
}

const require = createRequire(import.meta.url);
const { default: Line } = require('pdfmake/js/Line.js') as { default: { prototype: LineLike & { hasEnoughSpaceForInline(inline: InlineLike, next?: InlineLike[]): boolean } } };

let applied = false;

export function applyPdfmakeFixes(): void {
  if (applied) return;
  applied = true;
  Line.prototype.hasEnoughSpaceForInline = function hasEnoughSpaceForInline(this: LineLike, inline: InlineLike, nextInlines: InlineLike[] = []): boolean {
    if (this.inlines.length === 0) return true;
    if (this.newLineForced) return false;
    let width = inline.width;
    let last = inline;
    if (inline.noNewLine) {
      for (const next of nextInlines) {
        width += next.width;
        last = next;
        if (!next.noNewLine) break;
      }
    }
    return this.inlineWidths + width - this.leadingCut - (last.trailingCut ?? 0) <= this.maxWidth;
  };
}
