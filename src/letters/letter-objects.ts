import { PDFHexString, PDFName } from '../vendor/pdf-lib.js';
import { LETTER_SLOT } from './letter-model.js';
import type { AppendedObjects } from './appended-objects.js';
import type { StaticNode, StaticStructure } from './stamp-structure.js';

/**
 * The objects of one stamped letter as one text template, compiled once per
 * batch: its pages, their stamped content streams, its Part of the structure
 * tree with a copy of every static element, and its parent-tree arrays.
 * Every letter of a batch has the same objects in the same order; only their
 * numbers, the stamped content and the code's /ActualText differ, so a letter
 * costs one pass over the template's pieces (src/letters/appended-objects.ts
 * writes them after pdf-lib's shared objects).
 */

/** Where a letter's stamped strings are as marked content: page index and MCID (the same for every letter). */
export interface StampedSlots {
  address: { page: number; mcid: number };
  recipients: Array<{ page: number; mcid: number }>;
  code: { page: number; mcid: number };
}

/** The batch's shared objects the letter's pages point to, as PDF text. */
export interface SharedObjects {
  pageTree: string;
  mediaBox: string;
  /** Resources of each static page. */
  resources: string[];
  /** Each static page's shared content streams (`q`, the static content, `Q`). */
  contents: string[];
  documentElement: string;
}

/** A letter's variable parts. */
export interface LetterValues {
  /** Object number of the letter's first object. */
  first: number;
  /** StructParents key of the letter's first page. */
  firstKey: number;
  /** Stamped operators of each page. */
  streams: string[];
  code: string;
}

const enum Hole {
  ObjectStart,
  Number,
  Key,
  Stream,
  StreamLength,
  CodeText,
}

/** The marker written in the template for a hole, split out again at compile time. */
const MARK = '\u0000';
const hole = (kind: Hole, argument = 0) => `${MARK}${kind}:${argument}${MARK}`;
const objectNumber = (relative: number) => `${hole(Hole.Number, relative)} 0 R`;

export class LetterObjects {
  /** Objects per letter. */
  readonly count: number;
  /** Relative numbers of the letter's pages, its Part and its parent-tree arrays (by page). */
  readonly pages: number[];
  readonly part: number;
  readonly parentArrays: number[];
  private readonly literals: Uint8Array[] = [];
  private readonly holes: Array<[Hole, number]> = [];

  constructor(statics: StaticStructure, slots: StampedSlots, shared: SharedObjects) {
    const bodies: string[] = [];
    const reserve = () => bodies.push('') - 1;
    this.pages = statics.mcidCount.map(reserve);
    const streams = this.pages.map(reserve);
    this.part = reserve();
    const structure = structureBodies(statics, slots, this.pages, this.part, reserve);
    const children = structure.roots.map((root) => {
      bodies[root.number] = root.body;
      return objectNumber(root.number);
    });
    for (const element of structure.elements) bodies[element.number] = element.body;
    bodies[this.part] = `<</Type/StructElem/S/Part/P ${shared.documentElement}/K[${children.join(' ')}]>>`;
    this.parentArrays = structure.byMcid.map((elements) => {
      const number = reserve();
      bodies[number] = `[${elements.map((element) => (element === undefined ? 'null' : objectNumber(element))).join(' ')}]`;
      return number;
    });
    this.pages.forEach((page, index) => {
      const contents = `[${shared.contents[index]} ${objectNumber(streams[index]!)}]`;
      bodies[page] = `<</Type/Page/Parent ${shared.pageTree}/MediaBox ${shared.mediaBox}/Resources ${shared.resources[index]}/Contents ${contents}/StructParents ${hole(Hole.Key, index)}/Tabs/S>>`;
      bodies[streams[index]!] = `<</Length ${hole(Hole.StreamLength, index)}>>\nstream\n${hole(Hole.Stream, index)}\nendstream`;
    });
    this.count = bodies.length;
    this.compile(bodies.map((body, number) => `${hole(Hole.ObjectStart)}${hole(Hole.Number, number)} 0 obj\n${body}\nendobj\n`).join(''));
  }

