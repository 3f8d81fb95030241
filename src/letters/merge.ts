import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Department } from '../content/department-schema.js';
import { loadDepartment } from '../content/load-department.js';
import { LivretError } from '../errors.js';
import { displayPath } from '../paths.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { fontFile } from '../fonts/fonts.js';
import { layOutLetter } from './layout-thread.js';
import type { StaticLetter } from './letter-model.js';
import { inspectRecipientsFile, readRecipients, type RecipientsFileFacts } from './recipients.js';
import { RejectedWriter } from './rejected-csv.js';
import { StampPool } from './stamp-pool.js';
import type { BatchDone } from './stamp-worker.js';
import { loadLetterTemplate, type LetterTemplate } from './template.js';
import { DuplicateGuard, validateRow, type AcceptedLetter, type ReasonCode } from './validate-row.js';

/**
 * `mergeLetters`: recipients CSV + letter template + department → batches of
 * letters, `rejected.csv` and `manifest.json` in
 * `<out>/letters/<department>/<run>/`. The CSV is streamed, batches are
 * stamped by worker threads and written under temporary names, so memory stays
 * flat and a crash leaves nothing that looks complete; `resume` finishes a run.
 */

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

export interface MergeProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  letters: number;
  rejected: number;
  /** Batch files finished (written, or found complete when resuming). */
  batchesWritten: number;
}

export interface MergeOptions {
  projectRoot: string;
  /** The letter template (Markdown with layout front matter). */
  letter: string;
  recipients: string;
  department: string;
  /** Output folder; letters go to `<out>/letters/<code>/<run>/`. Default `<projectRoot>/out`. */
  out?: string;
  batchSize?: number;
  shard?: Shard;
  resume?: boolean;
  /** Date printed on the letters, `YYYY-MM-DD`; default SOURCE_DATE_EPOCH, else the resumed run's date, else today. */
  date?: string;
  /** Stamping threads; default the number of cores, at most 2. 0 stamps in this thread. */
  workers?: number;
  onProgress?: (progress: MergeProgress) => void;
  /** Stops the run as a crash would (tests of `resume`). */
  signal?: AbortSignal;
}

export interface BatchRecord {
  file: string;
  first_row: number;
  last_row: number;
  letters: number;
  pages: number;
  sha256: string;
}

export interface Manifest {
  format: 'livret-letters-manifest/1';
  department: string;
  template: { file: string; sha256: string };
  input: { file: string; sha256: string; bytes: number; encoding: string; bom: boolean; delimiter: string };
  shard: Shard;
  letter_date: string;
  batch_size: number;
  pages_per_letter: number;
  rows_read: number;
  letters_written: number;
  rows_rejected: number;
  rejected_by_reason: Partial<Record<ReasonCode, number>>;
  batches: BatchRecord[];
}

export interface MergeResult {
  runDirectory: string;
  manifestFile: string;
  rejectedFile: string;
  manifest: Manifest;
}

/** The parameters a resumed run must share with the run it finishes. */
interface RunParameters {
  input_sha256: string;
  template_sha256: string;
  department_sha256: string;
  batch_size: number;
  shard: Shard;
  letter_date: string;
}

