import { createRequire } from 'node:module';
import { TAG_PROPERTY, type NodeTagging, type PdfTag, type StructRole } from '../layout/pdf-tags.js';

/**
 * Tagged PDF from pdfmake 0.3.11 (pinned) and pdfkit 0.19, which has the
 * structure API but is given no structure by pdfmake.
 *
 * 1. Layout: a node carrying `livretTag` (src/layout/pdf-tags.ts) gets a
 *    "begin" marker before it and an "end" marker after it among the page
 *    items. The markers travel as `beginVerticalAlignment` /
 *    `endVerticalAlignment` items, the one kind of non-drawing item pdfmake
 *    already copies out of unbreakable blocks onto the final page; pdfmake's
 *    own renderer ignores them (no `verticalAlignment`).
 * 2. Render: the markers open and close pdfkit structure elements (one stack
 *    across pages, so an element may continue on the next page). Each drawn
 *    item becomes one marked-content sequence: a text line belongs to the
 *    innermost open element; a picture belongs to it when it is a Figure;
 *    vectors (frames, rules, fills, bullets) and everything inside an
 *    Artifact role are Artifacts. Text no role claims gets a P of its own,
 *    so nothing is ever lost from the tree.
 *
 * A document is tagged only when its definition asks for it (`tagged: true`).
 */

interface PageItem {
  type: string;
  item: Record<string, unknown>;
}

interface Page {
  items: PageItem[];
}

interface LayoutBuilderLike {
  writer: { transactionLevel?: number; context(): { pages: Page[]; getCurrentPage(): Page | null } };
}

interface StructureElement {
  add(child: unknown): StructureElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

interface PdfKitDocument {
  options: { tagged?: boolean; lang?: string };
  page: { height: number };
  struct(type: string, options?: Record<string, unknown>): StructureElement;
  addStructure(element: StructureElement): PdfKitDocument;
  markContent(tag: string, options?: Record<string, unknown> | null): PdfKitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): PdfKitDocument;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): PdfKitDocument;
}

interface RendererLike {
  pdfDocument: PdfKitDocument;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** A begin marker and its end marker share one token: an end closes what its own begin opened. */
interface Marker {
  begin?: { tag: PdfTag; token: object };
  end?: { token: object };
  /** A run opened by one node (`opening`), closed by a later one (`closing`). */
  openRun?: PdfTag;
  closeRun?: true;
}

const MARKER = 'livretMarker';

const require = createRequire(import.meta.url);
const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: Record<string, Method> } };
const { default: Renderer } = require('pdfmake/js/Renderer.js') as { default: { prototype: Record<string, Method> } };

let applied = false;

export function applyStructurePatches(): void {
  if (applied) return;
  applied = true;
  patchLayout();
  patchRenderer();
}

// ── Layout: markers around tagged nodes ────────────────────────────────────

/**
 * Inside an unbreakable block (a transaction) pdfmake keeps only the first
 * page of the block's context: a marker goes there, or an end marker written
 * after an overflow (the footer of an A5 page overflows its small context)
 * would be lost and leave its element open for the rest of the document.
 */
function pushMarker(builder: LayoutBuilderLike, marker: Marker, end: boolean): void {
  const context = builder.writer.context();
  const page = (builder.writer.transactionLevel ?? 0) > 0 ? context.pages[0] : context.getCurrentPage();
  page?.items.push({ type: end ? 'endVerticalAlignment' : 'beginVerticalAlignment', item: { [MARKER]: marker } });
}

interface TocNode {
  toc?: { _table?: { table: { body: Array<Array<Record<string, unknown>>> } } & Record<string, unknown> };
}

/** pdfmake builds the contents table itself: TOC, one TOCI per row, its two cells as links. */
function tagTableOfContents(node: TocNode): void {
  const table = node.toc?._table;
  if (!table || TAG_PROPERTY in table) return;
  const tagging = (value: NodeTagging) => value;
  table[TAG_PROPERTY] = tagging({ opens: [], roles: [{ role: 'TOC' }], closes: 0 });
  for (const row of table.table.body) {
    const [title, page] = row;
    if (!title || !page) continue;
    title[TAG_PROPERTY] = tagging({ opens: [{ role: 'TOCI' }], roles: [{ role: 'Reference' }, { role: 'Link' }], closes: 0 });
    page[TAG_PROPERTY] = tagging({ opens: [], roles: [{ role: 'Reference' }, { role: 'Link' }], closes: 1 });
  }
}

