import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { LivretError } from '../../src/errors.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/**
 * Pictures that livret refuses: each build fails with exit code 2 and one
 * message naming the directive's file and line, and no PDF is written.
 */
const chapterWith = (directive: string) => `# Un chapitre\n\nVous pouvez appeler la CPAM.\n\n${directive}\n`;

async function refused(files: Record<string, string | Buffer>): Promise<{ error: LivretError; projectRoot: string }> {
  const projectRoot = await makeProject(files);
  const error = await buildBooklet({ projectRoot }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LivretError);
  expect((error as LivretError).exitCode).toBe(2);
  expect(existsSync(path.join(projectRoot, 'out'))).toBe(false);
  return { error: error as LivretError, projectRoot };
}

const EXTERNAL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n  <image xlink:href="https://example.com/track.png" width="10" height="10"/>\n</svg>\n';

describe('refused pictures: exit 2, the directive\'s file and line, no PDF', () => {
  it('a corrupt PNG', async () => {
    const png = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#abc' } }).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 7)]);
    const { error } = await refused({ 'assets/screenshots/casse.png': broken, 'content/mini/chapitre.md': chapterWith('::screenshot{src=casse.png alt="Une page"}') });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/casse\.png: .*(cannot be read|not a picture).*save it again as PNG|^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/casse\.png: not a picture livret can read/);
  });

  it('a file that is no picture at all', async () => {
    const { error } = await refused({ 'assets/screenshots/texte.png': 'bonjour', 'content/mini/chapitre.md': chapterWith('::screenshot{src=texte.png alt="Une page"}') });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/texte\.png: not a picture livret can read/);
  });

  it('a 20000 × 20000 PNG (400 megapixels)', async () => {
    const huge = await sharp({ create: { width: 20000, height: 20000, channels: 3, background: '#ffffff' }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();
    const { error } = await refused({ 'assets/screenshots/immense.png': huge, 'content/mini/chapitre.md': chapterWith('::screenshot{src=immense.png alt="Une page"}') });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/immense\.png: the picture is too large \(20000 × 20000 pixels, more than 50 megapixels\)/);
  });

  it('a path with ../', async () => {
    const { error } = await refused({ 'content/mini/chapitre.md': chapterWith('::screenshot{src=../../../secret.png alt="x"}') });
    expect(error.format()).toMatch(/^content\/mini\/chapitre\.md:5:1: the path "\.\.\/\.\.\/\.\.\/secret\.png" leaves the project folder/);
  });

  it('a link inside the project to a file outside it', async () => {
    const { symlink } = await import('node:fs/promises');
    const outside = await makeProject();
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapterWith('::screenshot{src=lien.png alt="Une page"}') });
    await symlink(path.join(outside, 'assets/screenshots/exemple.png'), path.join(projectRoot, 'assets/screenshots/lien.png'));
    const error: unknown = await buildBooklet({ projectRoot }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LivretError);
    expect((error as LivretError).format()).toMatch(/^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/lien\.png is a link to a file outside the project folder/);
    expect(existsSync(path.join(projectRoot, 'out'))).toBe(false);
  });

  it('an SVG screenshot with an external href', async () => {
    const { error } = await refused({ 'assets/screenshots/dessin.svg': EXTERNAL_SVG, 'content/mini/chapitre.md': chapterWith('::screenshot{src=dessin.svg alt="Un dessin"}') });
    expect(error.format()).toMatch(
      /^content\/mini\/chapitre\.md:5:1: assets\/screenshots\/dessin\.svg: ce SVG est refusé : il renvoie à une ressource extérieure \(xlink:href="https:\/\/example\.com\/track\.png"\) ; .* \(ligne 2 du SVG\)/,
    );
  });

  it('a custom pictogram SVG with a script or an external href, at its lexicon line', async () => {
    const lexicon = 'cpam: { icon: fluent-emoji-flat:classical-building, words: [cpam] }\nmaison: { icon: file:maison.svg, words: [maison] }\n';
    const { error } = await refused({ 'assets/pictograms/lexicon.yaml': lexicon, 'assets/pictograms/maison.svg': EXTERNAL_SVG });
    expect(error.format()).toMatch(/^assets\/pictograms\/lexicon\.yaml:2: assets\/pictograms\/maison\.svg: ce SVG est refusé : il renvoie à une ressource extérieure/);
    const scripted = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const second = await refused({ 'assets/pictograms/lexicon.yaml': lexicon, 'assets/pictograms/maison.svg': scripted });
    expect(second.error.format()).toMatch(/maison\.svg: ce SVG est refusé : il contient un élément <script>/);
  });

  it('a custom pictogram outside assets/pictograms', async () => {
    const lexicon = 'cpam: { icon: fluent-emoji-flat:classical-building, words: [cpam] }\nmaison: { icon: "file:../../content/x.svg", words: [maison] }\n';
    const { error } = await refused({ 'assets/pictograms/lexicon.yaml': lexicon });
    expect(error.format()).toMatch(/^assets\/pictograms\/lexicon\.yaml:2: the path "\.\.\/\.\.\/content\/x\.svg" leaves the project folder/);
  });
});

describe('the CLI on a refused picture', () => {
  it('prints one line naming file and line, exits 2, writes no PDF', async () => {
    const projectRoot = await makeProject({ 'assets/screenshots/texte.png': 'bonjour', 'content/mini/chapitre.md': chapterWith('::screenshot{src=texte.png alt="Une page"}') });
    const outcome = await promisify(execFile)('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'build', '--department', '61'], { cwd: projectRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/^livret: content\/mini\/chapitre\.md:5:1: assets\/screenshots\/texte\.png: not a picture livret can read/);
    expect(existsSync(path.join(projectRoot, 'out'))).toBe(false);
  });
});
