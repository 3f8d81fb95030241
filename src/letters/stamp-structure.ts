import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from '../vendor/pdf-lib.js';

/**
 * The structure tree of stamped letters (PDF/UA). The static letter is
 * rendered tagged by pdfmake (src/letters/layout.ts); its pages' content
 * streams are shared by every letter, and each letter page has its own
 * StructParents, so the same marked-content ids (MCIDs) point, page by page,
 * to that letter's own copy of the static structure. The stamped strings are
 * marked content too, with ids after the static ones, and fill the empty
 * elements the layout left for them (`livret:address`, `livret:recipient-N`,
 * `livret:code`); the code carries /ActualText of its digits. This file
 * reads the static structure and writes the batch's root; each letter's copy
 * is written from src/letters/letter-objects.ts.
 */

/** The static structure, read once per batch: elements with their marked content per page index. */
export interface StaticNode {
  role: string;
  title: string | undefined;
  alt: string | undefined;
  children: Array<StaticNode | { page: number; mcid: number }>;
}

export interface StaticStructure {
  /** Children of the static Document element. */
  roots: StaticNode[];
  /** Marked-content ids used by the static content of each page (the stamper's ids come after). */
  mcidCount: number[];
}

function textOf(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

export function readStaticStructure(document: PDFDocument): StaticStructure {
  const pageRefs = document.getPages().map((page) => page.ref);
  const mcidCount = pageRefs.map(() => 0);
  const pageIndex = (ref: PDFObject | undefined) => pageRefs.findIndex((each) => each === ref);
  const read = (dict: PDFDict, inheritedPage: number): StaticNode => {
    const page = dict.has(PDFName.of('Pg')) ? pageIndex(dict.get(PDFName.of('Pg'))) : inheritedPage;
    const kids = dict.get(PDFName.of('K'));
    const items = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    const children: StaticNode['children'] = [];
    for (const item of items) {
      const resolved = item instanceof PDFRef ? document.context.lookup(item) : item;
      if (resolved instanceof PDFNumber) {
        children.push({ page, mcid: resolved.asNumber() });
        mcidCount[page] = Math.max(mcidCount[page] ?? 0, resolved.asNumber() + 1);
      } else if (resolved instanceof PDFDict && resolved.get(PDFName.of('Type')) === PDFName.of('MCR')) {
        const mcrPage = pageIndex(resolved.get(PDFName.of('Pg')));
        const mcid = (resolved.get(PDFName.of('MCID')) as PDFNumber).asNumber();
        children.push({ page: mcrPage, mcid });
        mcidCount[mcrPage] = Math.max(mcidCount[mcrPage] ?? 0, mcid + 1);
      } else if (resolved instanceof PDFDict) {
        children.push(read(resolved, page));
      }
    }
    const role = (dict.get(PDFName.of('S')) as PDFName).decodeText();
    return { role, title: textOf(dict.get(PDFName.of('T'))), alt: textOf(dict.get(PDFName.of('Alt'))), children };
  };
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const top = root?.get(PDFName.of('K'));
  const topDict = top instanceof PDFRef ? document.context.lookup(top) : top;
  const documentElement = topDict instanceof PDFArray ? document.context.lookup(topDict.get(0)) : topDict;
  if (!(documentElement instanceof PDFDict)) throw new Error('the static letter is not tagged');
  return { roots: read(documentElement, 0).children.filter((child): child is StaticNode => 'role' in child), mcidCount };
}

/**
 * The whole batch's tree: Document → one Part per letter. The letters' own
 * elements are written from a template (src/letters/letter-objects.ts); the
 * Document, the root and the parent tree's index are pdf-lib's.
 */
export class BatchStructure {
  private readonly parts: PDFRef[] = [];
  /** Object number of each page's array of elements by MCID, by StructParents key. */
  private readonly parentArrays: number[] = [];
  readonly documentRef: PDFRef;

  constructor(private readonly document: PDFDocument) {
    this.documentRef = document.context.nextRef();
  }

  /** The StructParents key of the next page. */
  get nextKey(): number {
    return this.parentArrays.length;
  }

  /** One letter's Part and its pages' arrays (object numbers), in page order. */
  addLetter(part: number, parentArrays: number[]): void {
    this.parts.push(PDFRef.of(part));
    this.parentArrays.push(...parentArrays);
  }

  /** Writes the tree, /MarkInfo, /Lang, DisplayDocTitle and the XMP (dc:title, PDF/UA-1) into the catalog. */
  finish(title: string, date: Date): void {
    const context = this.document.context;
    const rootRef = context.nextRef();
    context.assign(this.documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: this.parts }));
    const nums = this.parentArrays.flatMap((number, key) => [PDFNumber.of(key), PDFRef.of(number)]);
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: this.documentRef, ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: this.parentArrays.length }));
    const catalog = this.document.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    catalog.set(PDFName.of('Lang'), PDFString.of('fr-FR'));
    catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
    const metadata = context.stream(xmp(title, date), { Type: 'Metadata', Subtype: 'XML' });
    catalog.set(PDFName.of('Metadata'), context.register(metadata));
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function xmp(title: string, date: Date): string {
  const when = date.toISOString().split('.')[0] + 'Z';
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${when}</xmp:CreateDate><xmp:ModifyDate>${when}</xmp:ModifyDate><xmp:CreatorTool>livret</xmp:CreatorTool></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>livret</pdf:Producer></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** The static pages' content streams and resources, copied once into the batch. */
export async function copyStaticPages(document: PDFDocument, staticPdf: Uint8Array): Promise<{ pages: Array<{ contents: PDFObject[]; resources: PDFDict }>; structure: StaticStructure }> {
  const source = await PDFDocument.load(staticPdf, { updateMetadata: false });
  const structure = readStaticStructure(source);
  const copied = await document.copyPages(source, source.getPageIndices());
  const pages = copied.map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const list = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    return { contents: list, resources: page.node.Resources() ?? document.context.obj({}) };
  });
  return { pages, structure };
}

