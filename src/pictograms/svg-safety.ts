import { gunzipSync } from 'node:zlib';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { frenchBytes, frenchNumber, INPUT_LIMITS } from '../content/input-limits.js';

/**
 * SVG files come from users (custom pictograms, SVG screenshots). An SVG can
 * run scripts or make the renderer fetch files and URLs, so livret accepts only
 * self-contained drawings, read with a real XML parser (saxes, namespaces
 * resolved): every element and attribute must be on the allow-list below,
 * whatever prefix it is written with (`<svg:script>` is a script, an `href`
 * under any prefix bound to the XLink namespace is an `xlink:href`);
 * references go only to the same file (`#id`) or to an embedded PNG/JPEG
 * (`data:image/png;base64,…`); no DOCTYPE, entity or processing instruction.
 * A gzip-compressed SVG (.svgz) is recognised by its bytes and checked once
 * inflated, within the size limit.
 */
export interface SvgProblem {
  /** Line in the SVG file (1-based). */
  line: number;
  message: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Drawing editors' bookkeeping, which no renderer draws or follows (Inkscape, Sodipodi, RDF metadata). */
const EDITOR_NAMESPACES = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
]);

/** Elements that draw, group, define paint or describe; nothing that scripts, animates, links or embeds a document. */
const ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'switch',
    'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'textPath',
    'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
    'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
    'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
    'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
    'feSpotLight', 'feTile', 'feTurbulence',
  ],
);

/** Attributes without a namespace: geometry, paint, text and filter parameters; no event handler (`on…`). */
const ATTRIBUTES = new Set(
  [
    'id', 'class', 'style', 'lang', 'tabindex', 'role', 'focusable', 'version', 'baseProfile',
    'x', 'y', 'width', 'height', 'rx', 'ry', 'cx', 'cy', 'r', 'fx', 'fy', 'fr', 'x1', 'y1', 'x2', 'y2',
    'points', 'd', 'pathLength', 'transform', 'viewBox', 'preserveAspectRatio', 'href',
    'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
    'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'color', 'display', 'visibility',
    'clip-path', 'clip-rule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits', 'overflow', 'paint-order',
    'vector-effect', 'shape-rendering', 'image-rendering', 'text-rendering', 'color-rendering', 'color-interpolation',
    'color-interpolation-filters', 'mix-blend-mode', 'isolation', 'enable-background',
    'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch', 'text-anchor',
    'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration',
    'writing-mode', 'direction', 'unicode-bidi', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset',
    'stop-color', 'stop-opacity', 'offset', 'gradientUnits', 'gradientTransform', 'spreadMethod',
    'patternUnits', 'patternContentUnits', 'patternTransform',
    'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
    'filter', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4',
    'values', 'type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'stdDeviation', 'edgeMode',
    'flood-color', 'flood-opacity', 'lighting-color', 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY',
    'preserveAlpha', 'surfaceScale', 'diffuseConstant', 'specularConstant', 'specularExponent', 'kernelUnitLength',
    'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'scale',
    'xChannelSelector', 'yChannelSelector', 'radius', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles',
    'requiredFeatures', 'requiredExtensions', 'systemLanguage', 'media',
  ],
);
const XLINK_ATTRIBUTES = new Set(['href', 'title', 'type', 'actuate', 'show', 'role', 'arcrole']);
const XML_ATTRIBUTES = new Set(['space', 'lang', 'base']);

