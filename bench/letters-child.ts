/**
 * One measured run, in its own process so that its peak memory
 * (process.resourceUsage().maxRSS, which counts the worker threads too) is
 * its own. Prints one JSON line. Started by bench/letters.ts.
 *
 *   merge <project> <csv> <out> [workers] [batch-size]   livret's merge (compiled dist/)
 *   pdfmake-per-letter <project> <count>       baseline: one pdfmake document per letter
 *   pdfmake-one-document <project> <count>     baseline: all letters in one pdfmake document
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces.js';

const TEMPLATE = path.resolve('templates/courrier-code-provisoire.md');
const DATE = new Date(Date.UTC(2026, 10, 29));
const [mode, project, ...rest] = process.argv.slice(2);

function report(fields: Record<string, unknown>, startedAt: number, cpuAtStart: NodeJS.CpuUsage): void {
  const cpu = process.cpuUsage(cpuAtStart);
  const wallMs = performance.now() - startedAt;
  process.stdout.write(`${JSON.stringify({ ...fields, wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

if (mode === 'merge') {
  const [csv, out, workers, batchSize] = rest;
  // The compiled library, as the CLI runs it (worker threads load dist/letters/stamp-worker.js).
  const { mergeLetters } = (await import(path.resolve('dist/letters/merge.js'))) as typeof import('../src/letters/merge.js');
  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const result = await mergeLetters({
    projectRoot: project!,
    letter: TEMPLATE,
    recipients: csv!,
    department: '61',
    out: out!,
    date: '2026-11-29',
    workers: workers === undefined || workers === '' ? undefined : Number(workers),
    batchSize: batchSize === undefined ? undefined : Number(batchSize),
  });
  report({ letters: result.manifest.letters_written, rejected: result.manifest.rows_rejected, batches: result.manifest.batches.length }, startedAt, cpuAtStart);
} else if (mode === 'pdfmake-per-letter' || mode === 'pdfmake-one-document') {
  // Loaded only for the baselines, so the merge runs carry none of it.
  const [{ default: pdfmake }, { parse }, { departmentSchema }, { frenchDate, staticDocumentDefinition }, { loadLetterTemplate }, { generateRows }] = await Promise.all([
    import('pdfmake'),
    import('yaml'),
    import('../src/content/department-schema.js'),
    import('../src/letters/layout.js'),
    import('../src/letters/template.js'),
    import('../test/letters/recipients-generator.js'),
  ]);
  const count = Number(rest[0]);
  const department = departmentSchema.parse(parse(await readFile(path.join(project!, 'content', 'departments', '61.yaml'), 'utf8')));
  const template = await loadLetterTemplate(TEMPLATE);
  const variables = { department, dateText: frenchDate(DATE) };
  const recipients = generateRows(count).map((row) => row.cells);
  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  // The same letter as livret's, with the address and the code written by pdfmake itself.
  const personal = (cells: string[]): Content[] => [
    { text: [`${cells[1]} ${cells[3]} ${cells[2]}`, cells[4]!, cells[5]!, `${cells[8]} ${cells[9]!.toUpperCase()}`].filter(Boolean).join('\n'), fontSize: 12, absolutePosition: { x: 110 * 2.835 + 11, y: 55 * 2.835 + 11 } },
    { text: cells[11]!, fontSize: 32, bold: true, characterSpacing: 8, absolutePosition: { x: 110, y: 470 } },
  ];
  let bytes = 0;
  if (mode === 'pdfmake-per-letter') {
    for (const cells of recipients) {
      const definition = staticDocumentDefinition(template, variables, DATE);
      definition.content = [...(definition.content as Content[]), ...personal(cells)];
      bytes += (await pdfmake.createPdf(definition).getBuffer()).length;
    }
  } else {
    const first = staticDocumentDefinition(template, variables, DATE);
    const letters = recipients.map((cells, index) => {
      const definition = staticDocumentDefinition(template, variables, DATE);
      return { stack: [...(definition.content as Content[]), ...personal(cells)], pageBreak: index > 0 ? 'before' : undefined } as Content;
    });
    first.content = letters;
    bytes = (await pdfmake.createPdf(first).getBuffer()).length;
  }
  report({ letters: count, bytes }, startedAt, cpuAtStart);
} else {
  process.stderr.write('usage: letters-child.ts merge|pdfmake-per-letter|pdfmake-one-document …\n');
  process.exit(2);
}
