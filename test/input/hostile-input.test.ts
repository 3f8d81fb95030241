import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildBooklet, checkBooklet } from '../../src/pipeline.js';
import { INPUT_LIMITS } from '../../src/content/input-limits.js';
import { LivretError } from '../../src/errors.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { makeProject, MINI_DEPARTMENT, REPO_ROOT } from '../helpers/project.js';

/**
 * The inputs of issue 13, each once: what used to hang, crash (exit 70) or
 * flood memory now stops with exit 2, the file and line, and what to do.
 * `checkBooklet({ pdf: false })` runs every reader (booklet.yaml, check
 * settings, chapters for the rules, department, lexicon, model) without
 * rendering a PDF.
 */
async function failure(files: Record<string, string | Buffer>): Promise<LivretError> {
  const projectRoot = await makeProject(files);
  const error = await checkBooklet({ projectRoot, pdf: false }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LivretError);
  return error as LivretError;
}

const chapter = (body: string) => ({ 'content/mini/chapitre.md': `# Un chapitre\n\n${body}` });

describe('Markdown that used to hang or crash', () => {
  it('a list nested 10,000 deep (one level per line)', async () => {
    const list = Array.from({ length: 10_000 }, (_, level) => `${'  '.repeat(level)}- niveau`).join('\n');
    // 10,000 lines indented 2 more each: 100 MB; the size limit answers first.
    const error = await failure(chapter(list.slice(0, 150_000)));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(
      `content/mini/chapitre.md:13:1: imbrication trop profonde : plus de 10 niveaux de listes, de citations (>) et de blocs ::: les uns dans les autres ; un livret facile à lire garde ses listes à plat`,
    );
  });

  it('a list nested 10,000 deep on one line ("- - - … a")', async () => {
    const error = await failure(chapter(`${'- '.repeat(10_000)}a\n`));
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:3:1: ce bloc \(lignes qui se suivent sans ligne vide, depuis la ligne 3\) dépasse 20 000 caractères/);
    const shorter = await failure(chapter(`${'- '.repeat(5_000)}a\n`));
    expect(shorter.format()).toMatch(/^content\/mini\/chapitre\.md:3:1: imbrication trop profonde/);
  });

  it('blockquotes nested 10,000 deep', async () => {
    const error = await failure(chapter(`${'>'.repeat(10_000)} citation\n`));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:3:1: imbrication trop profonde : plus de 10 niveaux/);
  });

  it('directives nested 11 deep', async () => {
    const error = await failure(chapter(`${':::warning\n'.repeat(11)}Attention.\n${':::\n'.repeat(11)}`));
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:13:1: imbrication trop profonde/);
  });

  it('a chapter of 100,000 lines', async () => {
    const error = await failure(chapter('Une phrase.\n'.repeat(100_000)));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(`content/mini/chapitre.md:1: le fichier fait 1,2 Mo, plus que la limite de 200 ko pour un chapitre ; coupez-le en plusieurs chapitres`);
  });

  it('a chapter of 2,001 short lines', async () => {
    const error = await failure(chapter('A.\n\n'.repeat(1_000)));
    expect(error.format()).toBe(`content/mini/chapitre.md:2001:1: ce chapitre a 2 003 lignes, plus que la limite de 2 000 ; coupez-le en plusieurs chapitres`);
  });

  it('an empty heading', async () => {
    const error = await failure(chapter('Une phrase.\n\n##\n\nUne autre phrase.\n'));
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe('content/mini/chapitre.md:5:1: titre vide : écrivez le titre après « ## », ou supprimez la ligne');
  });

  it('an empty chapter title', async () => {
    const error = await failure({ 'content/mini/chapitre.md': '#\n\nUne phrase.\n' });
    expect(error.format()).toBe('content/mini/chapitre.md:1:1: titre vide : écrivez le titre après « # », ou supprimez la ligne');
  });

  it('emphasis nested 30 deep inside one line', async () => {
    const error = await failure(chapter(`${'*a '.repeat(45)}x${' a*'.repeat(45)}\n`));
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:3:\d+: mise en forme trop imbriquée : plus de 40 niveaux/);
  });

  it('too many formatting marks in one block', async () => {
    const error = await failure(chapter('Un *mot* et un autre *mot*.\n'.repeat(130)));
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:128:1: ce bloc \(depuis la ligne 3\) a plus de 500 marques de mise en forme/);
  });
});

