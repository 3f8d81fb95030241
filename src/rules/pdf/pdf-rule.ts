import type { z } from 'zod';
import type { PdfReadback } from '../../verify/read-pdf.js';
import type { Severity } from '../source/rule-kit.js';

/**
 * Rules on the rendered PDF, read back as the reader will see it (pdfjs-dist
 * text items: text, position, size). A rule returns findings; the check runner
 * turns them into messages with the rule's id and severity.
 */
export interface PrintedSentence {
  /** The sentence as printed (variables resolved, markup removed). */
  text: string;
  file: string;
  line: number;
  column: number;
}

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
  sentences: readonly PrintedSentence[];
  layout: LayoutFacts;
}

export interface PdfFinding {
  message: string;
  /** The source file and position when the finding is about one source sentence; else the PDF. */
  file?: string;
  line?: number;
  column?: number;
  /** Stays a warning even when the rule is an error (the "warn above" part of a two-level threshold). */
  soft?: boolean;
}

export interface PdfRule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  severity: Severity;
  options: Schema;
  check(input: PdfCheckInput, options: z.output<Schema>): PdfFinding[] | Promise<PdfFinding[]>;
}

export function definePdfRule<Schema extends z.ZodType>(rule: PdfRule<Schema>): PdfRule<Schema> {
  return rule;
}

/** "« Vous pouvez suivre vos rembou… »": a short quote of printed text for messages. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `« ${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean} »`;
}
