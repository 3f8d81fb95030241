import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INPUT_LIMITS } from '../../src/content/input-limits.js';
import { iconSvg } from '../../src/pictograms/icon-sets.js';
import { isGzip, looksLikeSvg, readSafeSvg, svgProblems } from '../../src/pictograms/svg-safety.js';

const wrap = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${body}\n</svg>`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('SVG safety: an XML parser and an allow-list', () => {
  it.each([
    ['shapes, gradients and local references', '<defs><linearGradient id="g"><stop stop-color="#f00"/></linearGradient></defs><rect fill="url(#g)" width="5" height="5"/><use href="#g"/>'],
    ['an embedded PNG', '<image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgo="/>'],
    ['the words "on" and "script" in text', '<text>script on screen</text>'],
    ['a style element with local url()', '<style>.a { fill: url(#g); }</style><rect class="a"/>'],
    ['a filter', '<filter id="f"><feGaussianBlur stdDeviation="2"/></filter><rect filter="url(#f)"/>'],
    ['Inkscape bookkeeping', '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/><g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="Calque 1"/>'],
    ['a comment', '<!-- dessiné à la main -->'],
  ])('accepts %s', (_, body) => {
    expect(svgProblems(wrap(body))).toEqual([]);
  });

  it.each([
    ['a script', '<script>alert(1)</script>', 'il contient un élément <script>, qui n\'est pas dans la liste des éléments acceptés'],
    ['<svg:script> under a prefix', '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>', 'il contient un élément <script>'],
    ['an element of another namespace', '<h:p xmlns:h="http://www.w3.org/1999/xhtml">x</h:p>', 'il contient un élément <h:p> (espace de noms http://www.w3.org/1999/xhtml)'],
    ['an event handler', '<rect onload="alert(1)"/>', 'l\'élément <rect> a un gestionnaire d\'événement onload=…'],
    ['a foreignObject', '<foreignObject><p>html</p></foreignObject>', 'il contient un élément <foreignObject>'],
    ['an animation that could change a link', '<set attributeName="href" to="https://example.com"/>', 'il contient un élément <set>'],
    ['a link', '<a href="#x"><rect/></a>', 'il contient un élément <a>'],
    ['an external image', '<image href="https://example.com/a.png"/>', 'il renvoie à une ressource extérieure (href="https://example.com/a.png")'],
    ['a file image', "<image xlink:href='file:///etc/passwd'/>", 'il renvoie à une ressource extérieure (xlink:href="file:///etc/passwd")'],
    ['an xlink href under another prefix', '<image xmlns:a="http://www.w3.org/1999/xlink" a:href="file:///etc/passwd"/>', 'il renvoie à une ressource extérieure (a:href="file:///etc/passwd")'],
    ['an href in an unknown namespace', '<image xmlns:z="urn:z" z:href="file:///etc/passwd"/>', 'l\'élément <image> a un attribut z:href=… qui n\'est pas dans la liste des attributs acceptés'],
    ['a relative file', '<image href="../secret.png"/>', 'il renvoie à une ressource extérieure'],
    ['an embedded SVG (which could hold a script)', '<image href="data:image/svg+xml;base64,PHN2Zz4="/>', 'il renvoie à une ressource extérieure'],
    ['a url() to a site in a style', '<rect style="fill:url(http://example.com/x)"/>', 'il renvoie à une ressource extérieure (url(http://example.com/x))'],
    ['an @import', '<style>@import "http://example.com/a.css";</style>', 'son style importe un autre fichier (@import)'],
    ['a style sheet instruction', '<?xml-stylesheet href="http://example.com/a.css"?>', 'il contient une instruction <?xml-stylesheet …?>'],
    ['broken XML', '<rect>', 'ce n\'est pas un fichier XML valide'],
  ])('refuses %s, with its line', (_, body, message) => {
    const [problem] = svgProblems(wrap(body));
    expect(problem?.message).toContain(message);
    expect(problem?.line).toBe(body === '<rect>' ? 3 : 2);
  });

  it('refuses entity declarations (they can read other files)', () => {
    expect(svgProblems('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg>&x;</svg>')[0]).toEqual({
      line: 2,
      message: 'il déclare un <!DOCTYPE> (ses entités peuvent lire d\'autres fichiers)',
    });
  });

  it('refuses a document whose root is not <svg>', () => {
    expect(svgProblems('<html><svg/></html>')[0]?.message).toBe('le premier élément est <html>, pas <svg>');
  });

  it('limits depth and element count before a renderer recurses into them', () => {
    const deep = wrap(`${'<g>'.repeat(10_000)}${'</g>'.repeat(10_000)}`);
    expect(svgProblems(deep)[0]).toEqual({ line: 2, message: `plus de ${INPUT_LIMITS.svgDepth} éléments les uns dans les autres ; simplifiez le dessin` });
    const many = wrap('<rect/>'.repeat(INPUT_LIMITS.svgElements + 1));
    expect(svgProblems(many)[0]?.message).toMatch(/^plus de 20 000 éléments/);
  });

  it('counts what <use> draws again: 20 groups of two <use> (a million copies) are refused', () => {
    const groups = Array.from({ length: 20 }, (_, index) => `<g id="a${index + 1}"><use href="#a${index}"/><use xlink:href="#a${index}"/></g>`);
    const bomb = wrap(`<g id="a0"><rect width="1" height="1"/></g>\n${groups.join('\n')}`);
    expect(svgProblems(bomb)[0]).toEqual({ line: 14, message: 'ses <use> redessinent plus de 20 000 éléments ; dessinez les copies une fois pour toutes ou enregistrez-le en PNG' });
    const fewCopies = wrap(`<g id="a0"><rect width="1" height="1"/></g>\n${groups.slice(0, 5).join('\n')}`);
    expect(svgProblems(fewCopies)).toEqual([]);
  });

  it('refuses <use> that draw each other in a loop', () => {
    expect(svgProblems(wrap('<g id="a"><use href="#b"/></g>\n<g id="b"><use href="#a"/></g>'))[0]?.message).toBe('ses <use> se renvoient l\'un à l\'autre en boucle');
  });

  it('inflates a gzip-compressed SVG (recognised by its bytes) and checks it', () => {
    const hostile = gzipSync(wrap('<script>alert(1)</script>\n<image href="file:///etc/passwd"/>'));
    expect(isGzip(hostile)).toBe(true);
    expect(readSafeSvg(hostile).problem).toEqual({ line: 2, message: expect.stringContaining('il contient un élément <script>') });
    const fine = gzipSync(wrap('<rect width="2" height="2"/>'));
    expect(readSafeSvg(fine).svg).toContain('<rect');
  });

  it('refuses a gzip SVG that inflates past the limit (a "zip bomb"), without inflating it all', () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'), Buffer.alloc(INPUT_LIMITS.svgBytes + 1, 0x20)]));
    expect(bomb.length).toBeLessThan(50_000);
    expect(readSafeSvg(bomb).problem?.message).toBe('décompressé, il fait plus de 5 Mo ; simplifiez le dessin ou enregistrez-le en PNG');
  });

  it('recognises an SVG by its content', () => {
    expect(looksLikeSvg(Buffer.from('\uFEFF<?xml version="1.0"?><svg/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('<s:svg xmlns:s="http://www.w3.org/2000/svg"/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });

  it('accepts every icon of the two icon sets livret ships', () => {
    // Its own icon cache: the real one would otherwise hold all 5,883 icons.
    vi.stubEnv('LIVRET_ICON_CACHE', mkdtempSync(path.join(os.tmpdir(), 'livret-icons-')));
    const require = createRequire(import.meta.url);
    let checked = 0;
    for (const set of ['fluent-emoji-flat', 'healthicons']) {
      const json = require(`@iconify-json/${set}/icons.json`) as { icons: Record<string, unknown> };
      for (const name of Object.keys(json.icons)) {
        const problems = svgProblems(iconSvg(`${set}:${name}`)!);
        if (problems.length > 0) expect({ icon: `${set}:${name}`, problems }).toEqual({ icon: `${set}:${name}`, problems: [] });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it('never throws on any text, and refuses whatever is not well-formed SVG (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map(wrap), fc.stringMatching(/^<svg( [a-z:]+="[^"<&]*")*>(<[a-z:]+( [a-z:]+="[^"<&]*")*\/>)*<\/svg>$/)), (text) => {
        const problems = svgProblems(text);
        expect(problems.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
