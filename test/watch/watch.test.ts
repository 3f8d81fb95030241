import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLivretError } from '../../src/errors.js';
import type { WatchState } from '../../src/watch/preview-session.js';
import { watchBooklet, type WatchHandle } from '../../src/watch/watch-booklet.js';
import { chromiumMissingReason, openChromium, type ChromiumPage } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

/**
 * `livret watch` end to end: a temporary copy of a small project, the
 * preview server on a free port, files changed on disk, and the state (and,
 * in Chromium, the page) followed until the change shows.
 */
const CHAPTER_2 = '# Deuxième chapitre\n\nVous pouvez venir à la CPAM.\nLe numéro est le {{caisse.telephone}}.\n';
const files: Record<string, string> = {
  'content/mini/booklet.yaml': 'title: "Livret de test"\nchapters: [c1.md, c2.md]\n',
  'content/mini/c1.md': '# Premier chapitre\n\nVous pouvez appeler la CPAM.\nLa CPAM vous aide.\n\n::contact\n',
  'content/mini/c2.md': CHAPTER_2,
  'livret.config.yaml': 'rules: {}\n',
};

async function waitForState(handle: WatchHandle, test: (state: WatchState) => boolean, what: string): Promise<WatchState> {
  const deadline = Date.now() + 120_000;
  while (!test(handle.session.state)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; state: ${JSON.stringify({ ...handle.session.state, pages: handle.session.state.pages.length })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handle.session.state;
}

const settled = (state: WatchState) => state.status === 'ready' || state.status === 'error';

describe('livret watch (library, server)', () => {
  let projectRoot: string;
  let handle: WatchHandle;
  let first: WatchState;

  beforeAll(async () => {
    projectRoot = await makeProject(files);
    handle = await watchBooklet({ projectRoot, port: 0, dpi: 48, debounceMs: 50 });
    first = await waitForState(handle, (state) => state.status === 'ready', 'the first build');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('serves on 127.0.0.1 only, the first build drawn: every page a PNG', async () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(first.pages.length).toBeGreaterThanOrEqual(2);
    expect(first.lastBuild?.redrawn).toBe(first.pages.length);
    const state = (await (await fetch(new URL('state.json', handle.url))).json()) as { pages: Array<{ fingerprint: string; text: string }> };
    const picture = await fetch(new URL(`pages/${state.pages[0]!.fingerprint}.png`, handle.url));
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await picture.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect(state.pages.map((page) => page.text).join('\n')).toContain('Vous pouvez venir à la CPAM.');
  });

  it('refuses a request made under another host name (DNS rebinding)', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(handle.url);
      import('node:http').then(({ request }) =>
        request({ host: '127.0.0.1', port, path: '/state.json', headers: { host: `evil.example:${port}` } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end(),
      );
    });
    expect(answer).toBe(403);
  });

  it('a changed sentence rebuilds; pages that did not change are not drawn again', async () => {
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), CHAPTER_2.replace('Vous pouvez venir à la CPAM.', 'Vous pouvez venir à la CPAM le matin.'));
    const after = await waitForState(handle, (state) => state.status === 'ready' && state.pages.some((page) => page.text.replace(/\s+/g, ' ').includes('CPAM le matin')), 'the new sentence');
    expect(after.lastBuild!.redrawn).toBeLessThan(after.pages.length);
    expect(after.pages[0]!.fingerprint).toBe(first.pages[0]!.fingerprint);
  });

  it('a file with an error shows the error with its file:line and keeps the last good pages; fixing it clears the error', async () => {
    const before = handle.session.state.pages.map((page) => page.fingerprint);
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), '# Deuxième chapitre\n\nLe numéro est le {{caisse.inconnu}}.\n');
    const broken = await waitForState(handle, (state) => state.status === 'error', 'the error');
    expect(broken.error?.file).toBe('content/mini/c2.md');
    expect(broken.error?.line).toBe(3);
    expect(broken.error?.text).toMatch(/^content\/mini\/c2\.md:3:\d+: /);
    expect(broken.pages.map((page) => page.fingerprint)).toEqual(before);
    const html = await (await fetch(handle.url)).text();
    expect(html).toContain('content/mini/c2.md:3:');
    expect(html).toContain('dernière construction réussie');
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), CHAPTER_2);
    const fixed = await waitForState(handle, (state) => state.status === 'ready', 'the fix');
    expect(fixed.error).toBeUndefined();
  });

  it('livret.config.yaml with an error is shown the same way', async () => {
    await writeFile(path.join(projectRoot, 'livret.config.yaml'), 'rules:\n  sentence-length: [error, { max: "beaucoup" }]\n');
    const broken = await waitForState(handle, (state) => state.status === 'error', 'the configuration error');
    expect(broken.error?.file).toBe('livret.config.yaml');
    await writeFile(path.join(projectRoot, 'livret.config.yaml'), 'rules: {}\n');
    await waitForState(handle, (state) => state.status === 'ready', 'the fixed configuration');
  });

  it('watches the booklet folder, the department files, assets/ (pictures, lexicon) and livret.config.yaml', () => {
    expect(handle.watched).toEqual(['content/mini', 'content/departments', 'assets', 'livret.config.yaml']);
  });

  it('a change in the department file rebuilds too', async () => {
    const file = path.join(projectRoot, 'content/departments/61.yaml');
    const department = await readFile(file, 'utf8');
    await writeFile(file, department.replace('address: ["34 place du Général Bonet", "61012 ALENCON CEDEX"]', 'address: ["35 place du Général Bonet", "61012 ALENCON CEDEX"]'));
    await waitForState(handle, (state) => state.status === 'ready' && state.pages.some((page) => page.text.includes('35 place du Général Bonet')), 'the new address');
    await writeFile(file, department);
    await waitForState(handle, (state) => state.status === 'ready' && state.pages.some((page) => page.text.includes('34 place du Général Bonet')), 'the address back');
  });

  it('a port already taken is a French error (exit 2)', async () => {
    const error = await watchBooklet({ projectRoot, port: handle.port }).catch((caught: unknown) => caught);
    expect(isLivretError(error)).toBe(true);
    expect((error as Error).message).toBe(`le port ${handle.port} est déjà pris : choisissez-en un autre avec --port, par exemple --port ${handle.port + 1}`);
  });

  it('an unknown booklet is a French error naming the folder', async () => {
    const error = await watchBooklet({ projectRoot, port: 0, booklet: 'autre' }).catch((caught: unknown) => caught);
    expect(isLivretError(error) && error.format()).toBe('content/autre/booklet.yaml: pas de livret « autre » (livrets trouvés : mini) : vérifiez le nom du dossier dans content/');
  });
});

