import { existsSync } from 'node:fs';
import { inseeDepartments } from '../content/department-names.js';
import { LivretError } from '../errors.js';
import { departmentFile, displayPath } from '../paths.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { starterDepartmentYaml } from './starter-file.js';
import { t } from '../i18n/index.js';

export interface InitDepartmentOptions {
  projectRoot: string;
  /** INSEE code: "14", "2A", "974". */
  code: string;
  /** Overwrite an existing file. */
  force?: boolean;
}

export interface InitDepartmentResult {
  /** Absolute path of the written file. */
  file: string;
  /** The same, relative to the project, for messages. */
  shown: string;
}

/** Normalises what a user types ("2a", "8") to INSEE's code ("2A", "08"). */
export function normaliseDepartmentCode(typed: string): string {
  const upper = typed.trim().toUpperCase();
  return /^\d$/.test(upper) ? `0${upper}` : upper;
}

/**
 * Writes `content/departments/<code>.yaml`, pre-filled from INSEE's list with
 * TODO markers for the rest. Refuses to overwrite an existing file unless
 * `force`: a CPAM's checked addresses must never be lost by a typo.
 */
export async function initDepartment(options: InitDepartmentOptions): Promise<InitDepartmentResult> {
  const code = normaliseDepartmentCode(options.code);
  const insee = inseeDepartments().get(code);
  if (!insee) {
    throw new LivretError(t('error.unknownInseeCode', { code: options.code }));
  }
  const file = departmentFile(options.projectRoot, code);
  const shown = displayPath(options.projectRoot, file);
  if (existsSync(file) && !options.force) {
    throw new LivretError(t('error.departmentFileExists'), {
      file: shown,
    });
  }
  await writeFileAtomic(file, starterDepartmentYaml(insee));
  return { file, shown };
}
