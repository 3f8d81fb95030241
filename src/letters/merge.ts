import { readFile, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Department } from '../content/department-schema.js';
import { loadDepartment } from '../content/load-department.js';
import { LivretError } from '../errors.js';
import { checkDate, checkShard, DEFAULT_BATCH_SIZE, MAX_WORKERS, parseShard, parseWholeNumber } from './merge-options.js';
import { displayPath } from '../paths.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { layOutLetter } from './layout-thread.js';
import type { StaticLetter } from './letter-model.js';
import { inspectRecipientsFile, readRecipients, type RecipientsFileFacts } from './recipients.js';
import { RejectedWriter } from './rejected-csv.js';
import type { Rejection } from './report-safe-row.js';
import {
  describeChanges,
  DIR_MODE,
  FILE_MODE,
  lockRun,
  prepareRunDirectory,
  readRunParameters,
  runName,
  sha256,
  unfinishedRuns,
  type RunParameters,
  type Shard,
} from './run-folder.js';
import { StampPool } from './stamp-pool.js';
import { checksumFile } from './batch-checksum.js';
import type { BatchDone } from './stamp-worker.js';
import { loadLetterTemplate, type LetterTemplate } from './template.js';
import { DuplicateGuard, validateRow, type AcceptedLetter, type ReasonCode, type RowOutcome } from './validate-row.js';

export type { Shard } from './run-folder.js';

/**
 * `mergeLetters`: recipients CSV + letter template + department → batches of
 * letters, `rejected.csv` and `manifest.json` in
 * `<out>/letters/<department>/<run>/`. The CSV is streamed, batches are
 * stamped by worker threads and written under temporary names, so memory stays
 * flat and a crash leaves nothing that looks complete; `resume` finishes a run.
 */

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

export { checkDate, DEFAULT_BATCH_SIZE, MAX_WORKERS, parseShard, parseWholeNumber };

export async function mergeLetters(options: MergeOptions): Promise<MergeResult> {
  const prepared = await prepareRun(options);
  // Every option and input is checked: the lock comes next, so that a second
  // merge of the same run is stopped as early as possible, before the layout.
  const lost = new AbortController();
  const release = await lockRun(prepared.directory, displayPath(options.projectRoot, prepared.directory), (error) => lost.abort(error));
  const run = await startStamping(prepared).catch(async (error: unknown) => {
    await release().catch(() => undefined);
    throw error;
  });
  const signal = options.signal ? AbortSignal.any([options.signal, lost.signal]) : lost.signal;
  try {
    // Only now is the run folder touched.
    await prepareRunDirectory(run.directory, run.resume);
    await writeFileAtomic(path.join(run.directory, 'run.json'), `${JSON.stringify(run.parameters, null, 2)}\n`, { mode: FILE_MODE, dirMode: DIR_MODE });
    return await stampRun(run, options, signal).catch(async (error: unknown) => {
      // Refused on bad input after the folder was made: leave nothing that looks like a run.
      if (error instanceof LivretError && !run.resume && !lost.signal.aborted) await rm(run.directory, { recursive: true, force: true });
      throw error;
    });
  } finally {
    // Closed already when stamping ran; here too when the folder could not be readied.
    await run.pool.close();
    await release().catch(() => undefined);
  }
}

async function stampRun(run: Run, options: MergeOptions, signal: AbortSignal): Promise<MergeResult> {
  const { pool } = run;
  pool.configure({ staticLetter: run.staticLetter, date: run.date.toISOString() });

  const rejectedTemporary = path.join(run.directory, 'rejected.csv.partial');
  const rejected = new RejectedWriter(rejectedTemporary);
  const counts: MergeProgress = { bytesRead: 0, totalBytes: run.facts.size, rowsRead: 0, letters: 0, rejected: 0, batchesWritten: 0 };
  const byReason: Partial<Record<ReasonCode, number>> = {};
  const batches = new BatchWriter(pool, run.directory, run.staticLetter.pageCount, run.resume, () => {
    counts.batchesWritten++;
    options.onProgress?.({ ...counts });
  });
  try {
    for await (const outcome of validatedRows(run.facts, run.codeFormat, run.parameters.shard, (bytes) => (counts.bytesRead += bytes))) {
      signal.throwIfAborted();
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
    signal.throwIfAborted();
  } catch (error) {
    batches.abandon();
    await pool.close();
    await rejected.close().catch(() => undefined);
    throw error;
  }
  await pool.close();
  await rejected.close();
  checkAccounting(run.facts, counts, run.parameters.shard);
  options.onProgress?.({ ...counts, bytesRead: run.facts.size });
  const rejectedFile = path.join(run.directory, 'rejected.csv');
  await rename(rejectedTemporary, rejectedFile);

  const manifest = buildManifest(run, run.staticLetter.pageCount, counts, byReason, batches.records);
  const manifestFile = path.join(run.directory, 'manifest.json');
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: FILE_MODE, dirMode: DIR_MODE });
  return { runDirectory: run.directory, manifestFile, rejectedFile, manifest };
}