export const DEFAULT_BATCH_SIZE = 1000;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export async function mergeLetters(options: MergeOptions): Promise<MergeResult> {
  const run = await prepareRun(options);
  const workers = options.workers ?? Math.min(2, availableParallelism());
  // Threads start now and load pdf-lib while the letter is laid out.
  const pool = StampPool.start(workers);
  let staticLetter: StaticLetter;
  try {
    staticLetter = await layOutLetter(run.template.file, run.department, run.date, workers > 0);
  } catch (error) {
    await pool.close();
    throw error;
  }
  pool.configure({ staticLetter, regularFontFile: fontFile(400), boldFontFile: fontFile(700), date: run.date.toISOString() });

  const rejectedTemporary = path.join(run.directory, 'rejected.csv.partial');
  const rejected = new RejectedWriter(rejectedTemporary);
  const counts: MergeProgress = { bytesRead: 0, totalBytes: run.facts.size, rowsRead: 0, letters: 0, rejected: 0, batchesWritten: 0 };
  const byReason: Partial<Record<ReasonCode, number>> = {};
  const batches = new BatchWriter(pool, run.directory, staticLetter.pageCount, Boolean(options.resume), () => {
    counts.batchesWritten++;
    options.onProgress?.({ ...counts });
  });
  try {
    const guard = new DuplicateGuard();
    const { shard } = run.parameters;
    for await (const row of readRecipients(run.facts, (bytes) => (counts.bytesRead += bytes))) {
      options.signal?.throwIfAborted();
      // Every shard validates every row, so duplicates are found the same way on every machine.
      const outcome = validateRow(row, run.codeFormat, guard);
      if (row.index % shard.count !== shard.index - 1) continue;
      counts.rowsRead++;
      if (outcome.ok) {
        counts.letters++;
        await batches.add(outcome.letter, run.parameters.batch_size);
      } else {
        counts.rejected++;
        byReason[outcome.rejection.reason] = (byReason[outcome.rejection.reason] ?? 0) + 1;
        await rejected.write(outcome.rejection);
      }
      if (counts.rowsRead % 100 === 0) options.onProgress?.({ ...counts });
    }
    await batches.finish();
    options.signal?.throwIfAborted();
  } catch (error) {
    batches.abandon();
    await pool.close();
    await rejected.close().catch(() => undefined);
    throw error;
  }
  await pool.close();
  await rejected.close();
  options.onProgress?.({ ...counts, bytesRead: run.facts.size });
  const rejectedFile = path.join(run.directory, 'rejected.csv');
  await rename(rejectedTemporary, rejectedFile);

  const manifest = buildManifest(run, staticLetter.pageCount, counts, byReason, batches.records);
  const manifestFile = path.join(run.directory, 'manifest.json');
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: FILE_MODE, dirMode: DIR_MODE });
  return { runDirectory: run.directory, manifestFile, rejectedFile, manifest };
}

interface Run {
  department: Department;
  template: LetterTemplate;
  codeFormat: RegExp;
  facts: RecipientsFileFacts;
  directory: string;
  parameters: RunParameters;
  date: Date;
}

/** Checks the options and inputs, and readies the run folder (fresh, or resumed). */
async function prepareRun(options: MergeOptions): Promise<Run> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new LivretError(`--batch-size must be a whole number above 0, not ${batchSize}`);
  const shard = options.shard ?? { index: 1, count: 1 };
  checkShard(shard);
  const department = await loadDepartment(options.projectRoot, options.department);
  const template = await loadLetterTemplate(options.letter);
  const facts = await inspectRecipientsFile(options.recipients);

  const directory = path.join(options.out ?? path.join(options.projectRoot, 'out'), 'letters', department.code, runName(facts, shard));
  const previous = options.resume ? await readRunParameters(directory) : undefined;
  const parameters: RunParameters = {
    input_sha256: facts.sha256,
    template_sha256: sha256(template.source),
    department_sha256: sha256(JSON.stringify(department)),
    batch_size: batchSize,
    shard,
    letter_date: chooseLetterDate(options.date, previous?.letter_date),
  };
  if (previous && JSON.stringify(previous) !== JSON.stringify(parameters)) {
    throw new LivretError(
      'this run was started with another template, department file, batch size or date; run again without --resume to start over',
      { file: displayPath(options.projectRoot, directory) },
    );
  }
  await prepareRunDirectory(directory, Boolean(options.resume));
  await writeFileAtomic(path.join(directory, 'run.json'), `${JSON.stringify(parameters, null, 2)}\n`, { mode: FILE_MODE, dirMode: DIR_MODE });
  const date = new Date(`${parameters.letter_date}T00:00:00Z`);
  return { department, template, codeFormat: new RegExp(template.layout.code.format), facts, directory, parameters, date };
}

/**
 * Gathers accepted letters into batches and hands each full batch to the
 * pool; when resuming, a batch whose file is already complete is kept as is.
 */
class BatchWriter {
  readonly records: BatchRecord[] = [];
  private current: AcceptedLetter[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly pool: StampPool,
    private readonly directory: string,
    private readonly pagesPerLetter: number,
    private readonly resume: boolean,
    private readonly onBatchWritten: () => void,
  ) {}

