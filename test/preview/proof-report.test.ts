import { describe, expect, it } from 'vitest';
import { escapeHtml, pageOfFinding, proofReportHtml, sentencePages, type ProofReportInput } from '../../src/preview/proof-report.js';
import type { PdfReadback } from '../../src/verify/read-pdf.js';

const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const input = (findings: ProofReportInput['findings']): ProofReportInput => ({
  title: "Bienvenue à la CPAM de l'Orne",
  department: "CPAM de l'Orne (61)",
  format: 'A4',
  date: new Date(Date.UTC(2026, 0, 1)),
  pages: [1, 2, 3].map((page) => ({ page, src: pixel, width: 316, height: 447 })),
  findings,
});

const readback: PdfReadback = {
  pageCount: 3,
  title: 'x',
  pages: [
    { page: 1, width: 1, height: 1, runs: [], text: 'Bienvenue' },
    { page: 2, width: 1, height: 1, runs: [], text: 'Vous avez une assurance santé\nà la CPAM.' },
    { page: 3, width: 1, height: 1, runs: [], text: 'Appelez le 36 46.' },
  ],
};

describe('which page a finding is about', () => {
  const pages = sentencePages(readback, [
    { text: 'Vous avez une assurance santé à la CPAM.', inlines: [], source: { file: 'content/b/01.md', line: 4, column: 1 } },
    { text: 'Appelez le 36 46.', inlines: [], source: { file: 'content/b/02.md', line: 7, column: 1 } },
    { text: 'Une phrase perdue.', inlines: [], source: { file: 'content/b/02.md', line: 9, column: 1 } },
  ]);

  it('finds the page where a source sentence is printed, across a line break', () => {
    expect(pageOfFinding({ file: 'content/b/01.md', line: 4, column: 3, rule: 'r', severity: 'warn', message: 'm' }, pages)).toBe(2);
    expect(pageOfFinding({ file: 'content/b/02.md', line: 7, column: 1, rule: 'r', severity: 'warn', message: 'm' }, pages)).toBe(3);
  });

  it('reads "Page N" at the start of a rendered-PDF finding, and prefers an explicit page', () => {
    expect(pageOfFinding({ file: 'out/61/b-a4.pdf', line: null, column: null, rule: 'min-font-size', severity: 'error', message: 'Page 3 : texte en 12 pt' })).toBe(3);
    expect(pageOfFinding({ page: 1, file: 'x', rule: 'r', severity: 'warn', message: 'Page 3 : texte' })).toBe(1);
  });

  it('leaves a finding about the whole booklet, or a sentence not printed, without a page', () => {
    expect(pageOfFinding({ file: 'out/61/b-a4.pdf', line: null, column: null, rule: 'page-count', severity: 'warn', message: 'Le livret a 33 pages.' }, pages)).toBeUndefined();
    expect(pageOfFinding({ file: 'content/b/02.md', line: 9, column: 1, rule: 'r', severity: 'warn', message: 'm' }, pages)).toBeUndefined();
  });
});

describe('the proof report', () => {
  it('shows one thumbnail per page, inlined, with no script and no outside resource', () => {
    const html = proofReportHtml(input([]));
    expect(html.match(/<img /g)).toHaveLength(3);
    expect([...html.matchAll(/src="([^"]*)"/g)].every((match) => match[1]!.startsWith('data:image/png;base64,'))).toBe(true);
    expect(html).not.toMatch(/<script|<link|https?:/i);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Page 2 sur 3');
  });

  it('puts each finding beside its page and the others under "Tout le livret"', () => {
    const html = proofReportHtml(
      input([
        { file: 'out/61/b-a4.pdf', line: null, column: null, rule: 'min-font-size', severity: 'error', message: 'Page 3 : texte en 12 pt' },
        { file: 'out/61/b-a4.pdf', line: null, column: null, rule: 'page-count', severity: 'warn', message: 'Le livret a 33 pages : 24 au plus.' },
      ]),
    );
    const page3 = html.slice(html.indexOf('id="page-3"'));
    expect(page3).toContain('texte en 12 pt');
    expect(html).toMatch(/<article class="page has-error" id="page-3">/);
    expect(html).toMatch(/<article class="page" id="page-1">[^]*Rien à signaler/);
    const general = html.slice(html.indexOf('Tout le livret'), html.indexOf('Page par page'));
    expect(general).toContain('24 au plus');
    expect(general).not.toContain('12 pt');
    expect(html).toContain('1 erreur, 1 avertissement');
  });

  it('escapes every text that comes from the sources or the findings', () => {
    const html = proofReportHtml({
      ...input([{ file: 'content/<b>.md', line: 2, column: 1, rule: 'r"x', severity: 'warn', message: '<script>alert("x")</script> & co' }]),
      title: 'Titre <img src=x onerror=alert(1)>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('content/&lt;b&gt;.md:2:1');
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('gives the same text for the same input (dates from the build, not the clock)', () => {
    expect(proofReportHtml(input([]))).toBe(proofReportHtml(input([])));
    expect(proofReportHtml(input([]))).toContain('1 janvier 2026');
  });
});