/** Where a reference may point: inside the file, or a PNG/JPEG carried inside it. */
const LOCAL_REFERENCE = /^\s*(#[^\s]*|data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]*)\s*$/i;

/** The message for a refused SVG, the same for screenshots and pictograms. */
export function svgRefusal(problem: SvgProblem): string {
  return `ce SVG est refusé : ${problem.message} (ligne ${problem.line} du SVG) ; livret ne dessine que des SVG autonomes`;
}

class Refusal extends Error {
  constructor(readonly problem: SvgProblem) {
    super(problem.message);
  }
}

/** The first reason to refuse `svg` (empty list: the SVG is safe). */
export function svgProblems(svg: string): SvgProblem[] {
  if (svg.length > INPUT_LIMITS.svgBytes) {
    return [{ line: 1, message: `il fait plus de ${frenchBytes(INPUT_LIMITS.svgBytes)} ; simplifiez le dessin ou enregistrez-le en PNG` }];
  }
  const checked = checkSvgText(svg);
  return 'problem' in checked ? [checked.problem] : [];
}

function checkSvgText(svg: string): { root: SvgRoot } | { problem: SvgProblem } {
  try {
    return { root: scan(svg) };
  } catch (error) {
    if (error instanceof Refusal) return { problem: error.problem };
    throw error;
  }
}

/** The root element: its offset in the text and its name as written (`svg`, or `s:svg` with a prefix). */
export interface SvgRoot {
  start: number;
  name: string;
}

function scan(svg: string): SvgRoot {
  let root: SvgRoot = { start: 0, name: 'svg' };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const refuse = (message: string, line = parser.line): never => {
    throw new Refusal({ line, message });
  };
  let depth = 0;
  let elements = 0;
  let inStyle = false;
  let tagLine = 1;
  let sawRoot = false;
  const uses = new UseExpansion();
  parser.on('error', (error) => refuse(`ce n'est pas un fichier XML valide (${error.message.replace(/^\d+:\d+: /, '')})`));
  parser.on('doctype', () => refuse('il déclare un <!DOCTYPE> (ses entités peuvent lire d\'autres fichiers)'));
  parser.on('processinginstruction', (instruction) => refuse(`il contient une instruction <?${instruction.target} …?> (elle peut charger une feuille de style)`));
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    elements += 1;
    if (depth > INPUT_LIMITS.svgDepth) refuse(`plus de ${INPUT_LIMITS.svgDepth} éléments les uns dans les autres ; simplifiez le dessin`, tagLine);
    if (elements > INPUT_LIMITS.svgElements) refuse(`plus de ${frenchNumber(INPUT_LIMITS.svgElements)} éléments ; simplifiez le dessin ou enregistrez-le en PNG`, tagLine);
    if (!sawRoot && !(tag.local === 'svg' && (tag.uri === SVG_NS || tag.uri === ''))) refuse(`le premier élément est <${tag.name}>, pas <svg>`, tagLine);
    // Where the root element starts (a comment before it may hold "<svg" too): the last "<name" before the parser's position.
    if (!sawRoot) root = { start: svg.lastIndexOf(`<${tag.name}`, parser.position), name: tag.name };
    sawRoot = true;
    checkElement(tag, (message) => refuse(message, tagLine));
    inStyle = tag.local === 'style';
    uses.open(tag, tagLine);
  });
  parser.on('closetag', () => {
    depth -= 1;
    inStyle = false;
    uses.close();
  });
  const checkText = (text: string) => {
    if (inStyle) checkCss(text, (message) => refuse(message));
  };
  parser.on('text', checkText);
  parser.on('cdata', checkText);
  parser.write(svg).close();
  if (!sawRoot) refuse('il ne contient pas d\'élément <svg>');
  uses.check(refuse);
  return root;
}

interface ElementRecord {
  line: number;
  children: ElementRecord[];
  /** Ids this element draws again with <use href="#id">. */
  uses: string[];
}

/**
 * `<use>` draws an element again, and may point at a group full of `<use>`:
 * 20 nested groups of two `<use>` draw a million copies (the SVG "billion
 * laughs"), which exhausted the renderer's memory. The elements drawn, with
 * every `<use>` expanded, must stay within the element limit.
 */
class UseExpansion {
  private readonly root: ElementRecord = { line: 1, children: [], uses: [] };
  private readonly open_: ElementRecord[] = [this.root];
  private readonly byId = new Map<string, ElementRecord>();
  private anyUse = false;

  open(tag: SaxesTagNS, line: number): void {
    const record: ElementRecord = { line, children: [], uses: [] };
    this.open_.at(-1)!.children.push(record);
    this.open_.push(record);
    const id = (Object.values(tag.attributes) as SaxesAttributeNS[]).find((attribute) => attribute.local === 'id' && attribute.uri === '')?.value;
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, record);
    if (tag.local === 'use') {
      const href = (Object.values(tag.attributes) as SaxesAttributeNS[]).find((attribute) => attribute.local === 'href')?.value.trim();
      if (href?.startsWith('#')) {
        record.uses.push(href.slice(1));
        this.anyUse = true;
      }
    }
  }

  close(): void {
    this.open_.pop();
  }

  check(refuse: (message: string, line?: number) => never): void {
    if (!this.anyUse) return;
    const sizes = new Map<ElementRecord, number>();
    const visiting = new Set<ElementRecord>();
    const limit = INPUT_LIMITS.svgElements;
    const tooMany = (line: number) => refuse(`ses <use> redessinent plus de ${frenchNumber(limit)} éléments ; dessinez les copies une fois pour toutes ou enregistrez-le en PNG`, line);
    // Sizes are summed children first; the explicit stack keeps long chains of <use> off the call stack.
    const stack: ElementRecord[] = [this.root];
    while (stack.length > 0) {
      const record = stack.at(-1)!;
      const parts = [...record.children, ...record.uses.map((id) => this.byId.get(id)).filter((target) => target !== undefined)];
      const pending = parts.filter((part) => !sizes.has(part));
      if (pending.length > 0 && !visiting.has(record)) {
        visiting.add(record);
        for (const part of pending) {
          if (visiting.has(part)) refuse('ses <use> se renvoient l\'un à l\'autre en boucle', part.line);
          stack.push(part);
        }
        continue;
      }
      stack.pop();
      visiting.delete(record);
      if (sizes.has(record)) continue;
      const size = 1 + parts.reduce((sum, part) => sum + (sizes.get(part) ?? 0), 0);
      if (size > limit) tooMany(record.line);
      sizes.set(record, size);
    }
  }
}

function describe(tag: SaxesTagNS): string {
  return tag.uri === SVG_NS || tag.uri === '' ? `<${tag.local}>` : `<${tag.name}> (espace de noms ${tag.uri})`;
}

