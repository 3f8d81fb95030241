import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivretError } from '../../src/errors.js';
import { inspectRecipientsFile, readRecipients, type ParsedRow, type RecipientRow } from '../../src/letters/recipients.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'livret-recipients-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function readAll(file: string): Promise<RecipientRow[]> {
  const rows: RecipientRow[] = [];
  for await (const row of readRecipients(await inspectRecipientsFile(file))) rows.push(row);
  return rows;
}

/** The rows of a file whose rows all parse. */
async function readParsed(file: string): Promise<ParsedRow[]> {
  return (await readAll(file)).map((row) => {
    if (row.kind !== 'parsed') throw new Error(`line ${row.line} did not parse (${row.problem})`);
    return row;
  });
}

const HEADER = 'id;civility;last_name;first_name;address_1;address_2;postal_code;city;nir;code';
const ROWS = [
  'A1;Mme;Lefèvre;Élodie;"Résidence Les Pins; bât. C";12 rue de l\'Église;61000;Alençon;269054958815780;0427',
  'A2;M.;Œuvray;François;3 place Bonet;;61300;L\'Aigle;185032A00412382;9031',
];

describe('recipients CSV', () => {
  it('decodes a Windows-1252 file with ";" as Excel writes it, accents and a quoted ";" intact', async () => {
    const file = path.join(folder, 'excel.csv');
    const bytes = iconv.encode(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n`, 'win1252');
    // Really Windows-1252: "è" is one byte 0xE8, not UTF-8's 0xC3 0xA8; "Œ" is 0x8C.
    expect(bytes.includes(0xe8)).toBe(true);
    expect(bytes.includes(0x8c)).toBe(true);
    await writeFile(file, bytes);
    const facts = await inspectRecipientsFile(file);
    expect(facts).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasBom: false });
    const rows = await readParsed(file);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: 'parsed', line: 2, index: 0 });
    expect(rows[0]!.fields).toMatchObject({ last_name: 'Lefèvre', first_name: 'Élodie', address_1: 'Résidence Les Pins; bât. C', address_2: "12 rue de l'Église", city: 'Alençon', postal_code: '61000', code: '0427' });
    expect(rows[1]!.fields).toMatchObject({ last_name: 'Œuvray', first_name: 'François', address_3: '', civility: 'M.', nir: '185032A00412382' });
  });

  it('reads UTF-8 with a BOM and "," as delimiter; leading zeros stay', async () => {
    const file = path.join(folder, 'bom.csv');
    const text = `${HEADER.replaceAll(';', ',')}\n${ROWS[0]!.replace('"Résidence Les Pins; bât. C"', '"Résidence Les Pins, bât. C"').replaceAll(';', ',')}\n`;
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(await inspectRecipientsFile(file)).toMatchObject({ encoding: 'utf-8', delimiter: ',', hasBom: true });
    const [row] = await readParsed(file);
    expect(row!.fields).toMatchObject({ id: 'A1', address_1: 'Résidence Les Pins, bât. C', code: '0427', last_name: 'Lefèvre' });
  });

  it('reads UTF-8 without a BOM', async () => {
    const file = path.join(folder, 'utf8.csv');
    await writeFile(file, `${HEADER}\n${ROWS[1]}\n`, 'utf8');
    expect(await inspectRecipientsFile(file)).toMatchObject({ encoding: 'utf-8', hasBom: false });
    expect((await readParsed(file))[0]!.fields.last_name).toBe('Œuvray');
  });

  it('refuses a header without the required columns, naming them and line 1', async () => {
    const file = path.join(folder, 'header.csv');
    await writeFile(file, 'id;name;nir\nA1;X;1\n');
    const error = await readAll(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LivretError);
    expect((error as LivretError).format()).toMatch(/header\.csv:1: the header lacks the columns last_name, first_name, address_1, postal_code, city, code/);
  });

  it('refuses a file with an unclosed quote, naming the file', async () => {
    const file = path.join(folder, 'quote.csv');
    await writeFile(file, `${HEADER}\nA1;Mme;"Lefèvre;Élodie;x;;61000;Alençon;269054958815780;0427\n`);
    await expect(readAll(file)).rejects.toThrow(LivretError);
  });

  it('refuses a missing file with a message about --recipients', async () => {
    await expect(inspectRecipientsFile(path.join(folder, 'nope.csv'))).rejects.toThrow(/--recipients/);
  });

  it('gives the same rows and lines for CRLF, LF, CR and mixed endings', async () => {
    const lines = [HEADER, ...ROWS];
    const read = async (name: string, text: string) => {
      await writeFile(path.join(folder, name), text, 'utf8');
      return (await readParsed(path.join(folder, name))).map((row) => ({ line: row.line, fields: row.fields }));
    };
    const clean = await read('crlf.csv', `${lines.join('\r\n')}\r\n`);
    expect(clean.map((row) => row.line)).toEqual([2, 3]);
    expect(await read('lf.csv', `${lines.join('\n')}\n`)).toEqual(clean);
    expect(await read('cr.csv', `${lines.join('\r')}\r`)).toEqual(clean);
    expect(await read('mixed.csv', `${lines[0]}\r\n${lines[1]}\n${lines[2]}`)).toEqual(clean);
  });

  it('counts a line break inside quotes once, whatever it is, for the next row\'s line', async () => {
    const file = path.join(folder, 'inside.csv');
    await writeFile(file, `${HEADER}\r\n${ROWS[0]!.replace('"Résidence Les Pins; bât. C"', '"Résidence\r\nLes Pins"')}\n${ROWS[1]}\n`);
    expect((await readParsed(file)).map((row) => row.line)).toEqual([2, 4]);
  });

  it('decides UTF-8 when most non-ASCII bytes are valid UTF-8, and gives the bad row as unparsed (encoding)', async () => {
    const file = path.join(folder, 'mostly-utf8.csv');
    await writeFile(file, Buffer.concat([Buffer.from(`${HEADER}\n${ROWS[0]}\n`, 'utf8'), iconv.encode(`${ROWS[1]}\n`, 'win1252')]));
    expect(await inspectRecipientsFile(file)).toMatchObject({ encoding: 'utf-8', dataRows: 2 });
    const rows = await readAll(file);
    expect(rows[0]).toMatchObject({ kind: 'parsed', line: 2 });
    expect(rows[1]).toEqual({ kind: 'unparsed', line: 3, index: 1, problem: 'encoding', cellCount: 10, headerLength: 10 });
  });

  it('gives a row of Windows-1252 with a byte it leaves undefined (0x81) as unparsed (encoding)', async () => {
    const file = path.join(folder, 'undefined-byte.csv');
    const bad = Buffer.concat([iconv.encode(ROWS[1]!.slice(0, 10), 'win1252'), Buffer.from([0x81]), iconv.encode(ROWS[1]!.slice(10), 'win1252')]);
    await writeFile(file, Buffer.concat([iconv.encode(`${HEADER}\r\n${ROWS[0]}\r\n`, 'win1252'), bad, Buffer.from('\r\n')]));
    expect(await inspectRecipientsFile(file)).toMatchObject({ encoding: 'windows-1252' });
    expect((await readAll(file)).map((row) => row.kind)).toEqual(['parsed', 'unparsed']);
  });

  it.each([
    ['a quote inside a bare cell', `A1;Mme;Le"fèvre;Élodie;x;;61000;Alençon;269054958815780;0427`, "un guillemet au milieu d'une cellule sans guillemets"],
    ['text after a closing quote', `A1;Mme;"Lefèvre"x;Élodie;x;;61000;Alençon;269054958815780;0427`, 'du texte suit un guillemet fermant'],
  ])('stops on %s, naming the line where the record starts, without its cells', async (_name, bad, words) => {
    const file = path.join(folder, 'stray.csv');
    await writeFile(file, `${HEADER}\n${ROWS[1]}\n${bad}\n`);
    const error = (await readAll(file).catch((caught: unknown) => caught)) as LivretError;
    expect(error).toBeInstanceOf(LivretError);
    expect(error.format()).toContain(`stray.csv:3: ${words}`);
    expect(error.message).not.toContain('0427');
  });

  it('refuses a column given twice, and an address column past address_4', async () => {
    const file = path.join(folder, 'twice.csv');
    await writeFile(file, `${HEADER};code\n`);
    await expect(inspectRecipientsFile(file)).rejects.toThrow(/la colonne code figure deux fois/);
    await writeFile(file, `${HEADER};address_5\n`);
    await expect(inspectRecipientsFile(file)).rejects.toThrow(/la colonne address_5 ne serait pas imprimée/);
  });

  it('refuses a folder given as --recipients', async () => {
    await expect(inspectRecipientsFile(folder)).rejects.toThrow('--recipients doit nommer un fichier CSV, pas un dossier');
  });
});
