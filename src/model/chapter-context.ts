import { location as vfileLocation } from 'vfile-location';
import type { Department } from '../content/department-schema.js';
import type { Variables } from '../content/variables.js';
import type { Lexicon } from '../pictograms/lexicon.js';
import type { GlossaryEntry, SourcePosition } from './booklet.js';

/** What reading one chapter needs to know, beyond its own Markdown. */
export interface ChapterContext {
  projectRoot: string;
  /** Path shown in messages (relative to the project). */
  file: string;
  source: string;
  sourceLines: string[];
  variables: Variables;
  lexicon: Lexicon;
  department: Department;
  /** Shared by all chapters: a term is explained at its first use in the booklet. */
  glossary: Map<string, GlossaryEntry>;
  /** Terms met for the first time in the block being read: explained right after it. */
  pendingExplanations: GlossaryEntry[];
  toPosition: (offset: number) => SourcePosition;
}

export function createChapterContext(
  base: Omit<ChapterContext, 'sourceLines' | 'toPosition' | 'pendingExplanations'>,
): ChapterContext {
  const place = vfileLocation(base.source);
  return {
    ...base,
    sourceLines: base.source.split('\n'),
    pendingExplanations: [],
    toPosition: (offset) => {
      const point = place.toPoint(offset);
      return { file: base.file, line: point?.line ?? 1, column: point?.column ?? 1 };
    },
  };
}

/** Position of an mdast node's start. */
export function nodeStart(context: ChapterContext, node: { position?: { start: { line: number; column: number } } }): SourcePosition {
  return { file: context.file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Column of the first non-blank character of a source line (1-based), where a continuation sentence starts. */
export function firstTextColumn(context: ChapterContext, line: number): number {
  const text = context.sourceLines[line - 1] ?? '';
  const indent = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(text)?.[0].length ?? 0;
  return indent + 1;
}
