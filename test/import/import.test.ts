import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBooklet, checkBooklet } from '../../src/pipeline.js';
import { isLivretError } from '../../src/errors.js';
import { docxToChapters, oneSentencePerLine } from '../../src/import/docx-to-chapters.js';
import { parseMarkdown } from '../../src/content/parse-markdown.js';
import { toString } from 'mdast-util-to-string';
import { formatImportSummary, importDocx, type ImportResult } from '../../src/import/import-docx.js';
import { splitSentences } from '../../src/content/source-lines.js';
import { makeDocx, type DocxBlock } from '../helpers/docx.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

const run = promisify(execFile);
const LIVRET = path.join(REPO_ROOT, 'bin/livret.js');

/** The reference booklet's text (content/bienvenue) in three chapters, as a writer would type it in Word. */
async function referenceDocx(): Promise<Buffer> {
  const screenshot = await readFile(path.join(REPO_ROOT, 'assets/screenshots/ameli-accueil.png'));
  const blocks: DocxBlock[] = [
    { style: 'Title', runs: ['Bienvenue à la CPAM'] },
    { style: 'Heading1', runs: ['Bienvenue'] },
    { style: 'Normal', runs: ['Vous avez une assurance santé à la CPAM. Elle vous donne droit à des services gratuits. Vous trouvez ces services sur le site ', { text: 'ameli.fr', bold: true }, '.'] },
    { style: 'Heading2', runs: ['Votre compte ameli'] },
    { style: 'Normal', runs: ['Votre compte ameli est ', { text: 'votre espace personnel', italic: true }, ' sur ', { text: 'ameli.fr', bold: true }, '. Il est gratuit.'] },
    { style: 'Heading1', runs: ['Créer votre compte ameli'] },
    { style: 'Heading2', runs: ['Avant de commencer'] },
    { style: 'Normal', runs: ['Il vous faut une adresse email personnelle. Cette adresse email est seulement à vous.'] },
    { list: 'numbered', runs: ['Allez sur le site ', { text: 'ameli.fr', bold: true }, '. Cliquez sur le bouton rose « ', { text: 'Compte ameli', bold: true }, ' ».'] },
    { list: 'numbered', runs: ['Cliquez sur le bouton bleu « ', { text: 'Créer mon compte', bold: true }, ' ».', { picture: screenshot, description: 'La page Assuré du site ameli.fr. Un cadre montre le bouton rose Compte ameli.' }] },
    { list: 'numbered', runs: ['Remplissez la page « Je crée mon compte ameli ». Mettez votre nom et votre date de naissance.'] },
    { style: 'Heading1', runs: ['Nos agences'] },
    { style: 'Normal', runs: ['Vous pouvez venir dans une agence de la CPAM. Voici les horaires.'] },
    { table: [['Jour', 'Horaires'], ['Lundi', '8 h 30 à 17 h'], ['Vendredi', '9 h à 12 h 30']] },
  ];
  return makeDocx(blocks, { title: 'Titre des propriétés' });
}

async function writeDocx(folder: string, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return file;
}

