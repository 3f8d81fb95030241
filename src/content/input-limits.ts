/**
 * Every limit livret puts on what it reads, with its value, in one place
 * (README "Limits" lists the same values). Each is far above what a real
 * easy-read booklet needs and far below what would exhaust memory or time:
 * going over one stops with exit 2, the file and line, and what to do.
 */
export const INPUT_LIMITS = {
  /** A chapter's size in bytes (the reference chapters are about 3 KB). */
  chapterBytes: 200_000,
  /** A chapter's lines (one sentence per line: 2,000 sentences is several booklets). */
  chapterLines: 2_000,
  /** Characters of one block: lines that follow each other without a blank line (a paragraph, a list, a table). */
  blockCharacters: 20_000,
  /** Formatting marks (`*`, `_`, `~`, `[`) in one block: the Markdown parser slows down sharply past a few hundred. */
  blockMarks: 500,
  /** Lists, quotes and `:::` directives inside each other, counted together. */
  nestingDepth: 10,
  /** Nodes inside each other in a chapter's tree (inline emphasis, links, terms included). */
  treeDepth: 40,
  /** A YAML file's size in bytes (department files are about 2 KB). */
  yamlBytes: 1_000_000,
  /** Lists and maps inside each other in a YAML file (a department file has 4 levels). */
  yamlDepth: 50,
  /** YAML aliases (`*name`) expanded in one file: an "alias bomb" multiplies them. */
  yamlAliases: 100,
  /** A picture's file size in bytes (checked before the file is read). */
  pictureBytes: 30_000_000,
  /** A picture's pixels (width × height): decoding more could exhaust memory. */
  picturePixels: 50_000_000,
  /** A pictogram PNG's pixels: 512 × 512 is plenty. */
  pictogramPixels: 4_000_000,
  /** An SVG's size in bytes, after decompression for a gzip-compressed one. */
  svgBytes: 5_000_000,
  /** SVG elements inside each other. */
  svgDepth: 50,
  /** SVG elements drawn from one file, each `<use>` counted with what it draws again. */
  svgElements: 20_000,
} as const;

export type InputLimit = keyof typeof INPUT_LIMITS;

/** "1 000 000" the French way, for messages. */
export function frenchNumber(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
}

/** "1 Mo", "30 Mo" for byte limits in messages. */
export function frenchBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${frenchNumber(Math.round(bytes / 100_000) / 10)} Mo`;
  if (bytes >= 1_000) return `${frenchNumber(Math.round(bytes / 100) / 10)} ko`;
  return `${bytes} octets`;
}