  async add(letter: AcceptedLetter, batchSize: number): Promise<void> {
    this.current.push(letter);
    if (this.current.length >= batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    await Promise.all(this.inFlight);
  }

  /** After a failure: batches still in flight never get their final name. */
  abandon(): void {
    for (const pending of this.inFlight) pending.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.current.length === 0) return;
    const letters = this.current;
    this.current = [];
    const number = this.records.length + 1;
    const record: BatchRecord = {
      file: `batch-${String(number).padStart(4, '0')}.pdf`,
      first_row: letters[0]!.line,
      last_row: letters[letters.length - 1]!.line,
      letters: letters.length,
      pages: letters.length * this.pagesPerLetter,
      sha256: '',
    };
    this.records.push(record);
    const target = path.join(this.directory, record.file);
    const existing = this.resume ? await readIfExists(target) : undefined;
    if (existing) {
      record.sha256 = sha256(existing);
      this.onBatchWritten();
      return;
    }
    const job = this.pool.submit({ batch: number, target, letters: letters.map(({ addressLines, code, recipient }) => ({ addressLines, code, recipient })) });
    const settled: Promise<void> = job.then((done: BatchDone) => {
      record.sha256 = done.sha256;
      this.inFlight.delete(settled);
      this.onBatchWritten();
    });
    this.inFlight.add(settled);
    // Backpressure: at most two batches a thread wait in memory; reading pauses meanwhile.
    while (this.inFlight.size >= this.pool.capacity * 2) await Promise.race(this.inFlight);
  }
}

function buildManifest(
  run: Run,
  pagesPerLetter: number,
  counts: MergeProgress,
  byReason: Partial<Record<ReasonCode, number>>,
  batches: BatchRecord[],
): Manifest {
  const { facts, parameters } = run;
  return {
    format: 'livret-letters-manifest/1',
    department: run.department.code,
    template: { file: path.basename(run.template.file), sha256: parameters.template_sha256 },
    input: { file: path.basename(facts.file), sha256: facts.sha256, bytes: facts.size, encoding: facts.encoding, bom: facts.hasBom, delimiter: facts.delimiter },
    shard: parameters.shard,
    letter_date: parameters.letter_date,
    batch_size: parameters.batch_size,
    pages_per_letter: pagesPerLetter,
    rows_read: counts.rowsRead,
    letters_written: counts.letters,
    rows_rejected: counts.rejected,
    rejected_by_reason: Object.fromEntries(Object.entries(byReason).sort(([a], [b]) => a.localeCompare(b))),
    batches,
  };
}

function checkShard(shard: Shard): void {
  if (!Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new LivretError(`--shard must be K/N with 1 ≤ K ≤ N, for example 1/4; got ${shard.index}/${shard.count}`);
  }
}

/** `K/N` → shard, K counted from 1. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new LivretError(`--shard must be K/N, for example 2/4; got "${text}"`);
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  checkShard(shard);
  return shard;
}

/** The run folder is named after the input file's hash (and the shard), so `--resume` finds it. */
function runName(facts: RecipientsFileFacts, shard: Shard): string {
  const base = facts.sha256.slice(0, 16);
  return shard.count === 1 ? base : `${base}-shard-${shard.index}-of-${shard.count}`;
}

function chooseLetterDate(explicit: string | undefined, resumed: string | undefined): string {
  if (explicit !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(explicit) || Number.isNaN(Date.parse(`${explicit}T00:00:00Z`))) {
      throw new LivretError(`--date must be a date written YYYY-MM-DD, for example 2026-11-29; got "${explicit}"`);
    }
    return explicit;
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return resumed ?? new Date().toISOString().slice(0, 10);
}

async function readRunParameters(runDirectory: string): Promise<RunParameters | undefined> {
  const text = await readIfExists(path.join(runDirectory, 'run.json'));
  return text ? (JSON.parse(text.toString('utf8')) as RunParameters) : undefined;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** A fresh run starts from an empty folder; a resumed one drops only unfinished temporary files. */
async function prepareRunDirectory(runDirectory: string, resume: boolean): Promise<void> {
  if (!resume) await rm(runDirectory, { recursive: true, force: true });
  await mkdir(runDirectory, { recursive: true, mode: DIR_MODE });
  await chmod(runDirectory, DIR_MODE);
  for (const entry of await readdir(runDirectory)) {
    if (entry.endsWith('.partial') || entry === 'manifest.json') await rm(path.join(runDirectory, entry), { force: true });
  }
}