describe('livret import: a Word document made from the reference booklet', () => {
  let projectRoot: string;
  let result: ImportResult;
  const chapter = (name: string) => readFile(path.join(projectRoot, 'content/bienvenue', name), 'utf8');

  beforeAll(async () => {
    projectRoot = await makeProject();
    const file = await writeDocx(projectRoot, 'Bienvenue.docx', await referenceDocx());
    result = await importDocx({ file, projectRoot });
  });

  it('writes booklet.yaml with the title (Word\'s Title style) and one chapter per Heading 1', async () => {
    expect(result.booklet).toBe('bienvenue');
    expect(await readFile(path.join(projectRoot, 'content/bienvenue/booklet.yaml'), 'utf8')).toBe(
      '# Livret importé de « Bienvenue.docx » par livret import.\n# Relisez chaque chapitre, puis lancez livret check.\n' +
        'title: Bienvenue à la CPAM\nlanguage: fr-FR\nchapters:\n  - 01-bienvenue.md\n  - 02-creer-votre-compte-ameli.md\n  - 03-nos-agences.md\n',
    );
  });

  it('Heading 2 as ##, one sentence per line, bold kept, italics dropped', async () => {
    expect(await chapter('01-bienvenue.md')).toBe(
      '# Bienvenue\n\nVous avez une assurance santé à la CPAM.\nElle vous donne droit à des services gratuits.\nVous trouvez ces services sur le site **ameli.fr**.\n\n' +
        '## Votre compte ameli\n\nVotre compte ameli est votre espace personnel sur **ameli.fr**.\nIl est gratuit.\n',
    );
  });

  it('numbered lists as :::steps, the picture as ::screenshot with its Word description, saved in assets/screenshots/', async () => {
    expect(await chapter('02-creer-votre-compte-ameli.md')).toBe(
      '# Créer votre compte ameli\n\n## Avant de commencer\n\nIl vous faut une adresse email personnelle.\nCette adresse email est seulement à vous.\n\n' +
        ':::steps\n1. Allez sur le site **ameli.fr**.\n   Cliquez sur le bouton rose « **Compte ameli** ».\n' +
        '2. Cliquez sur le bouton bleu « **Créer mon compte** ».\n' +
        '   ::screenshot{src="bienvenue/image-01.png" alt="La page Assuré du site ameli.fr. Un cadre montre le bouton rose Compte ameli."}\n' +
        '3. Remplissez la page « Je crée mon compte ameli ».\n   Mettez votre nom et votre date de naissance.\n:::\n',
    );
    const saved = await readFile(path.join(projectRoot, 'assets/screenshots/bienvenue/image-01.png'));
    expect(saved.equals(await readFile(path.join(REPO_ROOT, 'assets/screenshots/ameli-accueil.png')))).toBe(true);
  });

  it('tables as GFM tables, the first row as header', async () => {
    expect(await chapter('03-nos-agences.md')).toBe(
      '# Nos agences\n\nVous pouvez venir dans une agence de la CPAM.\nVoici les horaires.\n\n' +
        '| Jour     | Horaires      |\n| -------- | ------------- |\n| Lundi    | 8 h 30 à 17 h |\n| Vendredi | 9 h à 12 h 30 |\n',
    );
  });

  it('the imported booklet builds with the library, every sentence in the PDF', async () => {
    const build = await buildBooklet({ projectRoot, booklet: 'bienvenue', write: false, imageCacheDir: false });
    expect(build.pageCount).toBeGreaterThan(1);
    expect(build.chapterFiles).toEqual(['content/bienvenue/01-bienvenue.md', 'content/bienvenue/02-creer-votre-compte-ameli.md', 'content/bienvenue/03-nos-agences.md']);
    const text = build.readback.pages.map((page) => page.text).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Mettez votre nom et votre date de naissance.');
  });

  it('no source line holds two sentences (rule one-sentence-per-line), no italics (bold-only)', async () => {
    const report = await checkBooklet({ projectRoot, booklet: 'bienvenue', pdf: false });
    expect(report.findings.filter((finding) => ['one-sentence-per-line', 'bold-only', 'chapter-todo', 'image-alt'].includes(finding.rule))).toEqual([]);
  });

  it('says what it did and what to look at, in French', () => {
    expect(formatImportSummary(result)).toBe(
      [
        'Livret « bienvenue » créé depuis ' + path.relative(process.cwd(), path.join(projectRoot, 'Bienvenue.docx')) + ' :',
        '  content/bienvenue/booklet.yaml',
        '  content/bienvenue/01-bienvenue.md  « Bienvenue », 7 lignes',
        '  content/bienvenue/02-creer-votre-compte-ameli.md  « Créer votre compte ameli », 9 lignes',
        '  content/bienvenue/03-nos-agences.md  « Nos agences », 3 lignes',
        '  assets/screenshots/bienvenue/  1 image, 1 décrite dans Word',
        '',
        'À regarder :',
        '  - 1 passage en italique : l’italique est enlevé (le Facile à lire met en valeur avec le gras seulement).',
        '  - 1 liste numérotée est devenue des étapes (:::steps) : vérifiez que ce sont bien des étapes à suivre dans l’ordre.',
        '  - 1 tableau repris : la première ligne est l’en-tête ; vérifiez qu’un tableau est vraiment utile.',
        '',
        'Chaque phrase est sur sa ligne. Ensuite : livret check bienvenue, puis livret watch bienvenue pour voir les pages.',
      ].join('\n'),
    );
  });
});

