/**
 * Structure roles carried by pdfmake document-definition nodes, so that the
 * render stage writes a tagged PDF (PDF/UA-1) whose structure tree follows
 * the Booklet model. The layout only annotates nodes (`livretTag`); the
 * patched pdfmake (src/render/pdf-structure.ts) opens a structure element
 * before the node, marks what the node draws as its content, and closes the
 * element after it. What no role claims is drawn as an Artifact: lines,
 * frames, fills, bullets and pictures outside a Figure.
 */
import type { Column, Content, TableCell } from 'pdfmake/interfaces.js';

export type StructRole =
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Figure'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link'
  | 'Artifact';

export interface PdfTag {
  role: StructRole;
  /** Alternative text (a Figure's description). */
  alt?: string;
  /** Replacement text: what copying or hearing the content gives. */
  actual?: string;
  /** Header cells: the row or the column they head. */
  scope?: 'Row' | 'Column';
  /** The element's title (/T): letters name the slots the stamper fills (`livret:code`). */
  title?: string;
  /** Artifacts: what kind (page numbers are `Pagination`). */
  artifact?: 'Pagination' | 'Layout' | 'Page';
}

/**
 * The tagging of one node: `opens` are opened before it and left open (a list
 * spanning several nodes), `roles` wrap the node (outermost first), `closes`
 * closes that many open elements after it.
 */
export interface NodeTagging {
  opens: PdfTag[];
  roles: PdfTag[];
  closes: number;
}

export const TAG_PROPERTY = 'livretTag';

/** A node of the definition; a bare string or array becomes a node that can carry the tag. */
type Taggable = Content | TableCell | Column;
type NodeObject = Record<string, unknown> & { [TAG_PROPERTY]?: NodeTagging };

function asNode(node: Taggable): NodeObject {
  if (typeof node === 'string') return { text: node };
  if (Array.isArray(node)) return { stack: node };
  return node as NodeObject;
}

function taggingOf(node: Taggable): NodeTagging {
  return asNode(node)[TAG_PROPERTY] ?? { opens: [], roles: [], closes: 0 };
}

function withTagging<T extends Taggable>(node: T, tagging: NodeTagging): T {
  return { ...asNode(node), [TAG_PROPERTY]: tagging } as unknown as T;
}

const asTag = (role: StructRole | PdfTag): PdfTag => (typeof role === 'string' ? { role } : role);

/** The node wrapped in these roles (outermost first), outside the roles it already has. */
export function tagged<T extends Taggable>(node: T, ...roles: Array<StructRole | PdfTag>): T {
  const tagging = taggingOf(node);
  return withTagging(node, { ...tagging, roles: [...roles.map(asTag), ...tagging.roles] });
}

/** Opens an element before the node, closed by a later node (`closing`). */
export function opening<T extends Taggable>(node: T, role: StructRole | PdfTag): T {
  const tagging = taggingOf(node);
  return withTagging(node, { ...tagging, opens: [asTag(role), ...tagging.opens] });
}

/** Closes the innermost element left open by an earlier node, after this one. */
export function closing<T extends Taggable>(node: T): T {
  const tagging = taggingOf(node);
  return withTagging(node, { ...tagging, closes: tagging.closes + 1 });
}

/** Wraps a run of nodes in one element: the first opens it, the last closes it. */
export function taggedRun<T extends Taggable>(nodes: readonly T[], role: StructRole | PdfTag): T[] {
  const result = [...nodes];
  if (result.length === 0) return result;
  result[0] = opening(result[0]!, role);
  result[result.length - 1] = closing(result[result.length - 1]!);
  return result;
}