  private compile(template: string): void {
    const parts = template.split(MARK);
    for (let index = 0; index < parts.length; index += 2) {
      this.literals.push(Buffer.from(parts[index]!, 'latin1'));
      const marker = parts[index + 1];
      if (marker === undefined) break;
      const [kind, argument] = marker.split(':').map(Number) as [Hole, number];
      this.holes.push([kind, argument]);
    }
  }

  /** Writes one letter's objects, numbered from `values.first`. */
  write(values: LetterValues, objects: AppendedObjects): void {
    const out = objects.bytes;
    let object = 0;
    out.raw(this.literals[0]!);
    for (let index = 0; index < this.holes.length; index++) {
      const [kind, argument] = this.holes[index]!;
      switch (kind) {
        case Hole.ObjectStart:
          objects.begin(values.first + object++);
          break;
        case Hole.Number:
          out.integer(values.first + argument);
          break;
        case Hole.Key:
          out.integer(values.firstKey + argument);
          break;
        case Hole.Stream:
          out.ascii(values.streams[argument]!);
          break;
        case Hole.StreamLength:
          out.integer(values.streams[argument]!.length);
          break;
        case Hole.CodeText:
          out.ascii(PDFHexString.fromText(values.code).toString());
          break;
      }
      out.raw(this.literals[index + 1]!);
    }
  }
}

/**
 * A copy of the static structure for one letter, each element filled with its
 * marked content: bare MCIDs on the element's own page (/Pg), MCRs elsewhere.
 * The stamped strings fill the empty elements the layout left for them
 * (`livret:address`, `livret:recipient-N`, `livret:code`).
 */
function structureBodies(statics: StaticStructure, slots: StampedSlots, pages: number[], part: number, reserve: () => number) {
  const elements: Array<{ number: number; body: string }> = [];
  const byMcid: Array<Array<number | undefined>> = statics.mcidCount.map(() => []);
  const slotOf = (title: string | undefined): { page: number; mcid: number; code?: true } | undefined => {
    if (title === LETTER_SLOT.address) return slots.address;
    if (title === LETTER_SLOT.code) return { ...slots.code, code: true };
    if (title?.startsWith(LETTER_SLOT.recipient)) return slots.recipients[Number(title.slice(LETTER_SLOT.recipient.length))];
    return undefined;
  };
  const build = (node: StaticNode, parent: number): { number: number; body: string } => {
    const number = reserve();
    const kids: string[] = [];
    let ownPage: number | undefined;
    const markedContent = (page: number, mcid: number) => {
      byMcid[page]![mcid] = number;
      ownPage ??= page;
      kids.push(page === ownPage ? String(mcid) : `<</Type/MCR/Pg ${objectNumber(pages[page]!)}/MCID ${mcid}>>`);
    };
    for (const child of node.children) {
      if ('role' in child) {
        const element = build(child, number);
        elements.push(element);
        kids.push(objectNumber(element.number));
      } else markedContent(child.page, child.mcid);
    }
    const slot = slotOf(node.title);
    if (slot) markedContent(slot.page, slot.mcid);
    const pg = ownPage === undefined ? '' : `/Pg ${objectNumber(pages[ownPage]!)}`;
    const alt = node.alt === undefined ? '' : `/Alt${PDFHexString.fromText(node.alt).toString()}`;
    const actual = slot?.code ? `/ActualText${hole(Hole.CodeText)}` : '';
    return { number, body: `<</Type/StructElem/S${PDFName.of(node.role).toString()}/P ${objectNumber(parent)}${pg}/K[${kids.join(' ')}]${alt}${actual}>>` };
  };
  return { roots: statics.roots.map((root) => build(root, part)), elements, byMcid: byMcid.map((ids) => Array.from(ids)) };
}
