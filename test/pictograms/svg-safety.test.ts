import { describe, expect, it } from 'vitest';
import { looksLikeSvg, svgProblems } from '../../src/pictograms/svg-safety.js';

const wrap = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${body}\n</svg>`;

describe('SVG safety', () => {
  it.each([
    ['shapes, gradients and local references', '<defs><linearGradient id="g"><stop stop-color="#f00"/></linearGradient></defs><rect fill="url(#g)" width="5" height="5"/><use href="#g"/>'],
    ['an embedded PNG', '<image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgo="/>'],
    ['the words "on" and "script" in text', '<text>script on screen</text>'],
  ])('accepts %s', (_, body) => {
    expect(svgProblems(wrap(body))).toEqual([]);
  });

  it.each([
    ['a script', '<script>alert(1)</script>', /<script>/],
    ['an event handler', '<rect onload="alert(1)"/>', /event handler \(onload=…\)/],
    ['a foreignObject', '<foreignObject><p>html</p></foreignObject>', /foreignObject/],
    ['an external image', '<image href="https://example.com/a.png"/>', /outside resource \(href="https:\/\/example\.com\/a\.png"\)/],
    ['a file image', "<image xlink:href='file:///etc/passwd'/>", /outside resource \(xlink:href="file:\/\/\/etc\/passwd"\)/],
    ['a relative file', '<image href="../secret.png"/>', /outside resource/],
    ['an embedded SVG (which could hold a script)', '<image href="data:image/svg+xml;base64,PHN2Zz4="/>', /outside resource/],
    ['a url() to a site in a style', '<rect style="fill:url(http://example.com/x)"/>', /outside resource \(url\(http:\/\/example\.com\/x\)\)/],
    ['an @import', '<style>@import "http://example.com/a.css";</style>', /@import/],
  ])('refuses %s, with its line', (_, body, message) => {
    const [problem] = svgProblems(wrap(body));
    expect(problem?.message).toMatch(message);
    expect(problem?.line).toBe(2);
  });

  it('refuses entity declarations (they can read other files)', () => {
    expect(svgProblems('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg>&x;</svg>')[0]?.message).toMatch(/<!DOCTYPE>/);
  });

  it('recognises an SVG by its content', () => {
    expect(looksLikeSvg(Buffer.from('\uFEFF<?xml version="1.0"?><svg/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });
});
