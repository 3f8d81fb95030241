import type { Department } from '../content/department-schema.js';
import { LivretError, type SourceLocation } from '../errors.js';
import type { StaticLetter } from './letter-model.js';
import type { LayoutRequest } from './layout-worker.js';
import { startThread } from '../threads/start-thread.js';

type LayoutAnswer =
  | { ok: true; staticLetter: StaticLetter }
  | { ok: false; message: string; location?: SourceLocation; exitCode?: number };

/**
 * Lays the letter out in a thread of its own that ends when done, so the
 * memory pdfmake needs is given back before the letters are stamped
 * (`inThread: false` lays it out here, for `workers: 0`).
 */
export async function layOutLetter(templateFile: string, department: Department, date: Date, inThread: boolean): Promise<StaticLetter> {
  if (!inThread) {
    const [{ layOutStaticLetter, frenchDate }, { loadLetterTemplate }] = await Promise.all([import('./layout.js'), import('./template.js')]);
    return layOutStaticLetter(await loadLetterTemplate(templateFile), { department, dateText: frenchDate(date) }, date);
  }
  const request: LayoutRequest = { livretLayoutWorker: true, templateFile, department, date: date.toISOString() };
  const worker = startThread(import.meta.url, 'layout-worker', { workerData: request });
  try {
    const answer = await new Promise<LayoutAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the layout thread stopped (exit code ${code})`)));
    });
    if (answer.ok) return answer.staticLetter;
    if (answer.exitCode !== undefined) throw new LivretError(answer.message, answer.location, answer.exitCode);
    throw new Error(answer.message);
  } finally {
    await worker.terminate();
  }
}
