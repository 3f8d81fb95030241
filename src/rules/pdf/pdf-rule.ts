import type { z } from 'zod';
import type { Sentence } from '../../model/booklet.js';
import type { PdfReadback } from '../../verify/read-pdf.js';
import type { PageGeometry } from '../../render/pdf-structure.js';
import type { PictureHighlightFacts } from './picture-text-size.js';
import type { CheckRule, RuleFinding } from '../check-rule.js';

/**
 * Rules on the rendered PDF, read back as the reader will see it (pdfjs-dist
 * text items: text, position, size). A rule returns findings; the check runner
 * turns them into messages with the rule's id and severity.
 */
/** Page facts from the layout preset and the theme. */
export interface LayoutFacts {
  /** [left, top, right, bottom] in points. */
  margins: [number, number, number, number];
  bodySize: number;
  minSize: number;
}

export interface PdfCheckInput {
  readback: PdfReadback;
  /** The PDF's path as shown to the user. */
  pdfPath: string;
  format: 'a4' | 'a5-booklet';
  /** Pages of the booklet as the reader turns them (before imposition). */
  pageCount: number;
  /** Every sentence of the model, as printed (variables resolved, markup removed), with its source position. */
  sentences: readonly Sentence[];
  layout: LayoutFacts;
  /** Where the renderer drew each page's content; absent when the PDF was not rendered here. */
  pageGeometry?: readonly PageGeometry[];
  /** Each screenshot highlight's text and printed scale; absent when the pictures were not prepared here. */
  pictures?: readonly PictureHighlightFacts[];
}

export type PdfFinding = RuleFinding;

export type PdfRule<Schema extends z.ZodType = z.ZodType> = CheckRule<PdfCheckInput, Schema>;

export function definePdfRule<Schema extends z.ZodType>(rule: PdfRule<Schema>): PdfRule<Schema> {
  return rule;
}

/** "« Vous pouvez suivre vos rembou… »": a short quote of printed text for messages. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `« ${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean} »`;
}