/** Rows of this shard of the data rows (0-based index i belongs to shard K when i mod N = K − 1). */
function shardRows(dataRows: number, shard: Shard): number {
  return Math.floor(dataRows / shard.count) + (shard.index <= dataRows % shard.count ? 1 : 0);
}

/** Rows read = the data records the first pass counted = letters + rejected; else the file changed under the run. */
function checkAccounting(facts: RecipientsFileFacts, counts: MergeProgress, shard: Shard): void {
  if (counts.rowsRead !== shardRows(facts.dataRows, shard) || counts.letters + counts.rejected !== counts.rowsRead) {
    throw new LivretError('le fichier des destinataires a changé pendant la fusion : relancez-la quand il ne change plus', { file: facts.file });
  }
}

/**
 * Every data row of the file, validated (every shard validates every row, so
 * duplicates are found the same way on every machine); yields the outcomes of
 * this shard's rows only.
 */
export async function* validatedRows(facts: RecipientsFileFacts, codeFormat: RegExp, shard: Shard, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<RowOutcome> {
  const guard = new DuplicateGuard();
  for await (const row of readRecipients(facts, onBytes)) {
    const outcome = validateRow(row, codeFormat, guard);
    if (row.index % shard.count === shard.index - 1) yield outcome;
  }
}

export interface RecipientsCheck {
  facts: RecipientsFileFacts;
  rowsRead: number;
  /** Line and id of each accepted row (never its code). */
  accepted: Array<{ line: number; id: string }>;
  rejections: Rejection[];
}

/**
 * Reads and validates a recipients file as `merge` does, without laying out
 * or stamping anything (for checks and tests; keeps every outcome in memory).
 */
export async function checkRecipients(recipients: string, codeFormat: RegExp, shard: Shard = { index: 1, count: 1 }): Promise<RecipientsCheck> {
  const facts = await inspectRecipientsFile(recipients);
  const result: RecipientsCheck = { facts, rowsRead: 0, accepted: [], rejections: [] };
  for await (const outcome of validatedRows(facts, codeFormat, shard)) {
    result.rowsRead++;
    if (outcome.ok) result.accepted.push({ line: outcome.letter.line, id: outcome.letter.id });
    else result.rejections.push(outcome.rejection);
  }
  return result;
}

interface PreparedRun {
  department: Department;
  template: LetterTemplate;
  codeFormat: RegExp;
  facts: RecipientsFileFacts;
  directory: string;
  parameters: RunParameters;
  date: Date;
  resume: boolean;
  workers: number;
}

interface Run extends PreparedRun {
  pool: StampPool;
  staticLetter: StaticLetter;
}

/**
 * Checks every option and input, finds the run (fresh or resumed) and lays
 * the letter out, all before anything is written: a refused run leaves nothing.
 */
async function prepareRun(options: MergeOptions): Promise<PreparedRun> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new LivretError(`--batch-size doit être un nombre entier supérieur à 0, pas ${batchSize}`);
  const workers = options.workers ?? Math.min(2, availableParallelism());
  if (!Number.isInteger(workers) || workers < 0 || workers > MAX_WORKERS) {
    throw new LivretError(`--workers doit être un nombre entier de 0 à ${MAX_WORKERS}, pas ${workers}`);
  }
  const shard = options.shard ?? { index: 1, count: 1 };
  checkShard(shard);
  if (options.date !== undefined) checkDate(options.date);
  const out = options.out ?? path.join(options.projectRoot, 'out');
  await checkOutFolder(out, options.projectRoot);
  const department = await loadDepartment(options.projectRoot, options.department);
  const template = await loadLetterTemplate(options.letter);
  const codeFormat = new RegExp(template.layout.code.format);
  const facts = await inspectRecipientsFile(options.recipients);

  const departmentFolder = path.join(out, 'letters', department.code);
  const recipientsFile = path.resolve(options.recipients);
  const candidates = options.resume ? await unfinishedRuns(departmentFolder, recipientsFile, shard) : [];
  const now: Omit<RunParameters, 'letter_date'> = {
    format: 'livret-letters-run/2',
    recipients_file: recipientsFile,
    input_sha256: facts.sha256,
    template_sha256: sha256(template.source),
    department: department.code,
    department_sha256: sha256(JSON.stringify(department)),
    batch_size: batchSize,
    shard,
  };
  const parameters: RunParameters = { ...now, letter_date: chooseLetterDate(options.date, candidates) };
  const directory = path.join(departmentFolder, runName(parameters));
  const shown = (folder: string) => displayPath(options.projectRoot, folder);
  let resume = false;
  if (options.resume) {
    const began = await readRunParameters(directory);
    const other = candidates.find((candidate) => candidate.directory !== directory);
    // The folder name holds only prefixes of the hashes: run.json has them whole.
    const changed = began ? { directory, parameters: began } : other;
    if (began && describeChanges(began, parameters).length === 0) resume = true;
    else if (changed) {
      const changes = describeChanges(changed.parameters, parameters);
      throw new LivretError(
        `--resume : ${changes.length > 0 ? `${changes.join(', ')} ${changes.length > 1 ? 'ont' : 'a'} changé` : 'les entrées ont changé'} depuis le début de cette exécution ; ` +
          'remettez les entrées d\'origine pour la finir, ou relancez sans --resume pour une nouvelle exécution (dans un autre dossier)',
        { file: shown(changed.directory) },
      );
    }
  }
  const date = new Date(`${parameters.letter_date}T00:00:00Z`);
  return { department, template, codeFormat, facts, directory, parameters, date, resume, workers };
}

