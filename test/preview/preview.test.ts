import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactSheet, spreadCells } from '../../src/preview/contact-sheet.js';
import { previewBooklet, type PreviewResult } from '../../src/preview/preview-booklet.js';
import { chromiumMissingReason, visitInChromium } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/** A small booklet of a few pages: previews of the reference booklet take a minute. */
const files: Record<string, string> = {
  'content/mini/booklet.yaml': 'title: "Livret de test"\nchapters: [c1.md, c2.md, c3.md]\n',
  'content/mini/c1.md': `# Premier chapitre\n\n${Array.from({ length: 8 }, (_, index) => `Phrase ${index + 1} du premier chapitre.\nElle parle de la CPAM.\n`).join('\n')}`,
  'content/mini/c2.md': '# Deuxième chapitre\n\nUne phrase un peu trop longue pour un lecteur qui lit mal le français écrit.\n',
  'content/mini/c3.md': '# Nous contacter\n\n::contact\n',
};

describe('livret preview (library)', () => {
  let projectRoot: string;
  let result: PreviewResult;

  beforeAll(async () => {
    projectRoot = await makeProject(files);
    // A page from an earlier, longer preview must not stay behind.
    await mkdir(path.join(projectRoot, 'out/61/preview/mini'), { recursive: true });
    await writeFile(path.join(projectRoot, 'out/61/preview/mini/page-99.png'), 'old');
    // Another booklet's preview pages stay: previewing "mini" is not previewing "autre".
    await mkdir(path.join(projectRoot, 'out/61/preview/autre'), { recursive: true });
    await writeFile(path.join(projectRoot, 'out/61/preview/autre/page-01.png'), 'other booklet');
    result = await previewBooklet({
      projectRoot,
      dpi: 72,
      findings: [
        { file: 'content/mini/c2.md', line: 3, column: 1, rule: 'sentence-length', severity: 'warn', message: 'Phrase de 15 mots : 12 au plus conseillé.' },
        { file: 'out/61/mini-a4.pdf', line: null, column: null, rule: 'page-count', severity: 'warn', message: 'Le livret a trop de pages.' },
      ],
    });
  });

  it('writes one PNG per page at the asked resolution, numbered page-01.png …', async () => {
    const folder = path.join(projectRoot, 'out/61/preview/mini');
    const pages = (await readdir(folder)).filter((name) => name.startsWith('page-')).sort();
    expect(await readFile(path.join(projectRoot, 'out/61/preview/autre/page-01.png'), 'utf8')).toBe('other booklet');
    expect(pages).toEqual(Array.from({ length: result.pageCount }, (_, index) => `page-${String(index + 1).padStart(2, '0')}.png`));
    expect(result.pageCount).toBe(result.build.pageCount);
    for (const file of result.pagePaths) {
      const metadata = await sharp(file).metadata();
      expect(metadata.format).toBe('png');
      // A4 (595.28 × 841.89 pt) at 72 dpi: one pixel per point, rounded down.
      expect(metadata.width).toBe(595);
      expect(metadata.height).toBe(841);
    }
  });

  it('draws the pages (not blank pictures): the cover has the blue title and band', async () => {
    const { data, info } = await sharp(result.pagePaths[0]!).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let blue = 0;
    for (let offset = 0; offset < data.length; offset += info.channels) {
      if (data[offset]! < 40 && data[offset + 2]! > 110 && data[offset + 2]! < 160) blue++;
    }
    expect(blue / (info.width * info.height)).toBeGreaterThan(0.02);
  });

  it('writes a contact sheet holding every page', async () => {
    expect(result.contactSheetPath).toBe(path.join(projectRoot, 'out/61/preview/mini/contact-sheet.png'));
    const metadata = await sharp(result.contactSheetPath).metadata();
    expect(metadata.format).toBe('png');
    const spreads = Math.floor(result.pageCount / 2) + 1;
    // Thumbnails 180 px wide, two to a spread, 4 spreads a row (24 px margins and gaps).
    expect(metadata.width).toBe(2 * 24 + 4 * 362 + 3 * 24);
    const rows = Math.ceil(spreads / 4);
    expect(metadata.height).toBe(2 * 24 + rows * Math.round((841 / 595) * 180) + (rows - 1) * 24);
  });

  it('writes the proof report beside the PDFs, one thumbnail per page, findings on their page', async () => {
    expect(result.reportPath).toBe(path.join(projectRoot, 'out/61/mini-report.html'));
    const html = await readFile(result.reportPath, 'utf8');
    expect(html.match(/<img /g)).toHaveLength(result.pageCount);
    const page = html.slice(html.lastIndexOf('<article', html.indexOf('Phrase de 15 mots')));
    expect(page).toMatch(/^<article class="page has-warn" id="page-\d+">/);
    expect(html.slice(html.indexOf('Tout le livret'), html.indexOf('Page par page'))).toContain('trop de pages');
  });

  it('writes no PDF', () => {
    expect(existsSync(path.join(projectRoot, 'out/61/mini-a4.pdf'))).toBe(false);
  });

  const noChromium = chromiumMissingReason();
  if (noChromium) console.log(`skipped: the proof report in Chromium: ${noChromium}`);
  it.skipIf(noChromium !== undefined)('opens the proof report in headless Chromium with no console error and every thumbnail decoded', async () => {
    const visit = await visitInChromium(result.reportPath, "document.querySelectorAll('article.page img').length");
    expect(visit.errors).toEqual([]);
    expect(visit.evaluated).toBe(result.pageCount);
    expect(visit.imageCount).toBe(result.pageCount);
    expect(visit.decodedImageCount).toBe(result.pageCount);
  });

  it.skipIf(noChromium !== undefined)('(the Chromium check itself) notices a console error and an image that does not load', async () => {
    const broken = path.join(projectRoot, 'broken.html');
    await writeFile(broken, '<!DOCTYPE html><html><body><img src="missing.png" alt=""><script>console.error("boom")</script></body></html>');
    const visit = await visitInChromium(broken);
    expect(visit.errors.some((error) => error.includes('boom'))).toBe(true);
    expect(visit.errors.some((error) => error.includes('missing.png'))).toBe(true);
    expect(visit.decodedImageCount).toBe(0);
  });
});