describe('livret watch --format a5-booklet', () => {
  it('shows the A5 pages (not the imposed sheets)', async () => {
    const projectRoot = await makeProject(files);
    const handle = await watchBooklet({ projectRoot, port: 0, dpi: 72, format: 'a5-booklet' });
    try {
      const state = await waitForState(handle, settled, 'the build');
      expect(state.status).toBe('ready');
      // A5 is 419.53 × 595.28 pt: at 72 dpi, one pixel per point; the booklet is padded to a multiple of 4 pages.
      expect(state.pages.map((page) => [page.width, page.height])).toEqual(state.pages.map(() => [419, 595]));
      expect(state.pages.length % 4).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(chromiumMissingReason() !== undefined)(`livret watch in Chromium ${chromiumMissingReason() ?? ''}`, () => {
  let projectRoot: string;
  let handle: WatchHandle;
  let browser: ChromiumPage;

  beforeAll(async () => {
    projectRoot = await makeProject(files);
    handle = await watchBooklet({ projectRoot, port: 0, dpi: 48, debounceMs: 50 });
    await waitForState(handle, settled, 'the first build');
    browser = await openChromium(240_000);
    await browser.navigate(handle.url);
  });
  afterAll(async () => {
    await browser?.close();
    await handle?.close();
  });

  const pageText = "[...document.querySelectorAll('.page-text')].map((node) => node.textContent).join(' ').replace(/\\s+/g, ' ')";
  const decodedImages = "[...document.querySelectorAll('.page img')].filter((image) => image.complete && image.naturalWidth > 0).length";

  it('shows the pages and their text', async () => {
    await browser.waitFor(`document.querySelectorAll('.page img').length >= 2 && ${decodedImages} === document.querySelectorAll('.page img').length`, 'the page pictures');
    expect(await browser.evaluate<string>(pageText)).toContain('Vous pouvez venir à la CPAM.');
  });

  it('a save shows the new page and its finding by itself, without reloading', async () => {
    await browser.evaluate('window.notReloaded = true');
    const before = await browser.evaluate<string[]>("[...document.querySelectorAll('.page')].map((page) => page.dataset.fingerprint)");
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), CHAPTER_2.replace('Vous pouvez venir à la CPAM.', 'Vous pouvez venir le lundi, le mardi, le mercredi, le jeudi et le vendredi.'));
    await browser.waitFor(`document.querySelector('#view').dataset.status === 'ready' && ${pageText}.includes('le jeudi et le vendredi')`, 'the new sentence in the page');
    await browser.waitFor(`${decodedImages} === document.querySelectorAll('.page img').length`, 'the new pictures to load');
    const after = await browser.evaluate<string[]>("[...document.querySelectorAll('.page')].map((page) => page.dataset.fingerprint)");
    expect(after).not.toEqual(before);
    const finding = await browser.evaluate<string>("[...document.querySelectorAll('.page .finding')].map((item) => item.textContent).join('\\n')");
    expect(finding).toContain('commas-per-sentence');
    expect(finding).toContain('content/mini/c2.md:3');
    expect(await browser.evaluate('window.notReloaded')).toBe(true);
  });

  it('an error shows with its file:line above the last good pages, and goes when fixed', async () => {
    const before = await browser.evaluate<string[]>("[...document.querySelectorAll('.page')].map((page) => page.dataset.fingerprint)");
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), '# Deuxième chapitre\n\n:::steps\nPas une liste.\n:::\n');
    await browser.waitFor("document.querySelector('.build-error[role=alert] pre')", 'the error');
    const shown = await browser.evaluate<string>("document.querySelector('.build-error pre').textContent");
    expect(shown).toMatch(/^content\/mini\/c2\.md:4:1: /);
    expect(await browser.evaluate<string[]>("[...document.querySelectorAll('.page')].map((page) => page.dataset.fingerprint)")).toEqual(before);
    expect(await browser.evaluate(decodedImages)).toBe(before.length);
    await writeFile(path.join(projectRoot, 'content/mini/c2.md'), CHAPTER_2);
    await browser.waitFor("document.querySelector('#view').dataset.status === 'ready' && !document.querySelector('#view .build-error')", 'the error to go');
    expect(browser.errors).toEqual([]);
  });
});

describe('livret watch (command line)', () => {
  it('prints its address, serves, and stops cleanly on Ctrl-C (SIGINT): exit 0, port closed', async () => {
    const projectRoot = await makeProject(files);
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/livret.js'), 'watch', '--port', '0'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    while (!/Vérifié/.test(stderr)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`livret watch did not build: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = /Aperçu en direct : (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(url!)).status).toBe(200);
    // An open event stream must not keep the server from closing.
    const events = await fetch(new URL('events', url));
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Arrêt de l’aperçu');
    const { port } = new URL(url!);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(Number(port), '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  });

  it('a bad port is exit 2 with a French message', async () => {
    const projectRoot = await makeProject(files);
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/livret.js'), 'watch', '--port', '70000'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toBe('livret: --port 70000 : donnez un numéro de port de 0 (un port libre) à 65535, par exemple --port 4000\n');
  });
});
