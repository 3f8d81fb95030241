import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { buildBooklet, type BuildOptions, type BuildResult } from '../pipeline.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { contactSheet } from './contact-sheet.js';
import { proofReportHtml, sentencePages, type ProofFinding } from './proof-report.js';
import { DEFAULT_PREVIEW_DPI, renderPages, type PagePicture } from './render-pages.js';

export interface PreviewOptions extends Omit<BuildOptions, 'write' | 'bleed' | 'cropMarks' | 'checks'> {
  /** Resolution of the page PNGs (default 96). */
  dpi?: number;
  /** Findings shown beside each page of the proof report; default: `livret check` run on this build. */
  findings?: readonly ProofFinding[];
}

export interface PreviewResult {
  /** `out/<code>/preview/<booklet>/page-01.png` …, one per page of the booklet (A5 pages for a5-booklet, not the imposed sheets). */
  pagePaths: string[];
  contactSheetPath: string;
  /** `out/<code>/<booklet>-report.html`. */
  reportPath: string;
  pageCount: number;
  build: BuildResult;
}

/** Width of the thumbnails inlined in the proof report, in pixels. */
const REPORT_THUMBNAIL_WIDTH = 316;
const FORMAT_NAMES = { a4: 'A4', 'a5-booklet': 'A5, livret piqué' } as const;

/**
 * `livret preview`: builds the booklet in memory (no PDF written), draws each
 * page as a PNG, puts them all on one contact sheet, runs `livret check` on
 * the build and writes the proof report (thumbnails beside the findings).
 */
export async function previewBooklet(options: PreviewOptions = {}): Promise<PreviewResult> {
  const build = await buildBooklet({ ...options, write: false });
  const pictures = await renderPages(build.pdf, options.dpi ?? DEFAULT_PREVIEW_DPI);
  const folder = path.dirname(build.outputPath);
  // One folder per booklet: previewing one booklet never removes another's pages.
  const previewFolder = path.join(folder, 'preview', path.basename(build.bookletDir));
  await removeOldPages(previewFolder);
  const digits = Math.max(2, String(pictures.length).length);
  const pagePaths: string[] = [];
  for (const picture of pictures) {
    const target = path.join(previewFolder, `page-${String(picture.page).padStart(digits, '0')}.png`);
    await writeFileAtomic(target, picture.png);
    pagePaths.push(target);
  }
  const contactSheetPath = path.join(previewFolder, 'contact-sheet.png');
  await writeFileAtomic(contactSheetPath, await contactSheet(pictures));
  const reportPath = path.join(folder, `${path.basename(build.bookletDir)}-report.html`);
  const findings = options.findings ?? build.report.findings;
  await writeFileAtomic(reportPath, await reportFor(build, pictures, findings));
  return { pagePaths, contactSheetPath, reportPath, pageCount: pictures.length, build };
}

async function reportFor(build: BuildResult, pictures: readonly PagePicture[], findings: readonly ProofFinding[]): Promise<string> {
  const pages = await Promise.all(
    pictures.map(async (picture) => {
      const thumbnail = await sharp(picture.png).resize({ width: REPORT_THUMBNAIL_WIDTH }).png().toBuffer({ resolveWithObject: true });
      return { page: picture.page, src: `data:image/png;base64,${thumbnail.data.toString('base64')}`, width: thumbnail.info.width, height: thumbnail.info.height };
    }),
  );
  const { department } = build.booklet;
  const html = proofReportHtml(
    {
      title: build.booklet.title,
      department: `${department.office.short_name} (${department.code})`,
      format: FORMAT_NAMES[build.format],
      date: build.date,
      pages,
      findings,
    },
    sentencePages(build.readback, build.sentences),
  );
  return html;
}

/** Pages of an earlier, longer preview would otherwise look like part of this one. */
async function removeOldPages(previewFolder: string): Promise<void> {
  const names = await readdir(previewFolder).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => /^page-\d+\.png$/.test(name)).map((name) => rm(path.join(previewFolder, name), { force: true })));
}
