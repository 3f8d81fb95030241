import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { departmentSchema } from '../../src/content/department-schema.js';
import { LivretError } from '../../src/errors.js';
import { frenchDate, layOutStaticLetter, staticDocumentDefinition } from '../../src/letters/layout.js';
import { parseLetterTemplate } from '../../src/letters/template.js';
import { readPdf } from '../../src/verify/read-pdf.js';
import { MM, REPOSITORY, TEMPLATE } from './helpers.js';

const department = departmentSchema.parse(parse(await readFile(`${REPOSITORY}/test/fixtures/letters/department-61.yaml`, 'utf8')));
const date = new Date(Date.UTC(2026, 10, 29));
const variables = { department, dateText: frenchDate(date) };

function template(body: string, frontMatter = 'title: Test'): string {
  return `---\n${frontMatter}\n---\n\n${body}\n`;
}

describe('letter template', () => {
  it('reads the layout from the front matter, with the DL window and 4-digit code by default', () => {
    const parsed = parseLetterTemplate(template('{{code}}'), 't.md');
    expect(parsed.layout.envelope.window).toEqual({ left_mm: 110, top_mm: 55, width_mm: 85, height_mm: 33 });
    expect(parsed.layout.envelope.folds_mm).toEqual([99, 198]);
    expect(parsed.layout.code.format).toBe('^\\d{4}$');
    expect(parsed.layout.body.size_pt).toBe(16);
  });

  it('refuses a body size under 14 pt and a code format that is not a regular expression', () => {
    expect(() => parseLetterTemplate(template('{{code}}', 'title: T\nbody: { size_pt: 12 }'), 't.md')).toThrow(/body\.size_pt/);
    expect(() => parseLetterTemplate(template('{{code}}', "title: T\ncode: { format: '^(\\d{4}$' }"), 't.md')).toThrow(/code\.format/);
  });

  it('needs {{code}} alone on its line, and not inside a step', () => {
    expect(() => parseLetterTemplate(template('Bonjour.'), 't.md')).toThrow(/pas de ligne \{\{code\}\}/);
    const error = (() => {
      try {
        parseLetterTemplate(template('Bonjour.\nVotre code : {{code}}'), 't.md');
      } catch (caught) {
        return caught as LivretError;
      }
    })();
    expect(error?.format()).toBe('t.md:6: écrivez {{code}} seul sur sa ligne : le code est imprimé en grand, dans son propre cadre');
  });

  it('names an unknown placeholder with its line', async () => {
    const parsed = parseLetterTemplate(template('Bonjour.\nVotre caisse : {{caisse.fax}}.\n\n{{code}}'), 't.md');
    await expect(layOutStaticLetter(parsed, variables, date)).rejects.toThrow(/variable inconnue \{\{caisse\.fax\}\}/);
  });

  it('reads the same variables as the booklets, and names the old letter-only one', async () => {
    const shared = parseLetterTemplate(template('Appelez le {{caisse.telephone}} ({{caisse.prix_appel}}), {{departement.de}}.\n\n{{code}}'), 't.md');
    const letter = await layOutStaticLetter(shared, variables, date);
    const text = (await readPdf(letter.pdf)).pages[0]!.text.replace(/\s+/g, ' ');
    expect(text).toContain("Appelez le 36 46 (service 0,06 € par minute + prix de l'appel), de l'Orne.");
    // French spacing as in the booklets (pdfjs reads a no-break space back as a space: checked in the layout).
    expect(JSON.stringify(staticDocumentDefinition(shared, variables, date).content)).toContain('Appelez le 36\u00a046 (service 0,06\u00a0€');
    const old = parseLetterTemplate(template('Prix : {{caisse.telephone_prix}}\n\n{{code}}'), 't.md');
    const error = await layOutStaticLetter(old, variables, date).then(
      () => undefined,
      (caught: unknown) => caught as LivretError,
    );
    expect(error).toBeInstanceOf(LivretError);
    expect(error!.message).toMatch(/^variable inconnue \{\{caisse\.telephone_prix\}\} : utilisez l’une de \{\{date\}\}, \{\{caisse\.nom\}\}, .*\{\{caisse\.prix_appel\}\}/);
    expect(error!.location).toEqual({ file: 't.md', line: 5 });
  });

  it('pushes the code box below the first fold when the text above is short', async () => {
    const parsed = parseLetterTemplate(template('{{code}}'), 't.md');
    const letter = await layOutStaticLetter(parsed, variables, date);
    expect(letter.code.top).toBeGreaterThanOrEqual(105 * MM - 0.01);
  });

  it('starts the text under the window, so the code box stays out of it wherever the window is', async () => {
    const parsed = parseLetterTemplate(template('{{code}}', 'title: T\nenvelope: { window: { left_mm: 20, top_mm: 100, width_mm: 85, height_mm: 33 } }'), 't.md');
    const letter = await layOutStaticLetter(parsed, variables, date);
    expect(letter.code.top).toBeGreaterThan(133 * MM);
  });

  it('lays out the real template on one A4 page: 16 pt body, nothing under 14 pt, no personal data', async () => {
    const parsed = parseLetterTemplate(await readFile(TEMPLATE, 'utf8'), TEMPLATE);
    const letter = await layOutStaticLetter(parsed, variables, date);
    expect(letter.pageCount).toBe(1);
    const pdf = await readPdf(letter.pdf);
    const sizes = pdf.pages[0]!.runs.map((run) => run.fontSize);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(sizes.filter((size) => size === 16).length).toBeGreaterThan(20);
    expect(pdf.pages[0]!.text).toContain('le 29 novembre 2026'.replace(/^l/, 'L'));
    expect(pdf.pages[0]!.text).toContain('CPAM de l\'Orne');
    expect(pdf.pages[0]!.text).not.toContain('{{');
    // The four steps, numbered.
    for (const step of ['1.', '2.', '3.', '4.']) expect(pdf.pages[0]!.runs.some((run) => run.text === step)).toBe(true);
  });

  it('writes dates in French letters', () => {
    expect(frenchDate(new Date(Date.UTC(2026, 10, 29)))).toBe('le 29 novembre 2026');
    expect(frenchDate(new Date(Date.UTC(2027, 2, 1)))).toBe('le 1er mars 2027');
    expect(frenchDate(new Date(Date.UTC(2027, 7, 15)))).toBe('le 15 août 2027');
  });
});
