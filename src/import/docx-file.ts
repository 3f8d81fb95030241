import { readFile, stat } from 'node:fs/promises';
import JSZip from 'jszip';
import { LivretError } from '../errors.js';

/**
 * Reading a Word file safely before mammoth sees it: a size limit, then the
 * first bytes (a .docx is a zip: "PK\x03\x04"; an encrypted .docx, like an
 * old .doc, is an OLE compound file: D0 CF 11 E0 A1 B1 1A E1), then the zip's
 * [Content_Types].xml, which must declare a Word document.
 */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** What the parts of the zip may add up to once decompressed (a small zip can hold gigabytes). */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office file keeps its keys in, named in UTF-16 in the compound file's directory. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const WORD_MAIN_PART = /application\/vnd\.(openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled(\.main)?\+xml)/;

export interface DocxFile {
  bytes: Buffer;
  /** The document's title in its properties (File > Info), if any. */
  propertiesTitle: string | undefined;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

const SAVE_AS_DOCX = 'ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) »';

export async function readDocxFile(file: string, shown: string, maxBytes: number = MAX_DOCX_BYTES): Promise<DocxFile> {
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size === undefined) throw new LivretError('fichier introuvable : vérifiez le nom et le dossier du document Word', { file: shown });
  if (size > maxBytes) {
    throw new LivretError(
      `le fichier fait ${megabytes(size)}, plus que la limite de ${megabytes(maxBytes)} : réduisez ses images dans Word (Fichier > Compresser les images) ou coupez-le en plusieurs documents`,
      { file: shown },
    );
  }
  const bytes = await readFile(file);
  if (bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTION_INFO)) {
      throw new LivretError(`ce document Word est protégé par un mot de passe (chiffré) : dans Word, enlevez le mot de passe (Fichier > Informations > Protéger le document), enregistrez, puis recommencez`, { file: shown });
    }
    throw new LivretError(`c'est un document Word ancien (.doc, Word 97-2003) : ${SAVE_AS_DOCX}`, { file: shown });
  }
  if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    throw new LivretError(`ce fichier n'est pas un document Word (.docx) : ${SAVE_AS_DOCX}`, { file: shown });
  }
  const unzipped = unzippedSize(bytes);
  if (unzipped === undefined || unzipped > MAX_UNZIPPED_BYTES) {
    throw new LivretError(
      `ce fichier .docx se décompresse en plus de ${megabytes(MAX_UNZIPPED_BYTES)} (ou sa table des fichiers ne se lit pas) : ${SAVE_AS_DOCX} à nouveau, avec des images plus petites`,
      { file: shown },
    );
  }
  const zip = await JSZip.loadAsync(bytes).catch(() => {
    throw new LivretError(`ce fichier .docx est abîmé (le zip ne se lit pas) : ${SAVE_AS_DOCX} à nouveau`, { file: shown });
  });
  const contentTypes = await zip.file('[Content_Types].xml')?.async('string');
  if (contentTypes === undefined || !WORD_MAIN_PART.test(contentTypes)) {
    throw new LivretError(`ce fichier est un zip, mais pas un document Word (.docx) : ${SAVE_AS_DOCX}`, { file: shown });
  }
  return { bytes, propertiesTitle: await propertiesTitle(zip) };
}

/**
 * The decompressed size of every part, from the zip's central directory
 * (read before anything is decompressed); undefined when there is none, or a
 * ZIP64 one (sizes over 4 GB).
 */
function unzippedSize(bytes: Buffer): number | undefined {
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  // The end record is in the last 22 bytes, plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65_535); offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ENTRY) return undefined;
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return undefined;
    total += size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return total;
}

async function propertiesTitle(zip: JSZip): Promise<string | undefined> {
  const core = await zip.file('docProps/core.xml')?.async('string');
  const title = core ? /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] : undefined;
  const decoded = title
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return decoded ? decoded : undefined;
}