function checkElement(tag: SaxesTagNS, refuse: (message: string) => never): void {
  const inert = EDITOR_NAMESPACES.has(tag.uri);
  if (!inert && !((tag.uri === SVG_NS || tag.uri === '') && ELEMENTS.has(tag.local))) {
    refuse(`il contient un élément ${describe(tag)}, qui n'est pas dans la liste des éléments acceptés (dessin seulement : pas de script, d'animation, de lien ni de document embarqué)`);
  }
  for (const attribute of Object.values(tag.attributes) as SaxesAttributeNS[]) checkAttribute(tag, attribute, refuse);
}

function checkAttribute(tag: SaxesTagNS, attribute: SaxesAttributeNS, refuse: (message: string) => never): void {
  const { uri, local, value } = attribute;
  // An editor's own element is not drawn: its plain attributes (pagecolor, zoom…) are inert, event handlers still refused.
  const inertElement = EDITOR_NAMESPACES.has(tag.uri) && !/^on/i.test(local);
  const allowed =
    uri === XMLNS_NS ||
    (uri === '' && (ATTRIBUTES.has(local) || /^(data|aria)-[\w-]+$/.test(local) || inertElement)) ||
    (uri === XLINK_NS && XLINK_ATTRIBUTES.has(local)) ||
    (uri === XML_NS && XML_ATTRIBUTES.has(local)) ||
    (EDITOR_NAMESPACES.has(uri) && local !== 'href');
  if (!allowed) {
    const what = /^on/i.test(local) ? 'un gestionnaire d\'événement' : 'un attribut';
    refuse(`l'élément ${describe(tag)} a ${what} ${attribute.name}=… qui n'est pas dans la liste des attributs acceptés`);
  }
  if (local === 'href' && (uri === '' || uri === XLINK_NS) && !LOCAL_REFERENCE.test(value)) {
    refuse(`il renvoie à une ressource extérieure (${attribute.name}="${value.slice(0, 60)}") ; seules les références #id et les images PNG/JPEG embarquées sont acceptées`);
  }
  if (uri === XML_NS && local === 'base') refuse(`il change l'adresse de base des liens (${attribute.name}="${value.slice(0, 60)}")`);
  checkCss(value, refuse);
}

/** CSS in a style element or attribute: no @import, url() only to `#id`, no old script hooks. */
function checkCss(css: string, refuse: (message: string) => never): void {
  if (/@import\b/i.test(css)) refuse('son style importe un autre fichier (@import)');
  for (const match of css.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!match[2]!.trim().startsWith('#')) refuse(`il renvoie à une ressource extérieure (url(${match[2]!.slice(0, 60)}))`);
  }
  if (/expression\s*\(|behavior\s*:|-moz-binding/i.test(css)) refuse('son style contient du code (expression, behavior ou binding)');
}

/** Whether bytes start with the gzip signature (1f 8b): a compressed SVG (.svgz) or other compressed data. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Whether bytes look like an SVG document (by content, not by file name). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Leading white space of any length (sharp's SVG loader skips it too).
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
  const head = Buffer.from(bytes.subarray(start, start + 1024)).toString('utf8');
  return head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--') || head.startsWith('<!DOCTYPE') || /^<[\w.-]+:svg[\s>]/.test(head);
}

export type SvgReading = { svg: string; root: SvgRoot; problem?: undefined } | { svg?: undefined; root?: undefined; problem: SvgProblem };

/**
 * An SVG file's bytes → its checked text: inflated first when gzip-compressed
 * (never past the size limit), then read as UTF-8 and checked.
 */
export function readSafeSvg(bytes: Uint8Array): SvgReading {
  let data = Buffer.from(bytes);
  if (isGzip(data)) {
    try {
      data = gunzipSync(data, { maxOutputLength: INPUT_LIMITS.svgBytes });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
      return {
        problem: {
          line: 1,
          message: tooLarge
            ? `décompressé, il fait plus de ${frenchBytes(INPUT_LIMITS.svgBytes)} ; simplifiez le dessin ou enregistrez-le en PNG`
            : 'c\'est un fichier compressé (gzip) abîmé ; enregistrez-le à nouveau en SVG non compressé',
        },
      };
    }
  }
  if (data.length > INPUT_LIMITS.svgBytes) {
    return { problem: { line: 1, message: `il fait ${frenchBytes(data.length)}, plus que la limite de ${frenchBytes(INPUT_LIMITS.svgBytes)} ; simplifiez le dessin ou enregistrez-le en PNG` } };
  }
  const text = data.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(data)) {
    return { problem: { line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length, message: 'il n\'est pas en UTF-8 ; enregistrez-le en UTF-8' } };
  }
  const svg = text.replace(/^\uFEFF/, '');
  if (svg.length > INPUT_LIMITS.svgBytes) return { problem: svgProblems(svg)[0]! };
  const checked = checkSvgText(svg);
  return 'problem' in checked ? { problem: checked.problem } : { svg, root: checked.root };
}