describe('livret import: a picture without a description', () => {
  it('gets alt="TODO …", which livret check reports (rule chapter-todo) and the summary points at', async () => {
    const projectRoot = await makeProject();
    const screenshot = await readFile(path.join(REPO_ROOT, 'assets/screenshots/compte-ameli.png'));
    const file = await writeDocx(
      projectRoot,
      'guide.docx',
      await makeDocx([{ style: 'Heading1', runs: ['Le compte'] }, { style: 'Normal', runs: ['Voici la page du compte.', { picture: screenshot }] }]),
    );
    const result = await importDocx({ file, projectRoot });
    expect(await readFile(path.join(projectRoot, 'content/guide/01-le-compte.md'), 'utf8')).toBe(
      '# Le compte\n\nVoici la page du compte.\n\n::screenshot{src="guide/image-01.png" alt="TODO : décrivez ce que montre cette image"}\n',
    );
    expect(result.todos).toEqual([{ file: 'content/guide/01-le-compte.md', line: 5, what: 'décrivez ce que montre l’image (alt)' }]);
    expect(formatImportSummary(result)).toContain('  - content/guide/01-le-compte.md:5 : décrivez ce que montre l’image (alt).');
    const report = await checkBooklet({ projectRoot, booklet: 'guide', pdf: false });
    expect(report.findings.filter((finding) => finding.rule === 'chapter-todo')).toEqual([
      {
        file: 'content/guide/01-le-compte.md',
        line: 5,
        column: 44,
        rule: 'chapter-todo',
        severity: 'error',
        message: 'Image sans description : remplacez le TODO par ce que montre l’image, en une phrase.',
      },
    ]);
  });
});

