/**
 * One measured baseline run, in its own process so that its peak memory
 * (process.resourceUsage().maxRSS) is its own. Prints one JSON line.
 * Started by bench/letters.ts; livret's own runs use letters-merge-child.mjs.
 *
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

if (mode === 'pdfmake-per-letter' || mode === 'pdfmake-one-document') {
  // Loaded when the baseline starts, before the clock does.
  const [{ renderPdf }, { parse }, { departmentSchema }, { frenchDate, staticDocumentDefinition }, { loadLetterTemplate }, { generateRows }] = await Promise.all([
    import('../src/render/render-pdf.js'),
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
      bytes += (await renderPdf(definition)).length;
    }
  } else {
    const first = staticDocumentDefinition(template, variables, DATE);
    const letters = recipients.map((cells, index) => {
      const definition = staticDocumentDefinition(template, variables, DATE);
      return { stack: [...(definition.content as Content[]), ...personal(cells)], pageBreak: index > 0 ? 'before' : undefined } as Content;
    });
    first.content = letters;
    bytes = (await renderPdf(first)).length;
  }
  report({ letters: count, bytes }, startedAt, cpuAtStart);
} else {
  process.stderr.write('usage: letters-child.ts merge|pdfmake-per-letter|pdfmake-one-document …\n');
  process.exit(2);
}