describe('the contact sheet', () => {
  it('lays pages out as the open booklet: the cover alone on the right, then 2-3, 4-5 …', () => {
    expect(spreadCells(5)).toEqual([
      { page: 1, spread: 0, side: 'right' },
      { page: 2, spread: 1, side: 'left' },
      { page: 3, spread: 1, side: 'right' },
      { page: 4, spread: 2, side: 'left' },
      { page: 5, spread: 2, side: 'right' },
    ]);
  });

  it('places each page thumbnail where its cell says', async () => {
    const red = await sharp({ create: { width: 100, height: 141, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const blue = await sharp({ create: { width: 100, height: 141, channels: 3, background: '#0000ff' } }).png().toBuffer();
    const sheet = await contactSheet(
      [
        { page: 1, png: red, width: 100, height: 141 },
        { page: 2, png: blue, width: 100, height: 141 },
      ],
      { thumbnailWidth: 100, spreadsPerRow: 2 },
    );
    const { data, info } = await sharp(sheet).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    // Spread 0: empty left cell (grey), cover on the right. Spread 1: page 2 on the left.
    expect(at(24 + 50, 24 + 70)).toEqual([200, 200, 200]);
    expect(at(24 + 102 + 50, 24 + 70)).toEqual([255, 0, 0]);
    expect(at(24 + 202 + 24 + 50, 24 + 70)).toEqual([0, 0, 255]);
  });

  it('refuses an empty booklet', async () => {
    await expect(contactSheet([])).rejects.toThrow(/at least one page/);
  });
});

describe('livret preview (command line)', () => {
  it('writes the page PNGs, the contact sheet and the report for an A5 booklet', async () => {
    const projectRoot = await makeProject(files);
    const run = promisify(execFile);
    const { stdout } = await run('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'preview', '--department', '61', '--format', 'a5-booklet', '--dpi', '36'], { cwd: projectRoot });
    expect(stdout).toContain(path.join('out', '61', 'preview', 'mini', 'contact-sheet.png'));
    const pages = (await readdir(path.join(projectRoot, 'out/61/preview'))).filter((name) => name.startsWith('page-'));
    expect(pages.length % 4).toBe(0);
    const metadata = await sharp(path.join(projectRoot, 'out/61/preview/mini/page-01.png')).metadata();
    // A5 at 36 dpi: half a pixel per point, rounded down.
    expect(metadata.width).toBe(Math.floor(419.53 / 2));
    expect(metadata.height).toBe(Math.floor(595.28 / 2));
    // Without findings given, the report shows what `livret check` finds on this build, on its page.
    const html = await readFile(path.join(projectRoot, 'out/61/mini-report.html'), 'utf8');
    const sentenceLength = html.indexOf('sentence-length');
    expect(sentenceLength).toBeGreaterThan(html.indexOf('Page par page'));
    expect(html.slice(html.lastIndexOf('<article', sentenceLength), sentenceLength)).toMatch(/^<article class="page has-(warn|error)" id="page-\d+">/);
  });

  it('refuses a resolution out of range with one line and exit code 2', async () => {
    const projectRoot = await makeProject(files);
    const run = promisify(execFile);
    const outcome = await run('node', [path.join(REPO_ROOT, 'bin/livret.js'), 'preview', '--dpi', '0'], { cwd: projectRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^livret: --dpi 0 : donnez une résolution de 20 à 600/);
  });
});
