import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { firstInvalidUtf8 } from '../files/utf8.js';
import { LivretError } from '../errors.js';
import { frenchBytes, INPUT_LIMITS } from './input-limits.js';

/**
 * Reads a text file a user wrote (chapter, YAML): its size checked before it is
 * read, its bytes checked as UTF-8 (a file saved in Windows-1252 would
 * otherwise turn "é" into "�" and fail later with a misleading message), a
 * leading BOM dropped.
 */
export interface TextFileOptions {
  /** Larger files are refused before they are read. */
  maxBytes: number;
  /** What the file is, for the size message: "un chapitre", "un fichier YAML". */
  what: string;
  /** What to do when it is too large. */
  tooLargeAdvice: string;
  /** The error to throw when the file cannot be read (missing, a folder…). */
  unreadable: (error: NodeJS.ErrnoException) => Error;
}

export async function readTextFile(file: string, shown: string, options: TextFileOptions): Promise<string> {
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : undefined),
    (error: NodeJS.ErrnoException) => {
      throw options.unreadable(error);
    },
  );
  if (size === undefined) throw options.unreadable(Object.assign(new Error('not a file'), { code: 'EISDIR' }));
  if (size > options.maxBytes) {
    throw new LivretError(
      `le fichier fait ${frenchBytes(size)}, plus que la limite de ${frenchBytes(options.maxBytes)} pour ${options.what} ; ${options.tooLargeAdvice}`,
      { file: shown, line: 1 },
    );
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw options.unreadable(error);
  });
  return decodeUtf8(bytes, shown);
}

type Unreadable = TextFileOptions['unreadable'];

/** A chapter's Markdown (its line count and nesting are checked by parseMarkdown). */
export function readChapterFile(file: string, shown: string, unreadable: Unreadable): Promise<string> {
  return readTextFile(file, shown, { maxBytes: INPUT_LIMITS.chapterBytes, what: 'un chapitre', tooLargeAdvice: 'coupez-le en plusieurs chapitres', unreadable });
}

/** A YAML file of the project (booklet, department, lexicon, check settings). */
export function readYamlFile(file: string, shown: string, unreadable: Unreadable): Promise<string> {
  return readTextFile(file, shown, { maxBytes: INPUT_LIMITS.yamlBytes, what: 'un fichier YAML', tooLargeAdvice: 'gardez-y seulement les réglages et les données du livret', unreadable });
}

/** UTF-8 bytes → text; any other encoding is refused at the line and column of its first bad byte. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const before = Buffer.from(bytes.subarray(0, offset)).toString('utf8');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    throw new LivretError(
      `ce fichier n'est pas en UTF-8 (octet 0x${byte} illisible, par exemple un « é » enregistré en Windows-1252) : ouvrez-le dans votre éditeur et enregistrez-le en UTF-8`,
      { file: shown, line, column: before.length - lineStart + 1 },
    );
  }
  const text = Buffer.from(bytes).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