function patchLayout(): void {
  const processNode = LayoutBuilder.prototype.processNode!;
  LayoutBuilder.prototype.processNode = function processTaggedNode(this: unknown, ...args: unknown[]) {
    const builder = this as LayoutBuilderLike;
    const node = args[0] as (Record<string, unknown> & TocNode) | undefined;
    if (node?.toc) tagTableOfContents(node);
    const tagging = node?.[TAG_PROPERTY] as NodeTagging | undefined;
    if (!tagging) return processNode.apply(this, args);
    for (const tag of tagging.opens) pushMarker(builder, { openRun: tag }, false);
    const tokens = tagging.roles.map((tag) => {
      const token = {};
      pushMarker(builder, { begin: { tag, token } }, false);
      return token;
    });
    const result = processNode.apply(this, args);
    for (const token of tokens.reverse()) pushMarker(builder, { end: { token } }, true);
    for (let index = 0; index < tagging.closes; index++) pushMarker(builder, { closeRun: true }, true);
    return result;
  };
}

// ── Render: structure elements and marked content ──────────────────────────

/**
 * Where lines and pictures were drawn on each page, in points from the top:
 * what the `page-fill` rule reads (src/rules/pdf/page-fill.ts). `chapter`
 * numbers the chapters (their Sect); page numbers and other Artifacts are
 * left out.
 */
export interface DrawnExtent {
  top: number;
  bottom: number;
  chapter: number | undefined;
  /** A heading's line, or a line ending with ":": the layout keeps it with what follows. */
  keptWithNext: boolean;
}

export interface PageGeometry {
  height: number;
  extents: DrawnExtent[];
}

const GEOMETRY = Symbol('livret page geometry');

/** The geometry the renderer recorded on a pdfkit document (tagged documents only). */
export function pageGeometryOf(document: object): PageGeometry[] | undefined {
  return (document as { [GEOMETRY]?: PageGeometry[] })[GEOMETRY];
}

interface Frame {
  tag: PdfTag;
  /** Absent inside an Artifact. */
  element: StructureElement | undefined;
  token?: object;
  run: boolean;
}

class StructureWriter {
  private readonly stack: Frame[] = [];
  private readonly root: StructureElement;
  private readonly geometry: PageGeometry[] = [];
  private readonly ids = new Map<Frame, number>();
  private lastPage: object | undefined;

  constructor(private readonly doc: PdfKitDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    (doc as unknown as { [GEOMETRY]: PageGeometry[] })[GEOMETRY] = this.geometry;
  }

  private idOf(frame: Frame | undefined): number | undefined {
    if (!frame) return undefined;
    if (!this.ids.has(frame)) this.ids.set(frame, this.ids.size);
    return this.ids.get(frame);
  }

  /** Notes where a drawn item stands, and in which chapter. */
  private record(extent: { top: number; bottom: number } | undefined, text: string | undefined): void {
    if (this.doc.page !== this.lastPage) {
      this.lastPage = this.doc.page;
      this.geometry.push({ height: this.doc.page.height, extents: [] });
    }
    if (!extent || this.inArtifact()) return;
    const chapter = this.stack.find((frame) => frame.tag.role === 'Sect');
    const heading = this.stack.some((frame) => /^H\d?$/.test(frame.tag.role));
    const keptWithNext = text !== undefined && (heading || /:\s*$/.test(text));
    this.geometry.at(-1)!.extents.push({ ...extent, chapter: this.idOf(chapter), keptWithNext });
  }

  private innermost(): Frame | undefined {
    return this.stack.at(-1);
  }

  private inArtifact(): boolean {
    return this.stack.some((frame) => frame.tag.role === 'Artifact');
  }

  open(tag: PdfTag, token: object | undefined, run: boolean): void {
    if (tag.role === 'Artifact' || this.inArtifact()) {
      this.stack.push({ tag: tag.role === 'Artifact' ? tag : { role: 'Artifact' }, element: undefined, token, run });
      return;
    }
    const element = this.doc.struct(tag.role, elementOptions(tag));
    const parent = [...this.stack].reverse().find((frame) => frame.element)?.element ?? this.root;
    parent.add(element);
    this.stack.push({ tag, element, token, run });
  }

  /** Closes the frame of this token, and any frame a lost end marker left open inside it. */
  close(match: (frame: Frame) => boolean): void {
    let index = this.stack.length - 1;
    while (index >= 0 && !match(this.stack[index]!)) index--;
    if (index < 0) return;
    for (const frame of this.stack.splice(index).reverse()) frame.element?.end();
  }