describe('encodings', () => {
  it('a chapter saved in Windows-1252', async () => {
    const bytes = Buffer.from('# Un chapitre\n\nVous pouvez appeler la CPAM.\n\xc9crivez \xe0 la caisse.\n', 'latin1');
    const error = await failure({ 'content/mini/chapitre.md': bytes });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(
      'content/mini/chapitre.md:4:1: ce fichier n\'est pas en UTF-8 (octet 0xC9 illisible, par exemple un « é » enregistré en Windows-1252) : ouvrez-le dans votre éditeur et enregistrez-le en UTF-8',
    );
  });

  it('a department file saved in Windows-1252, at the column of its first bad byte', async () => {
    const bytes = Buffer.from(MINI_DEPARTMENT.replace('Général', 'G\xe9n\xe9ral'), 'latin1');
    const error = await failure({ 'content/departments/61.yaml': bytes });
    expect(error.format()).toMatch(/^content\/departments\/61\.yaml:6:27: ce fichier n'est pas en UTF-8 \(octet 0xE9 illisible/);
  });

  it('a booklet.yaml saved in Windows-1252', async () => {
    const error = await failure({ 'content/mini/booklet.yaml': Buffer.from('title: "Bienvenue \xe0 la CPAM"\nchapters: [chapitre.md]\n', 'latin1') });
    expect(error.format()).toMatch(/^content\/mini\/booklet\.yaml:1:19: ce fichier n'est pas en UTF-8 .* enregistrez-le en UTF-8$/);
  });

  it('accepts a UTF-8 chapter with a BOM', async () => {
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': '\uFEFF# Un chapitre\n\nVous pouvez appeler la CPAM.\n' });
    await expect(checkBooklet({ projectRoot, pdf: false })).resolves.toBeDefined();
  });
});

describe('YAML alias bombs', () => {
  const bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');
  const message = `ce fichier répète trop de données par des alias (*nom) : plus de ${INPUT_LIMITS.yamlAliases} après expansion ; écrivez les valeurs en entier au lieu d'alias imbriqués`;

  it('in a department file', async () => {
    const error = await failure({ 'content/departments/61.yaml': `${MINI_DEPARTMENT}${bomb}\n` });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(`content/departments/61.yaml:14:8: ${message}`);
  });

  it('in booklet.yaml', async () => {
    const error = await failure({ 'content/mini/booklet.yaml': `title: "Livret de test"\nchapters: [chapitre.md]\n${bomb}\n` });
    expect(error.exitCode).toBe(2);
    expect(error.format()).toBe(`content/mini/booklet.yaml:4:8: ${message}`);
  });

  it('in a chapter\'s front matter', async () => {
    const error = await failure({ 'content/mini/chapitre.md': `---\n${bomb}\n---\n# Un chapitre\n\nUne phrase.\n` });
    expect(error.format()).toBe(`content/mini/chapitre.md:3: en-tête YAML du chapitre mal écrit : ${message} ; corrigez les lignes entre les deux « --- »`);
  });

  it('a few aliases are still fine', async () => {
    const projectRoot = await makeProject({ 'content/mini/booklet.yaml': 'title: &t "Livret de test"\nsubtitle: *t\nchapters: [chapitre.md]\n' });
    await expect(checkBooklet({ projectRoot, pdf: false })).resolves.toBeDefined();
  });

  it('lists nested 2,000 deep in a department file (the yaml package itself overflowed its stack)', async () => {
    const error = await failure({ 'content/departments/61.yaml': MINI_DEPARTMENT.replace('name: Orne', `name: ${'['.repeat(2_000)}${']'.repeat(2_000)}`) });
    expect(error.format()).toMatch(/^content\/departments\/61\.yaml:2:\d+: trop de listes et de tableaux YAML les uns dans les autres \(plus de 50 niveaux\)/);
  });

  it('a YAML file over the size limit', async () => {
    const error = await failure({ 'content/mini/booklet.yaml': `title: "Livret"\nchapters: [chapitre.md]\n# ${'x'.repeat(INPUT_LIMITS.yamlBytes)}\n` });
    expect(error.format()).toBe('content/mini/booklet.yaml:1: le fichier fait 1 Mo, plus que la limite de 1 Mo pour un fichier YAML ; gardez-y seulement les réglages et les données du livret');
  });
});

describe('HTML comments are notes for writers', () => {
  it('are printed nowhere, on one line or several, and other HTML is still refused', async () => {
    const projectRoot = await makeProject(chapter('<!-- note pour Julie : vérifier le numéro -->\nVous pouvez appeler la caisse. <!-- à relire -->\n\n<!--\nune note\nsur plusieurs lignes\n-->\n\nLe numéro est le {{caisse.telephone}}.\n'));
    const report = await checkBooklet({ projectRoot, pdf: false });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const built = await buildBooklet({ projectRoot, write: false });
    expect(built.sentences.map((sentence) => sentence.text)).toEqual(['Un chapitre', 'Vous pouvez appeler la caisse.', 'Le numéro est le 36 46.']);
    const printed = (await readPdf(built.pdf)).pages.map((page) => page.text).join('\n');
    expect(printed).toContain('appeler la caisse');
    expect(printed).not.toMatch(/note|Julie|relire/);
    const error = await failure(chapter('Vous pouvez <b>appeler</b> la CPAM.\n'));
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:3:13: pas de HTML dans un chapitre/);
  });

  it('a comment left open would hide the rest of the chapter: refused', async () => {
    const error = await failure(chapter('Vous pouvez appeler la CPAM.\n\n<!-- note\n\nLe numéro est le 36 46.\n'));
    expect(error.format()).toBe('content/mini/chapitre.md:5:1: commentaire HTML sans fin : ajoutez « --> » à la fin de la note, sinon tout le reste du chapitre serait caché');
  });
});

/** Builds (no file written) a project expected to fail. */
async function buildFailure(files: Record<string, string | Buffer>, prepare?: (projectRoot: string) => Promise<void>): Promise<LivretError> {
  const projectRoot = await makeProject(files);
  await prepare?.(projectRoot);
  const error = await buildBooklet({ projectRoot, write: false }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LivretError);
  expect((error as LivretError).exitCode).toBe(2);
  return error as LivretError;
}

const screenshotChapter = (src: string) => chapter(`Vous pouvez appeler la caisse.\n\n::screenshot{src=${src} alt="Une page"}\n`);
const lexiconWith = (file: string) => `cpam: { icon: fluent-emoji-flat:classical-building, words: [cpam] }\nmaison: { icon: "file:${file}", words: [maison] }\n`;

describe('pictures that used to be read whole or let through', () => {
  it('a 1 GB sparse file named .png is refused from its size, before it is read', async () => {
    const error = await buildFailure(screenshotChapter('immense.png'), async (projectRoot) => {
      const file = path.join(projectRoot, 'assets/screenshots/immense.png');
      await writeFile(file, '');
      await truncate(file, 1_000_000_000);
    });
    expect(error.format()).toBe(
      "content/mini/chapitre.md:5:1: assets/screenshots/immense.png: le fichier fait 1 000 Mo, plus que la limite de 30 Mo pour une image ; enregistrez-la plus petite (une capture d'écran fait moins de 3 000 pixels de large)",
    );
  });

  it('a gzip-compressed SVG screenshot holding <script> and <image href="file://…">', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<script>alert(1)</script>\n<image href="file:///etc/passwd" width="10" height="10"/>\n</svg>\n';
    const error = await buildFailure({ ...screenshotChapter('dessin.png'), 'assets/screenshots/dessin.png': gzipSync(svg) });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/dessin\.png: ce SVG est refusé : il contient un élément <script>, .* \(ligne 2 du SVG\)/);
    const imageOnly = await buildFailure({ ...screenshotChapter('dessin.svgz'), 'assets/screenshots/dessin.svgz': gzipSync(svg.replace('<script>alert(1)</script>', '')) });
    expect(imageOnly.format()).toMatch(/dessin\.svgz: ce SVG est refusé : il renvoie à une ressource extérieure \(href="file:\/\/\/etc\/passwd"\) .* \(ligne 3 du SVG\)/);
  });

  it('an href under another prefix bound to the XLink namespace, in a pictogram', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:a="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n<image a:href="file:///etc/passwd" width="10" height="10"/>\n</svg>\n';
    const error = await buildFailure({ 'assets/pictograms/lexicon.yaml': lexiconWith('maison.svg'), 'assets/pictograms/maison.svg': svg });
    expect(error.format()).toMatch(/^assets\/pictograms\/lexicon\.yaml:2: assets\/pictograms\/maison\.svg: ce SVG est refusé : il renvoie à une ressource extérieure \(a:href="file:\/\/\/etc\/passwd"\) .* \(ligne 2 du SVG\)/);
  });

  it('<svg:script>, in a screenshot', async () => {
    const svg = '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="10" height="10">\n<svg:script>alert(1)</svg:script>\n</svg:svg>\n';
    const error = await buildFailure({ ...screenshotChapter('dessin.svg'), 'assets/screenshots/dessin.svg': svg });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/dessin\.svg: ce SVG est refusé : il contient un élément <script>, .* \(ligne 2 du SVG\)/);
  });

  it('a pictogram with "<svg" in a comment before its root is drawn (found by hand: it was cut inside the comment, exit 70)', async () => {
    const svg = '<!-- <svg  --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>';
    const projectRoot = await makeProject({
      'assets/pictograms/lexicon.yaml': lexiconWith('maison.svg'),
      'assets/pictograms/maison.svg': svg,
      'content/mini/chapitre.md': '# Un chapitre\n\n::picto{name=maison}\nVous pouvez appeler la caisse.\n',
    });
    await expect(buildBooklet({ projectRoot, write: false })).resolves.toBeDefined();
  });

  it('a <use> bomb in a pictogram (it exhausted the renderer\'s memory)', async () => {
    const groups = Array.from({ length: 20 }, (_, index) => `<g id="a${index + 1}"><use href="#a${index}"/><use href="#a${index}"/></g>`).join('\n');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<g id="a0"><rect width="1" height="1"/></g>\n${groups}\n</svg>`;
    const error = await buildFailure({ 'assets/pictograms/lexicon.yaml': lexiconWith('maison.svg'), 'assets/pictograms/maison.svg': svg });
    expect(error.format()).toBe(
      'assets/pictograms/lexicon.yaml:2: assets/pictograms/maison.svg: ce SVG est refusé : ses <use> redessinent plus de 20 000 éléments ; dessinez les copies une fois pour toutes ou enregistrez-le en PNG (ligne 14 du SVG) ; livret ne dessine que des SVG autonomes',
    );
  });

  it('an SVG screenshot behind 2,000 spaces is still recognised and checked', async () => {
    const svg = `${' '.repeat(2_000)}<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<script>alert(1)</script>\n</svg>\n`;
    const error = await buildFailure({ ...screenshotChapter('dessin.png'), 'assets/screenshots/dessin.png': svg });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/dessin\.png: ce SVG est refusé : il contient un élément <script>/);
  });

  it('a gzip-compressed, self-contained SVG pictogram is drawn', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#246"/></svg>';
    const projectRoot = await makeProject({
      'assets/pictograms/lexicon.yaml': lexiconWith('maison.svgz'),
      'assets/pictograms/maison.svgz': gzipSync(svg),
      'content/mini/chapitre.md': '# Un chapitre\n\n::picto{name=maison}\nVous pouvez appeler la caisse.\n',
    });
    const built = await buildBooklet({ projectRoot, write: false });
    expect(built.sentences.map((sentence) => sentence.text)).toContain('Vous pouvez appeler la caisse.');
  });
});

describe('the CLI on hostile input', () => {
  it('blockquotes 10,000 deep: exit 2 and one line, not exit 70 and a stack trace', async () => {
    const projectRoot = await makeProject(chapter(`${'>'.repeat(10_000)} citation\n`));
    const outcome = await promisify(execFile)('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'check', '--no-pdf'], { cwd: projectRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      'livret: content/mini/chapitre.md:3:1: imbrication trop profonde : plus de 10 niveaux de listes, de citations (>) et de blocs ::: les uns dans les autres ; un livret facile à lire garde ses listes à plat',
    ]);
  });
});
