import { parentPort, workerData } from 'node:worker_threads';
import type { Department } from '../content/department-schema.js';
import { isLivretError } from '../errors.js';
import { frenchDate, layOutStaticLetter } from './layout.js';
import { loadLetterTemplate } from './template.js';

/**
 * The layout thread: lays the letter out once with pdfmake and exits. pdfmake,
 * its fonts and the pictogram sets (tens of MB) live and die in this thread,
 * so they never weigh on the long run that follows.
 */

export interface LayoutRequest {
  livretLayoutWorker: true;
  templateFile: string;
  department: Department;
  date: string;
}

const request = workerData as LayoutRequest | undefined;
if (parentPort && request?.livretLayoutWorker) {
  const port = parentPort;
  const date = new Date(request.date);
  loadLetterTemplate(request.templateFile)
    .then((template) => layOutStaticLetter(template, { department: request.department, dateText: frenchDate(date) }, date))
    .then(
      (staticLetter) => port.postMessage({ ok: true, staticLetter }),
      (error: unknown) =>
        port.postMessage(
          isLivretError(error)
            ? { ok: false, message: error.message, location: error.location, exitCode: error.exitCode }
            : { ok: false, message: String((error as Error).stack ?? error) },
        ),
    );
}