/**
 * Starts the stamping threads, then lays the letter out (the threads load
 * pdf-lib meanwhile). Writes nothing; a template error stops here.
 */
async function startStamping(run: PreparedRun): Promise<Run> {
  const pool = StampPool.start(run.workers);
  try {
    const staticLetter = await layOutLetter(run.template.file, run.department, run.date, run.workers > 0);
    return { ...run, pool, staticLetter };
  } catch (error) {
    await pool.close();
    throw error;
  }
}

/** `--out` may not exist yet, but must not be a file. */
async function checkOutFolder(out: string, projectRoot: string): Promise<void> {
  const facts = await stat(out).catch(() => undefined);
  if (facts && !facts.isDirectory()) throw new LivretError('--out doit nommer un dossier, pas un fichier', { file: displayPath(projectRoot, out) });
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
    const kept = this.resume ? await finishedBatchHash(target) : undefined;
    if (kept) {
      record.sha256 = kept;
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

/** `--date`, else SOURCE_DATE_EPOCH, else the date of the run being resumed, else today (UTC). */
function chooseLetterDate(explicit: string | undefined, resumable: Array<{ parameters: RunParameters }>): string {
  if (explicit !== undefined) return explicit;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const dates = new Set(resumable.map((candidate) => candidate.parameters.letter_date));
  if (dates.size > 1) throw new LivretError(`--resume : plusieurs exécutions inachevées de ce fichier, à des dates différentes (${[...dates].sort().join(', ')}) : précisez --date`);
  return [...dates][0] ?? new Date().toISOString().slice(0, 10);
}

/** A batch kept by `--resume`: its bytes still have the SHA-256 recorded when it was renamed. */
async function finishedBatchHash(target: string): Promise<string | undefined> {
  const [bytes, recorded] = await Promise.all([readIfExists(target), readIfExists(checksumFile(target))]);
  if (!bytes || !recorded) return undefined;
  const hash = sha256(bytes);
  if (recorded.toString('utf8').split(/\s/)[0] === hash) return hash;
  await rm(checksumFile(target), { force: true });
  return undefined;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}