  closeToken(token: object): void {
    this.close((frame) => frame.token === token);
  }

  closeRun(): void {
    this.close((frame) => frame.run);
  }

  finish(): void {
    this.close(() => true);
    this.root.end();
  }

  /** One drawn item as one marked-content sequence. */
  draw(kind: DrawnKind, render: () => unknown, drawn: DrawnItem): unknown {
    if (kind !== 'vector' && kind !== 'blank') this.record(drawn.extent, drawn.line ? lineText(drawn.line) : undefined);
    const frame = this.innermost();
    const artifact = this.inArtifact() || kind !== 'text' && (kind === 'vector' || kind === 'blank' || frame?.tag.role !== 'Figure');
    if (artifact) {
      const type = [...this.stack].reverse().find((each) => each.tag.artifact)?.tag.artifact ?? 'Layout';
      this.doc.markContent('Artifact', { type });
      try {
        return render();
      } finally {
        this.doc.endMarkedContent();
      }
    }
    // Text lands in its element; text in a grouping element (or in none) gets a P of its own.
    const owner = frame?.element && !GROUPING_ROLES.has(frame.tag.role) ? frame : undefined;
    const target = owner?.element ?? this.untaggedParagraph(frame?.element);
    const role: StructRole = owner?.tag.role ?? 'P';
    if (role === 'Figure' && drawn.box) this.growBoundingBox(target, drawn.box);
    const content = this.doc.markStructureContent(role);
    target.add(content);
    const restoreAnnotate = kind === 'text' ? this.linkAnnotationsTo(target, role === 'Link', drawn.line) : undefined;
    try {
      return render();
    } finally {
      this.doc.endMarkedContent();
      restoreAnnotate?.();
      if (!owner) target.end();
    }
  }

  /**
   * A Figure's layout attributes: its bounding box (PDF space, bottom-left
   * origin) around every picture drawn in it, as ISO 32000-1 asks of
   * illustrations that appear in the content.
   */
  private growBoundingBox(figure: StructureElement, box: Box): void {
    const height = this.doc.page.height;
    const drawnBox = [box.x, height - box.y - box.height, box.x + box.width, height - box.y];
    const attributes = figure.dictionary.data.A as { BBox: number[] } | undefined;
    const previous = attributes?.BBox;
    const union = previous
      ? [Math.min(previous[0]!, drawnBox[0]!), Math.min(previous[1]!, drawnBox[1]!), Math.max(previous[2]!, drawnBox[2]!), Math.max(previous[3]!, drawnBox[3]!)]
      : drawnBox;
    figure.dictionary.data.A = { O: 'Layout', Placement: 'Block', BBox: union.map((value) => Math.round(value * 100) / 100) };
  }

  private untaggedParagraph(parent: StructureElement | undefined): StructureElement {
    const paragraph = this.doc.struct('P');
    (parent ?? this.root).add(paragraph);
    return paragraph;
  }

  /**
   * pdfkit's links are annotations: in a tagged PDF each belongs to a Link
   * element (the contents' own Link, or one made in the paragraph for a
   * `:chapitre` page number) and says where it goes in /Contents (PDF/UA-1, 7.18.5).
   */
  private linkAnnotationsTo(target: StructureElement, targetIsLink: boolean, line: LineLike | undefined): () => void {
    const doc = this.doc;
    const annotate = doc.annotate;
    doc.annotate = function annotateInLink(x, y, w, h, options) {
      if (options.Subtype !== 'Link') return annotate.call(doc, x, y, w, h, options);
      const link = targetIsLink ? target : doc.struct('Link');
      if (!targetIsLink) target.add(link);
      annotate.call(doc, x, y, w, h, { ...options, Contents: new String(linkDescription(line, options)), structParent: link });
      if (!targetIsLink) link.end();
      return doc;
    };
    return () => {
      doc.annotate = annotate;
    };
  }
}

type DrawnKind = 'text' | 'blank' | 'picture' | 'vector';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the renderer draws: a line, a picture's box (pdfmake space, top-left origin). */
interface DrawnItem {
  line?: LineLike;
  box?: Box;
  /** Top and bottom, in points from the top of the page. */
  extent?: { top: number; bottom: number };
}

/**
 * A link's /Contents: the words of the inline it covers (read once drawn:
 * pdfmake writes a page reference's number into it as it draws it), or
 * "page 12" for a page number alone. French, the document's language,
 * whatever the tool's.
 */
