import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDisableComments } from '../../src/check/disable-comments.js';
import { makeReport, type Finding } from '../../src/check/report.js';
import type { MarkdownComment } from '../../src/content/parse-markdown.js';

const FILE = 'content/mini/chapitre.md';
const finding = (line: number, rule = 'negations'): Finding => ({ file: FILE, line, column: 1, rule, severity: 'warn', message: 'm' });
const comment = (text: string, line: number): MarkdownComment => ({ text, line, column: 1, endLine: line });
const kept = (findings: Finding[], comments: MarkdownComment[]) =>
  applyDisableComments(makeReport(findings), [{ shown: FILE, comments }]).findings.map((one) => `${one.line} ${one.rule}`);

describe('livret-disable comments, applied to a report', () => {
  it('next-line covers the line after the comment only; a comment on several lines counts from its end', () => {
    expect(kept([finding(3), finding(4)], [comment('livret-disable-next-line negations', 2)])).toEqual(['4 negations']);
    expect(kept([finding(4), finding(5)], [{ text: 'livret-disable-next-line negations', line: 2, column: 1, endLine: 3 }])).toEqual(['5 negations']);
  });

  it('disable … enable, per rule or for all; findings of other files (autre.md, sorted first) and without a line stay', () => {
    const findings = [finding(3), finding(3, 'dates'), finding(6), { ...finding(3), file: 'autre.md' }, { ...finding(3), line: null }];
    expect(kept(findings, [comment('livret-disable negations', 2), comment('livret-enable', 5)])).toEqual(['3 negations', 'null negations', '3 dates', '6 negations']);
    expect(kept([finding(3), finding(3, 'dates'), finding(9)], [comment('livret-disable', 2)])).toEqual([]);
    expect(kept([finding(3), finding(3, 'dates')], [comment('livret-disable negations, dates -- relu avec l’équipe', 2)])).toEqual([]);
  });

  it('a plain note is not a directive', () => {
    expect(kept([finding(3)], [comment('à relire avec le service', 2)])).toEqual(['3 negations']);
  });

  it('never keeps a finding on a line it silences, never drops one outside (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }), (at, lines) => {
        const result = kept(lines.map((line) => finding(line)), [comment('livret-disable-next-line negations', at)]);
        const expected = lines.filter((line) => line !== at + 1).sort((a, b) => a - b).map((line) => `${line} negations`);
        expect(result).toEqual(expected);
      }),
    );
  });
});