describe('livret import: what it changes is said', () => {
  it('text before the first Heading 1, Heading 3, strike-through, a picture it cannot read', async () => {
    const projectRoot = await makeProject();
    const file = await writeDocx(
      projectRoot,
      'notes.docx',
      await makeDocx([
        { style: 'Normal', runs: ['Un mot avant le titre.'] },
        { style: 'Heading1', runs: ['Le titre'] },
        { style: 'Heading3', runs: ['Un petit titre'] },
        { style: 'Normal', runs: [{ text: 'Texte barré.', strike: true }, ' Texte gardé.', { picture: Buffer.from('pas une image') }] },
      ]),
    );
    const result = await importDocx({ file, projectRoot });
    expect(result.document.chapters.map((chapter) => chapter.markdown)).toEqual([
      '# TODO : titre du chapitre\n\nUn mot avant le titre.\n',
      '# Le titre\n\n## Un petit titre\n\nTexte barré.\nTexte gardé.\n',
    ]);
    expect(result.written).toEqual(['content/notes/booklet.yaml', 'content/notes/01-debut.md', 'content/notes/02-le-titre.md']);
    const summary = formatImportSummary(result);
    expect(summary).toContain('  - content/notes/01-debut.md:1 : donnez un titre au chapitre.\n');
    expect(summary).toContain('  - 1 passage barré : le texte est gardé sans le trait ; enlevez-le s’il ne doit pas être lu.\n');
    expect(summary).toContain('  - 1 titre de niveau 3 ou plus est devenu une section (##).\n');
    expect(summary).toContain('  - 1 image non reprise (format image/png) : enregistrez-les en PNG dans assets/screenshots/notes/.\n');
    expect(summary).toContain('  - Du texte était avant le premier « Titre 1 » : il est dans un premier chapitre à nommer.\n');
    const report = await checkBooklet({ projectRoot, booklet: 'notes', pdf: false });
    expect(report.findings.filter((finding) => finding.rule === 'chapter-todo').map((finding) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual(['content/notes/01-debut.md:1:3']);
  });
});

describe('livret import: inputs it refuses (exit 2, French message, nothing written)', () => {
  let projectRoot: string;
  let folder: string;
  const refused = async (file: string, extra: Parameters<typeof importDocx>[0] extends infer O ? Partial<O> : never = {}) => {
    const error = await importDocx({ file, projectRoot, ...extra }).catch((caught: unknown) => caught);
    expect(isLivretError(error)).toBe(true);
    expect((error as { exitCode: number }).exitCode).toBe(2);
    return (error as Error).message;
  };

  beforeAll(async () => {
    projectRoot = await makeProject();
    folder = await mkdtemp(path.join(os.tmpdir(), 'livret-docx-'));
  });

  it('a file that is not a zip', async () => {
    const file = await writeDocx(folder, 'notes.docx', Buffer.from('Bonjour, ceci est du texte.\n'));
    expect(await refused(file)).toBe('ce fichier n\'est pas un document Word (.docx) : ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) »');
  });

  it('a zip that is not a Word document (no Word part in [Content_Types].xml)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    const file = await writeDocx(folder, 'tableur.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await refused(file)).toBe('ce fichier est un zip, mais pas un document Word (.docx) : ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) »');
  });

  it('an encrypted document (OLE compound file with an EncryptionInfo stream)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]);
    const file = await writeDocx(folder, 'secret.docx', ole);
    expect(await refused(file)).toBe('ce document Word est protégé par un mot de passe (chiffré) : dans Word, enlevez le mot de passe (Fichier > Informations > Protéger le document), enregistrez, puis recommencez');
  });

  it('an old .doc (OLE compound file without encryption)', async () => {
    const file = await writeDocx(folder, 'ancien.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    expect(await refused(file)).toBe('c\'est un document Word ancien (.doc, Word 97-2003) : ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) »');
  });

  it('a file over the size limit', async () => {
    const file = await writeDocx(folder, 'gros.docx', await referenceDocx());
    expect(await refused(file, { maxBytes: 1000 })).toMatch(/^le fichier fait [\d,]+ Mo, plus que la limite de 0 Mo : réduisez ses images dans Word/);
  });

  it('a zip that would decompress to more than the limit (a zip bomb)', async () => {
    const bytes = await referenceDocx();
    // The central directory says what each part decompresses to: make one part say 600 MB.
    const entry = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(600 * 1024 * 1024, entry + 24);
    const file = await writeDocx(folder, 'bombe.docx', bytes);
    expect(await refused(file)).toBe('ce fichier .docx se décompresse en plus de 500 Mo (ou sa table des fichiers ne se lit pas) : ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) » à nouveau, avec des images plus petites');
  });

  it('a missing file', async () => {
    expect(await refused(path.join(folder, 'absent.docx'))).toBe('fichier introuvable : vérifiez le nom et le dossier du document Word');
  });

  it('an existing booklet folder without --force; with --force it is replaced', async () => {
    const file = await writeDocx(folder, 'mini.docx', await makeDocx([{ style: 'Heading1', runs: ['Un titre'] }, { style: 'Normal', runs: ['Une phrase.'] }]));
    expect(await refused(file)).toBe('le livret « mini » existe déjà : choisissez un autre nom avec --booklet, ou remplacez-le (ses chapitres et ses images importées) avec --force');
    expect(await readFile(path.join(projectRoot, 'content/mini/chapitre.md'), 'utf8')).toContain('Un chapitre');
    await importDocx({ file, projectRoot, force: true });
    expect((await readdir(path.join(projectRoot, 'content/mini'))).sort()).toEqual(['01-un-titre.md', 'booklet.yaml']);
  });

  it('nothing is left behind by a refused file', async () => {
    const names = await readdir(path.join(projectRoot, 'content'));
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(path.join(projectRoot, 'content/notes'))).toBe(false);
  });
});

