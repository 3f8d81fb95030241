import { EventEmitter } from 'node:events';
import { buildBooklet, checkBuild, type BuildResult, type OutputFormat } from '../pipeline.js';
import { isLivretError } from '../errors.js';
import { pageOfFinding, sentencePages, type ProofFinding } from '../preview/proof-report.js';
import { DEFAULT_PREVIEW_DPI, renderPages } from '../preview/render-pages.js';
import { pageFingerprints } from './page-fingerprints.js';

/**
 * What the live preview shows, rebuilt on every save: the pages of the last
 * build that succeeded, each with its findings, and the error of the last
 * build when it failed (its pages stay visible). A build publishes its pages
 * as soon as they are drawn, then its findings once the checks have run.
 */
export interface WatchPage {
  page: number;
  /** Same fingerprint, same picture: only pages whose fingerprint changed are drawn again. */
  fingerprint: string;
  png: Buffer;
  width: number;
  height: number;
  /** The page's text as read back from the PDF (shown under the picture, for screen readers and search). */
  text: string;
  findings: ProofFinding[];
}

export interface WatchError {
  /** `file:line:column: message`, as the CLI prints it. */
  text: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type WatchStatus = 'building' | 'checking' | 'ready' | 'error';

export interface WatchState {
  /** Goes up by one at every change of the state. */
  version: number;
  status: WatchStatus;
  title?: string;
  /** e.g. "CPAM de l'Orne (61)". */
  department?: string;
  format: OutputFormat;
  pages: WatchPage[];
  /** Findings about the whole booklet (no page). */
  generalFindings: ProofFinding[];
  error?: WatchError;
  /** Of the last build that succeeded: milliseconds to the pages (of which the build and the drawing), pages drawn again. */
  lastBuild?: { pagesMs: number; buildMs: number; drawMs: number; redrawn: number; at: Date };
}

export interface PreviewSessionOptions {
  projectRoot: string;
  booklet: string;
  department?: string;
  format?: OutputFormat;
  /** Resolution of the page pictures (default 96). */
  dpi?: number;
  /** A build failed for a reason that is not the writer's (a bug in livret). */
  onInternalError?: (error: unknown) => void;
}

export class PreviewSession extends EventEmitter<{ change: [WatchState] }> {
  private current: WatchState;

  constructor(private readonly options: PreviewSessionOptions) {
    super();
    this.current = { version: 0, status: 'building', format: options.format ?? 'a4', pages: [], generalFindings: [] };
  }

  get state(): WatchState {
    return this.current;
  }

  /** Builds, draws the changed pages, publishes them, checks, publishes the findings. Never throws. */
  async rebuild(): Promise<void> {
    const started = performance.now();
    this.update({ status: 'building' });
    let build: BuildResult;
    try {
      build = await buildBooklet({
        projectRoot: this.options.projectRoot,
        booklet: this.options.booklet,
        department: this.options.department,
        format: this.current.format,
        write: false,
        // The pages first; the other rules run once they are shown.
        checks: 'content-loss',
      });
      const built = performance.now();
      const { pages, redrawn } = await this.drawPages(build);
      const drawn = performance.now();
      const { department } = build.booklet;
      this.update({
        status: 'checking',
        title: build.booklet.title,
        department: `${department.office.short_name} (${department.code})`,
        pages,
        error: undefined,
        lastBuild: { pagesMs: drawn - started, buildMs: built - started, drawMs: drawn - built, redrawn, at: new Date() },
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    try {
      const report = await checkBuild(build);
      const pageOf = sentencePages(build.readback, build.sentences);
      const byPage = new Map<number, ProofFinding[]>();
      const general: ProofFinding[] = [];
      for (const finding of report.findings) {
        const page = pageOfFinding(finding, pageOf);
        if (page === undefined || page > this.current.pages.length) general.push(finding);
        else byPage.set(page, [...(byPage.get(page) ?? []), finding]);
      }
      const pages = this.current.pages.map((page) => ({ ...page, findings: byPage.get(page.page) ?? [] }));
      this.update({ status: 'ready', pages, generalFindings: general });
    } catch (error) {
      this.fail(error);
    }
  }

  /** The build's pages, reusing the pictures of unchanged pages and drawing the others. */
  private async drawPages(build: BuildResult): Promise<{ pages: WatchPage[]; redrawn: number }> {
    const fingerprints = await pageFingerprints(build.pdf, build.readback);
    const known = new Map(this.current.pages.map((page) => [page.fingerprint, page]));
    const toDraw = fingerprints.flatMap((fingerprint, index) => (known.has(fingerprint) ? [] : [index + 1]));
    const drawn = new Map((await renderPages(build.pdf, this.options.dpi ?? DEFAULT_PREVIEW_DPI, toDraw)).map((picture) => [picture.page, picture]));
    const previousFindings = new Map(this.current.pages.map((page) => [page.page, page.findings]));
    const pages = fingerprints.map((fingerprint, index): WatchPage => {
      const page = index + 1;
      const picture = drawn.get(page) ?? known.get(fingerprint);
      if (!picture) throw new Error(`page ${page} was neither drawn nor known`);
      // Until the checks of this build are done, a page keeps the findings its number had.
      const text = build.readback.pages[index]?.text ?? '';
      return { page, fingerprint, png: picture.png, width: picture.width, height: picture.height, text, findings: previousFindings.get(page) ?? [] };
    });
    return { pages, redrawn: toDraw.length };
  }

  private fail(error: unknown): void {
    if (isLivretError(error)) {
      const { location } = error;
      this.update({ status: 'error', error: { text: error.format(), message: error.message, ...location } });
      return;
    }
    this.options.onInternalError?.(error);
    const message = `erreur interne de livret (${error instanceof Error ? error.message : String(error)}) : signalez-la avec le message du terminal`;
    this.update({ status: 'error', error: { text: message, message } });
  }

  private update(change: Partial<Omit<WatchState, 'version'>>): void {
    this.current = { ...this.current, ...change, version: this.current.version + 1 };
    this.emit('change', this.current);
  }
}
