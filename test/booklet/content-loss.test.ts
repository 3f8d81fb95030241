import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { findMissingSentences } from '../../src/verify/content-loss.js';
import type { PdfReadback } from '../../src/verify/read-pdf.js';
import { makeProject } from '../helpers/project.js';

function readbackOf(text: string): PdfReadback {
  return { pageCount: 1, title: undefined, pages: [{ page: 1, width: 595, height: 842, runs: [], text }] };
}

describe('content loss: every source sentence must be in the PDF', () => {
  const sentence = (text: string) => ({ text, inlines: [], source: { file: 'a.md', line: 3, column: 1 } });

  it('finds a sentence whatever the line wrapping and no-break spaces', () => {
    const readback = readbackOf('Cliquez sur «\u00a0Valider\n»\u00a0puis attendez.');
    expect(findMissingSentences(readback, [sentence('Cliquez sur « Valider » puis attendez.')])).toEqual([]);
  });

  it('reports a sentence that is not there', () => {
    const readback = readbackOf('Une autre phrase.');
    expect(findMissingSentences(readback, [sentence('Cliquez sur « Valider ».')])).toHaveLength(1);
  });

  it('reports a lost sentence as a finding and writes no PDF when pdfmake drops a step taller than a page', async () => {
    const lines = Array.from({ length: 40 }, (_, index) => `   Ligne numéro ${index + 1} de cette étape.`).join('\n');
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': `# Titre\n\n:::steps\n1. Une étape bien trop longue.\n${lines}\n:::\n` });
    // Even with the other rules off, the content-loss rule runs and stops the writing.
    const result = await buildBooklet({ projectRoot, checks: 'content-loss' });
    expect(result.written).toBe(false);
    expect(existsSync(result.outputPath)).toBe(false);
    const lost = result.report.findings.filter((finding) => finding.rule === 'content-loss');
    expect(lost[0]).toMatchObject({ file: 'content/mini/chapitre.md', line: 4, column: 4, severity: 'error' });
    expect(lost[0]!.message).toBe('Phrase absente du PDF : « Une étape bien trop longue. ». Un bloc trop haut pour une page a peut-être été supprimé : coupez-le.');
    expect(result.report.findings.every((finding) => finding.rule === 'content-loss')).toBe(true);
  });

  it('stays an error that stops the writing even when livret.config.yaml turns it off', async () => {
    const lines = Array.from({ length: 40 }, (_, index) => `   Ligne numéro ${index + 1} de cette étape.`).join('\n');
    const projectRoot = await makeProject({
      'content/mini/chapitre.md': `# Titre\n\n:::steps\n1. Une étape bien trop longue.\n${lines}\n:::\n`,
      'livret.config.yaml': 'rules:\n  content-loss: "off"\n',
    });
    const result = await buildBooklet({ projectRoot });
    expect(result.written).toBe(false);
    expect(result.report.findings.find((finding) => finding.rule === 'content-loss')).toMatchObject({ line: 4, column: 4, severity: 'error' });
  });
});
