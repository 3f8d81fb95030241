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

/**
 * A second fix: a page reference (`{ pageReference: id }`, used for "« Terminer
 * la création », page 10") is resolved only when it falls on the first line
 * of its paragraph; on a later line it prints "00000". Every line built gets
 * its references linked, as the first line does. pdfmake also measures the
 * reference as "00000" and leaves that width when it prints "10": the
 * placeholder here is "00" (a booklet has fewer than 100 pages), and when a
 * line is drawn its references are resolved first and what follows them on
 * the line moves by the width they gave back (the font's digits are
 * proportional: "14" is narrower than "00"), so "page 14." has no gap.
 */
interface ReferencingInline {
  _pageRef?: { _nodeRef: unknown };
  _pageNodeRef?: unknown;
}
const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { buildNextLine(this: unknown, textNode: unknown): { inlines: ReferencingInline[] } | null } };
};

interface DrawnInline {
  text: string;
  x: number;
  width: number;
  alignment?: string;
  _pageNodeRef?: { positions?: Array<{ pageNumber: number }> };
}
const { default: Renderer } = require('pdfmake/js/Renderer.js') as {
  default: { prototype: { renderLine(this: unknown, line: { inlines: DrawnInline[] }, x: number, y: number): unknown } };
};
const { default: TextInlines } = require('pdfmake/js/TextInlines.js') as {
  default: new (pdfDocument: null) => { widthOfText(text: string, inline: DrawnInline): number };
};

const { default: DocPreprocessor } = require('pdfmake/js/DocPreprocessor.js') as {
  default: { prototype: { preprocessText(this: unknown, node: { pageReference?: string; text?: unknown }): unknown } };
};

let applied = false;

export function applyPdfmakeFixes(): void {
  if (applied) return;
  applied = true;
  const preprocessText = DocPreprocessor.prototype.preprocessText;
  DocPreprocessor.prototype.preprocessText = function preprocessTextWithShortReference(this: unknown, node) {
    const result = preprocessText.call(this, node);
    if (node.pageReference && node.text === '00000') node.text = '00';
    return result;
  };
  const buildNextLine = LayoutBuilder.prototype.buildNextLine;
  LayoutBuilder.prototype.buildNextLine = function buildNextLineWithReferences(this: unknown, textNode: unknown) {
    const line = buildNextLine.call(this, textNode);
    for (const inline of line?.inlines ?? []) if (inline._pageRef) inline._pageNodeRef = inline._pageRef._nodeRef;
    return line;
  };
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function renderLineWithResolvedReferences(this: unknown, line, x, y) {
    let shift = 0;
    for (const inline of line.inlines) {
      inline.x -= shift;
      const pageNumber = inline._pageNodeRef?.positions?.[0]?.pageNumber;
      if (pageNumber === undefined) continue;
      inline.text = String(pageNumber);
      const width = new TextInlines(null).widthOfText(inline.text, inline);
      const givenBack = inline.width - width;
      inline.width = width;
      // As pdfmake does for aligned numbers (the contents' right-aligned page numbers); else the rest of the line follows.
      if (inline.alignment === 'right') inline.x += givenBack;
      else if (inline.alignment === 'center') inline.x += givenBack / 2;
      else shift += givenBack;
    }
    return renderLine.call(this, line, x, y);
  };
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
