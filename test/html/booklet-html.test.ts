import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtml, type HtmlBuildResult } from '../../src/pipeline.js';
import { chromiumMissingReason, openChromium, type ChromiumPage } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/**
 * `livret build --format html`: the reference booklet as one accessible web
 * page, checked as text and in Debian's Chromium with axe-core.
 */
let result: HtmlBuildResult;
let file: string;

beforeAll(async () => {
  result = await buildHtml({ projectRoot: REPO_ROOT, department: '61', write: false });
  file = path.join(await mkdtemp(path.join(os.tmpdir(), 'livret-html-')), 'bienvenue.html');
  await writeFile(file, result.html);
});

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('the booklet as a web page', () => {
  it('is written to out/<department>/<booklet>.html from the same model as the PDF', () => {
    expect(path.relative(REPO_ROOT, result.outputPath)).toBe(path.join('out', '61', 'bienvenue.html'));
    expect(result.report.errorCount).toBe(0);
  });

  it('is one self-contained file, in French, without script', () => {
    const { html } = result;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<script/i);
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(sources.filter((source) => !source.startsWith('data:') && !source.startsWith('#'))).toEqual([]);
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('has one h1, one h2 per chapter, the steps as ordered lists, screenshots as figures with their alt', () => {
    const { html } = result;
    expect(count(html, /<h1>/g)).toBe(1);
    const chapterCount = count(html, /<section aria-labelledby="chapitre-/g);
    expect(count(html, /<h2 id="chapitre-/g)).toBe(chapterCount);
    expect(count(html, /<ol class="steps">/g)).toBeGreaterThan(0);
    const alts = [...html.matchAll(/<figure><img src="data:image\/png;base64,[^"]+" alt="([^"]*)"/g)].map((match) => match[1]);
    expect(alts.length).toBeGreaterThan(0);
    expect(alts.every((alt) => alt!.length > 10)).toBe(true);
    // pictograms repeat the text beside them: decorative, as in the PDF (Artifacts)
    expect([...html.matchAll(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="([^"]*)"/g)].every((match) => match[1] === '')).toBe(true);
  });
});

const noChromium = chromiumMissingReason();

describe.skipIf(noChromium !== undefined)(`in Chromium with axe-core${noChromium ? ` (skipped: ${noChromium})` : ''}`, () => {
  let page: ChromiumPage;
  const axeSource = () => readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    page = await openChromium();
    await page.screenshot(1280, 900);
    await page.navigate(pathToFileURL(file).href);
    await page.evaluate(`${await axeSource()}; true`);
  }, 120_000);
  afterAll(async () => page?.close());

  interface Violation {
    id: string;
    nodes: string[];
  }
  const violations = (options: string) =>
    page.evaluate<Violation[]>(`axe.run(document, ${options}).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`);

  it('loads without error, every picture decoded', async () => {
    expect(page.errors).toEqual([]);
    const images = await page.evaluate<{ all: number; decoded: number }>(`({ all: document.images.length, decoded: [...document.images].filter((i) => i.complete && i.naturalWidth > 0).length })`);
    expect(images.all).toBeGreaterThan(10);
    expect(images.decoded).toBe(images.all);
  });

  it('no violation of the WCAG 2.2 A and AA rules (axe-core)', async () => {
    expect(await violations(`{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } }`)).toEqual([]);
  });

  it('AAA contrast (axe-core color-contrast-enhanced), 7:1 for body text', async () => {
    expect(await violations(`{ runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } }`)).toEqual([]);
  });

  it('the same checks catch a picture without alt and gray text of 4.6:1 (removed afterwards)', async () => {
    await page.evaluate(`(() => {
      const bad = document.createElement('div'); bad.id = 'bad';
      bad.innerHTML = '<p style="color:#767676">Texte trop clair.</p><img src="' + document.images[0].src + '">';
      document.querySelector('main').append(bad); return true;
    })()`);
    const found = async (options: string) => (await violations(options)).map((violation) => violation.id);
    expect(await found(`{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }`)).toEqual(['image-alt']);
    expect(await found(`{ runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } }`)).toEqual(['color-contrast-enhanced']);
    await page.evaluate(`document.getElementById('bad').remove(), true`);
  });

  it('easy-read type: at least 20 px, line height 1.5, left aligned, lines of at most about 60 characters', async () => {
    const type = await page.evaluate<{ size: number; lineHeight: number; align: string; widestInCh: number }>(`(() => {
      const ps = [...document.querySelectorAll('main p')];
      const style = getComputedStyle(ps[0]);
      const probe = document.createElement('span'); probe.textContent = '0'.repeat(100); probe.style.font = style.font; document.body.append(probe);
      const ch = probe.getBoundingClientRect().width / 100; probe.remove();
      return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize), align: style.textAlign, widestInCh: Math.max(...ps.map((p) => p.getBoundingClientRect().width)) / ch };
    })()`);
    expect(type.size).toBeGreaterThanOrEqual(20);
    expect(type.lineHeight).toBeCloseTo(1.5, 2);
    expect(type.align).toBe('left');
    expect(type.widestInCh).toBeLessThanOrEqual(60.5);
  });

  const pictureBesideText = () =>
    page.evaluate<{ beside: boolean; under: boolean }>(`(() => {
      const row = [...document.querySelectorAll('main .row')].find((r) => r.querySelector('.picture img') && r.querySelector('.text p'));
      const picture = row.querySelector('.picture').getBoundingClientRect();
      const text = row.querySelector('.text').getBoundingClientRect();
      return { beside: picture.right <= text.left, under: picture.top >= text.bottom - 1 };
    })()`);

  it('the picture column beside the text on a wide screen, under it on a phone', async () => {
    await page.screenshot(1280, 900);
    expect(await pictureBesideText()).toEqual({ beside: true, under: false });
    await page.screenshot(375, 800);
    expect(await pictureBesideText()).toEqual({ beside: false, under: true });
    expect(await violations(`{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }`)).toEqual([]);
  });

  it('has a print style sheet', async () => {
    expect(await page.evaluate<boolean>(`[...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.media && rule.media.mediaText === 'print'))`)).toBe(true);
  });
});

describe('livret build --format html (the CLI on dist/)', () => {
  const livret = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'livret.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '', FORCE_COLOR: '0' } });

  it('writes out/<code>/<booklet>.html and names it; an unknown department is exit 2 in one line, nothing written', async () => {
    const root = await makeProject({ 'content/mini/chapitre.md': '# Un chapitre\n\nVous pouvez appeler la caisse.\nLe numéro est le {{caisse.telephone}}.\n' });
    const built = livret(root, 'build', '--department', '61', '--format', 'html');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(`${path.join('out', '61', 'mini.html')}  page web\n`);
    expect((await readFile(path.join(root, 'out', '61', 'mini.html'), 'utf8')).startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    const bad = livret(root, 'build', '--department', '99', '--format', 'html', '--out', 'elsewhere');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^livret: content\/departments\/99\.yaml/);
    expect(existsSync(path.join(root, 'elsewhere'))).toBe(false);
  });

  it('writes no page when a rule of severity error fails (exit 1), as for a PDF', async () => {
    const root = await makeProject(); // "CPAM" without explanation: abbreviations, an error
    const built = livret(root, 'build', '--department', '61', '--format', 'html');
    expect(built.status).toBe(1);
    expect(built.stderr).toContain('abbreviations');
    expect(existsSync(path.join(root, 'out', '61', 'mini.html'))).toBe(false);
  });
});
