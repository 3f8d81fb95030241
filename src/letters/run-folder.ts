import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { LivretError } from '../errors.js';

/**
 * A run's folder, its identity, its lock and `run.json`.
 *
 * The folder name covers everything that changes the letters: the CSV's
 * SHA-256, the template, the department file, the letter date, the batch size
 * and the shard. Two different runs never share a folder, so one never
 * deletes the other's files; the same run started twice is stopped by a lock.
 */

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** What a run was started with (`run.json`); `--resume` compares it with the current inputs. */
export interface RunParameters {
  format: 'livret-letters-run/2';
  /** Absolute path of the recipients file, to find the run a `--resume` continues. */
  recipients_file: string;
  input_sha256: string;
  template_sha256: string;
  department: string;
  department_sha256: string;
  batch_size: number;
  shard: Shard;
  letter_date: string;
}

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function shardSuffix(shard: Shard): string {
  return shard.count === 1 ? '' : `-shard-${shard.index}-of-${shard.count}`;
}

/** `<16 hex of the CSV's hash>-<8 hex of the other parameters>[-shard-K-of-N]`. */
export function runName(parameters: RunParameters): string {
  const { template_sha256, department_sha256, letter_date, batch_size, shard } = parameters;
  const rest = sha256(JSON.stringify({ template_sha256, department_sha256, letter_date, batch_size, shard })).slice(0, 8);
  return `${parameters.input_sha256.slice(0, 16)}-${rest}${shardSuffix(shard)}`;
}

const CHANGES: Array<[keyof RunParameters, string]> = [
  ['input_sha256', 'le fichier des destinataires (--recipients)'],
  ['template_sha256', 'le modèle de lettre (--letter)'],
  ['department_sha256', 'le fichier du département (--department)'],
  ['letter_date', 'la date (--date)'],
  ['batch_size', 'la taille des lots (--batch-size)'],
];

/** The inputs that differ between the run that began and this command, in words. */
export function describeChanges(began: RunParameters, now: RunParameters): string[] {
  return CHANGES.filter(([key]) => JSON.stringify(began[key]) !== JSON.stringify(now[key])).map(([, words]) => words);
}

export async function readRunParameters(runDirectory: string): Promise<RunParameters | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(runDirectory, 'run.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<RunParameters>;
    return parsed.format === 'livret-letters-run/2' ? (parsed as RunParameters) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Unfinished runs (no manifest) of the same recipients file and shard in the
 * department's folder: the runs a `--resume` may mean.
 */
export async function unfinishedRuns(departmentFolder: string, recipientsFile: string, shard: Shard): Promise<Array<{ directory: string; parameters: RunParameters }>> {
  let entries: string[];
  try {
    entries = (await readdir(departmentFolder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
  const found: Array<{ directory: string; parameters: RunParameters }> = [];
  for (const name of entries.sort()) {
    const directory = path.join(departmentFolder, name);
    const parameters = await readRunParameters(directory);
    if (!parameters || parameters.recipients_file !== recipientsFile || JSON.stringify(parameters.shard) !== JSON.stringify(shard)) continue;
    const finished = (await readdir(directory)).includes('manifest.json');
    if (!finished) found.push({ directory, parameters });
  }
  return found;
}

/**
 * A lock left by a killed process blocks the run this long; the holder
 * refreshes it every LOCK_UPDATE_MS meanwhile (proper-lockfile).
 */
export const LOCK_STALE_MS = 6000;
const LOCK_UPDATE_MS = 1500;

/**
 * Takes the run's lock (`<run>.lock`, beside the folder) with proper-lockfile,
 * before the folder is touched. A second merge of the same run stops at once
 * with exit 2; it waits for nothing, so it cannot start after the first ends
 * and rewrite its files.
 */
export async function lockRun(runDirectory: string, shownDirectory: string, onCompromised: (error: LivretError) => void): Promise<() => Promise<void>> {
  await mkdir(path.dirname(runDirectory), { recursive: true, mode: DIR_MODE });
  try {
    return await lockfile.lock(runDirectory, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: 0,
      onCompromised: () =>
        onCompromised(new LivretError("le verrou de cette exécution a été perdu (machine trop chargée ou dossier partagé) : relancez la même commande avec --resume", { file: shownDirectory })),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new LivretError(
        `une autre fusion travaille déjà sur cette exécution (même fichier, modèle, département, date et lots) : rien n'a été modifié ; attendez qu'elle finisse (si elle a été arrêtée brutalement, relancez avec --resume dans ${LOCK_STALE_MS / 1000} secondes)`,
        { file: shownDirectory },
      );
    }
    throw new LivretError(`impossible de verrouiller le dossier de sortie (${(error as NodeJS.ErrnoException).code ?? 'erreur'}) : vérifiez --out et ses droits`, { file: shownDirectory });
  }
}

/**
 * A fresh run starts from an empty folder (its own: the name is the run's
 * identity); a resumed one drops only its unfinished temporary files and its
 * old manifest.
 */
export async function prepareRunDirectory(runDirectory: string, resume: boolean): Promise<void> {
  if (!resume) await rm(runDirectory, { recursive: true, force: true });
  await mkdir(runDirectory, { recursive: true, mode: DIR_MODE });
  await chmod(runDirectory, DIR_MODE);
  for (const entry of await readdir(runDirectory)) {
    if (entry.endsWith('.partial') || entry === 'manifest.json') await rm(path.join(runDirectory, entry), { force: true });
  }
}
