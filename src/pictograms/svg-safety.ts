/**
 * SVG files come from users (custom pictograms, SVG screenshots). An SVG can
 * run scripts or make the renderer fetch files and URLs, so livret accepts only
 * self-contained drawings: no script, no event handler, no foreignObject, no
 * DOCTYPE or entity, and references only to the same file (`#id`) or to an
 * embedded PNG/JPEG (`data:image/png;base64,…`).
 */
export interface SvgProblem {
  /** Line in the SVG file (1-based). */
  line: number;
  message: string;
}

const LOCAL_REFERENCE = /^\s*(#[^\s]*|data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]*)\s*$/i;

const FORBIDDEN: Array<{ pattern: RegExp; message: (match: RegExpExecArray) => string }> = [
  { pattern: /<\s*script\b/gi, message: () => 'it contains a <script>' },
  { pattern: /<\s*foreignObject\b/gi, message: () => 'it contains a <foreignObject>' },
  { pattern: /<!\s*(DOCTYPE|ENTITY)\b/gi, message: (m) => `it declares a <!${m[1]!.toUpperCase()}> (entities can read other files)` },
  { pattern: /\son[a-z]+\s*=/gi, message: (m) => `it has an event handler (${m[0].trim().replace(/\s*=$/, '')}=…)` },
  { pattern: /@import\b/gi, message: () => 'its style imports another file (@import)' },
];

/** Every reason to refuse `svg`, in file order (empty: the SVG is safe). */
export function svgProblems(svg: string): SvgProblem[] {
  const problems: Array<SvgProblem & { index: number }> = [];
  const lineAt = (index: number) => svg.slice(0, index).split('\n').length;
  for (const { pattern, message } of FORBIDDEN) {
    for (const match of svg.matchAll(pattern)) problems.push({ index: match.index, line: lineAt(match.index), message: message(match as RegExpExecArray) });
  }
  for (const match of svg.matchAll(/\s((?:xlink:)?href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const value = match[3] ?? match[4] ?? '';
    if (!LOCAL_REFERENCE.test(value)) {
      problems.push({ index: match.index, line: lineAt(match.index), message: `it refers to an outside resource (${match[1]}="${value.slice(0, 60)}")` });
    }
  }
  for (const match of svg.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!match[2]!.trim().startsWith('#')) {
      problems.push({ index: match.index, line: lineAt(match.index), message: `it refers to an outside resource (url(${match[2]!.slice(0, 60)}))` });
    }
  }
  return problems.sort((a, b) => a.index - b.index).map(({ line, message }) => ({ line, message }));
}

/** Whether bytes look like an SVG document (by content, not by file name). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--') || head.startsWith('<!DOCTYPE svg');
}