describe('livret import (command line)', () => {
  it('prints the summary and exits 0; a second run without --force exits 2 with one French line', async () => {
    const projectRoot = await makeProject();
    await writeDocx(projectRoot, 'Guide accueil.docx', await makeDocx([{ style: 'Heading1', runs: ['Accueil'] }, { style: 'Normal', runs: ['Bonjour. Bienvenue à la CPAM.'] }]));
    const first = await run(process.execPath, [LIVRET, 'import', 'Guide accueil.docx'], { cwd: projectRoot });
    expect(first.stdout).toContain('Livret « guide-accueil » créé depuis Guide accueil.docx :');
    expect(await readFile(path.join(projectRoot, 'content/guide-accueil/01-accueil.md'), 'utf8')).toBe('# Accueil\n\nBonjour.\nBienvenue à la CPAM.\n');
    const second = await run(process.execPath, [LIVRET, 'import', 'Guide accueil.docx'], { cwd: projectRoot }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in second && second.code).toBe(2);
    expect(second.stderr).toBe('livret: content/guide-accueil: le livret « guide-accueil » existe déjà : choisissez un autre nom avec --booklet, ou remplacez-le (ses chapitres et ses images importées) avec --force\n');
  });

  it('a file that is not a .docx: exit 2, file named', async () => {
    const projectRoot = await makeProject();
    await mkdir(path.join(projectRoot, 'docs'), { recursive: true });
    await writeFile(path.join(projectRoot, 'docs/lettre.docx'), 'pas un zip');
    const failed = await run(process.execPath, [LIVRET, 'import', 'docs/lettre.docx'], { cwd: projectRoot }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(2);
    expect(failed.stderr).toBe('livret: docs/lettre.docx: ce fichier n\'est pas un document Word (.docx) : ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) »\n');
  });
});

describe('livret import: any text in Word comes out as the same text in Markdown (property)', () => {
  const piece = fc.constantFrom('Vous', 'la', 'CPAM', '*', '**', '_', '#', '-', '1.', '2)', ':', '::', ':term', '[', ']', '{', '}', '|', '<b>', '&', '\\', '`', '~', '!', '12:30', '«', '»', '+', '>', '=', 'x.', 'Fin.');
  const run = fc.record({ text: fc.array(piece, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')), bold: fc.boolean() });

  it('parses back (remark, GFM, directives) to one paragraph with the same words, nothing turned into markup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(run, { minLength: 1, maxLength: 4 }), async (runs) => {
        const docx = await makeDocx([{ style: 'Heading1', runs: ['Titre'] }, { style: 'Normal', runs: runs.map((item) => ({ text: `${item.text} `, bold: item.bold })) }]);
        const [chapter] = (await docxToChapters(docx, 'essai')).chapters;
        const { tree } = parseMarkdown(chapter!.markdown, 'essai.md');
        expect(tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
        const words = (text: string) => text.replace(/\s+/g, ' ').trim();
        expect(words(toString(tree.children[1]!))).toBe(words(runs.map((item) => item.text).join(' ')));
      }),
      { numRuns: 40 },
    );
  });
});

describe('one sentence per line: split where rule one-sentence-per-line counts sentences', () => {
  const words = fc.constantFrom('Vous', 'allez', 'sur', 'le', 'site', 'ameli.fr', 'M.', 'Dupont', 'etc.', '8', 'heures', 'CPAM', '«', '»', 'Cliquez');
  const sentence = fc.tuple(fc.array(words, { minLength: 1, maxLength: 6 }), fc.constantFrom('.', '?', '!')).map(([list, end]) => `${list.join(' ')}${end}`);

  it('each line of the result is one sentence of splitSentences, none lost', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (sentences) => {
        const text = sentences.join(' ');
        const [paragraph] = oneSentencePerLine([{ type: 'text', value: text }]);
        const lines = paragraph?.type === 'text' ? paragraph.value.split('\n') : [];
        expect(lines).toEqual(splitSentences(text));
        expect(lines.join(' ')).toBe(text);
      }),
    );
  });

  it('the split crosses bold: "**Fin.** Début" → a line break after the bold', () => {
    expect(oneSentencePerLine([{ type: 'strong', children: [{ type: 'text', value: 'Fin.' }] }, { type: 'text', value: ' Début ici.' }])).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Fin.' }] },
      { type: 'text', value: '\nDébut ici.' },
    ]);
  });
});
