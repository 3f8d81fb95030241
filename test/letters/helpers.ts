import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf, type PdfReadback } from '../../src/verify/read-pdf.js';

export const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEMPLATE = path.join(REPOSITORY, 'templates', 'courrier-code-provisoire.md');
export { MM } from '../../src/geometry/units.js';

const projects: string[] = [];

/** A throw-away project folder with the test department file as content/departments/61.yaml. */
export async function makeProject(prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `livret-${prefix}-`));
  projects.push(root);
  await mkdir(path.join(root, 'content', 'departments'), { recursive: true });
  await cp(path.join(REPOSITORY, 'test', 'fixtures', 'letters', 'department-61.yaml'), path.join(root, 'content', 'departments', '61.yaml'));
  return root;
}

export async function readBatch(file: string): Promise<PdfReadback> {
  return readPdf(new Uint8Array(await readFile(file)));
}

/** Removes the project folders this test file made (call it from afterAll). */
export async function removeProjects(): Promise<void> {
  await Promise.all(projects.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}