function linkDescription(line: LineLike | undefined, options: Record<string, unknown>): string {
  const action = options.A as { data?: { D?: unknown } } | undefined;
  const destination = action?.data?.D === undefined ? undefined : String(action.data.D);
  const inline = line?.inlines?.find((each) => destination !== undefined && each.linkToDestination === destination);
  const words = (inline?.text ?? lineText(line)).trim();
  return /^\d+$/.test(words) ? `page ${words}` : words;
}

/** Elements that hold other elements, never text of their own. */
const GROUPING_ROLES: ReadonlySet<StructRole> = new Set(['Sect', 'Div', 'L', 'LI', 'Table', 'TR', 'TOC', 'TOCI']);

interface LineLike {
  inlines?: Array<{ text?: string; linkToDestination?: string }>;
  getHeight?(): number;
}

interface PictureLike {
  x: number;
  y: number;
  _width: number;
  _height: number;
}

function lineText(line: LineLike | undefined): string {
  return (line?.inlines ?? []).map((inline) => inline.text ?? '').join('');
}

/** A line without a visible character (an empty column, a spacer) is not content. */
function isBlankLine(line: LineLike | undefined): boolean {
  return lineText(line).trim().length === 0;
}

function drawnItem(kind: DrawnKind, args: unknown[]): DrawnItem {
  if (kind === 'text') {
    const line = args[0] as LineLike | undefined;
    const top = args[2] as number;
    return { line, extent: { top, bottom: top + (line?.getHeight?.() ?? 0) } };
  }
  if (kind !== 'picture') return {};
  const picture = args[0] as PictureLike;
  return { box: { x: picture.x, y: picture.y, width: picture._width, height: picture._height }, extent: { top: picture.y, bottom: picture.y + picture._height } };
}

function elementOptions(tag: PdfTag): Record<string, unknown> {
  return {
    ...(tag.alt !== undefined ? { alt: tag.alt } : {}),
    ...(tag.actual !== undefined ? { actual: tag.actual } : {}),
    ...(tag.scope !== undefined ? { scope: tag.scope } : {}),
    ...(tag.title !== undefined ? { title: tag.title } : {}),
  };
}

const writers = new WeakMap<object, StructureWriter>();

function patchRenderer(): void {
  const proto = Renderer.prototype;
  const renderPages = proto.renderPages!;
  proto.renderPages = function renderTaggedPages(this: unknown, ...args: unknown[]) {
    const renderer = this as RendererLike;
    if (!renderer.pdfDocument.options.tagged) return renderPages.apply(this, args);
    const writer = new StructureWriter(renderer.pdfDocument);
    writers.set(renderer, writer);
    try {
      return renderPages.apply(this, args);
    } finally {
      writer.finish();
      writers.delete(renderer);
    }
  };
  const drawing: Array<[string, DrawnKind]> = [
    ['renderLine', 'text'],
    ['renderVector', 'vector'],
    ['renderImage', 'picture'],
    ['renderSVG', 'picture'],
  ];
  for (const [name, kind] of drawing) {
    const original = proto[name]!;
    proto[name] = function drawTagged(this: unknown, ...args: unknown[]) {
      const writer = writers.get(this as object);
      if (!writer) return original.apply(this, args);
      const drawn = kind === 'text' && isBlankLine(args[0] as LineLike | undefined) ? 'blank' : kind;
      return writer.draw(drawn, () => original.apply(this, args), drawnItem(kind, args));
    };
  }
  const begin = proto.beginVerticalAlignment!;
  proto.beginVerticalAlignment = function beginTagged(this: unknown, ...args: unknown[]) {
    const marker = (args[0] as Record<string, unknown> | undefined)?.[MARKER] as Marker | undefined;
    if (!marker) return begin.apply(this, args);
    const writer = writers.get(this as object);
    if (marker.begin) writer?.open(marker.begin.tag, marker.begin.token, false);
    if (marker.openRun) writer?.open(marker.openRun, undefined, true);
    return undefined;
  };
  const end = proto.endVerticalAlignment!;
  proto.endVerticalAlignment = function endTagged(this: unknown, ...args: unknown[]) {
    const marker = (args[0] as Record<string, unknown> | undefined)?.[MARKER] as Marker | undefined;
    if (!marker) return end.apply(this, args);
    const writer = writers.get(this as object);
    if (marker.end) writer?.closeToken(marker.end.token);
    if (marker.closeRun) writer?.closeRun();
    return undefined;
  };
}
