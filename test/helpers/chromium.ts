import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/**
 * Opens a local HTML file in headless Chromium (Debian's chromium package)
 * and reports what a reader's browser would: console errors, uncaught
 * exceptions, failed loads, and how many images decoded. Talks to the
 * browser over the DevTools protocol on a pipe (--remote-debugging-pipe), so
 * no port and no extra package.
 */
export const CHROMIUM = process.env.LIVRET_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (apt-get install -y chromium, or set LIVRET_CHROMIUM)`;
}

export interface PageVisit {
  /** Console errors, uncaught exceptions and failed loads, as text. */
  errors: string[];
  imageCount: number;
  /** Images that loaded and decoded (naturalWidth > 0). */
  decodedImageCount: number;
  /** Evaluated in the page after load (returnByValue). */
  evaluated: unknown;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** A page in headless Chromium, driven over the DevTools protocol. */
export interface ChromiumPage {
  /** Console errors, uncaught exceptions and failed loads seen so far, as text. */
  errors: string[];
  /** Opens `url` and resolves when its document is complete. */
  navigate(url: string): Promise<void>;
  /** Evaluates `expression` in the page (returnByValue; promises awaited). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy; rejects with `what` after `timeoutMs`. */
  waitFor(expression: string, what: string, timeoutMs?: number): Promise<void>;
  /** A PNG of the viewport (width × height CSS pixels), or of the whole page with `fullPage`. */
  screenshot(width: number, height: number, fullPage?: boolean): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openChromium(timeoutMs = 120_000): Promise<ChromiumPage> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'livret-chromium-'));
  const browser = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = browser.stdio[3] as Writable;
  const fromBrowser = browser.stdio[4] as Readable;
  const waiting = new Map<number, { resolve: (message: Message) => void; reject: (error: Error) => void }>();
  const listeners: Array<(message: Message) => void> = [];
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) pending?.reject(new Error(message.error.message));
        else pending?.resolve(message);
      } else listeners.forEach((listener) => listener(message));
    }
  });
  let nextId = 1;
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Message>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const exited = new Promise<void>((resolve) => browser.once('exit', () => resolve()));
  const timer = setTimeout(() => browser.kill('SIGKILL'), timeoutMs);
  const close = async () => {
    await Promise.race([send('Browser.close').catch(() => undefined), exited]);
    clearTimeout(timer);
    if (browser.exitCode === null) browser.kill();
    await exited;
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    const errors: string[] = [];
    listeners.push((message) => {
      const params = message.params ?? {};
      if (message.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
        errors.push(`console.${String(params.type)}: ${JSON.stringify(params.args)}`);
      }
      if (message.method === 'Runtime.exceptionThrown') errors.push(`exception: ${JSON.stringify(params.exceptionDetails)}`);
      if (message.method === 'Log.entryAdded') {
        const entry = params.entry as { level?: string; text?: string; url?: string } | undefined;
        if (entry?.level === 'error') errors.push(`log: ${entry.text ?? ''} ${entry.url ?? ''}`);
      }
    });
    const created = await send('Target.createTarget', { url: 'about:blank' });
    const attached = await send('Target.attachToTarget', { targetId: created.result?.targetId, flatten: true });
    const sessionId = String(attached.result?.sessionId);
    for (const domain of ['Page', 'Runtime', 'Log']) await send(`${domain}.enable`, {}, sessionId);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const answer = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      return (answer.result?.result as { value?: T } | undefined)?.value as T;
    };
    const waitFor = async (expression: string, what: string, waitMs = 60_000) => {
      const deadline = Date.now() + waitMs;
      while ((await evaluate<unknown>(`Boolean(${expression})`)) !== true) {
        if (Date.now() > deadline) throw new Error(`Chromium: gave up waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    return {
      errors,
      evaluate,
      waitFor,
      navigate: async (url) => {
        await send('Page.navigate', { url }, sessionId);
        // Loaded when the document at that address is complete (the load event of about:blank may come first).
        await waitFor(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`, `${url} to load`);
      },
      screenshot: async (width, height, fullPage = false) => {
        await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
        const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage }, sessionId);
        return Buffer.from(String(shot.result?.data), 'base64');
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function visitInChromium(file: string, expression = 'null', timeoutMs = 60_000): Promise<PageVisit> {
  const page = await openChromium(timeoutMs);
  try {
    await page.navigate(pathToFileURL(file).href);
    const [imageCount, decodedImageCount] = await page.evaluate<[number, number]>(
      '[document.images.length, [...document.images].filter((image) => image.complete && image.naturalWidth > 0).length]',
    );
    const evaluated = await page.evaluate(expression);
    return { errors: page.errors, imageCount, decodedImageCount, evaluated };
  } finally {
    await page.close();
  }
}
