import { describe, expect, it } from 'vitest';
import { buildBooklet } from '../../src/pipeline.js';
import { CALLOUT_COLOR } from '../../src/images/overlays.js';
import { THEME } from '../../src/geometry/theme.js';
import { contrastRatio, grayColor, grayscaleSvg, parseColor } from '../../src/pictograms/grayscale.js';
import { colouredThings } from '../helpers/pdf-colours.js';
import { makeProject, REPO_ROOT } from '../helpers/project.js';

describe('gray colours keep their contrast', () => {
  it('turns a colour into the gray of the same luminance', () => {
    expect(grayColor('#ffffff')).toBe('#ffffff');
    expect(grayColor('#000')).toBe('#000000');
    expect(grayColor('red')).toBe(grayColor('#ff0000'));
    const [r, g, b] = parseColor(grayColor('#0b4f8a'))!;
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(Math.abs(contrastRatio(grayColor('#0b4f8a'), '#ffffff') - contrastRatio('#0b4f8a', '#ffffff'))).toBeLessThan(0.1);
    expect(grayColor('none')).toBe('none');
    expect(grayColor('url(#gradient)')).toBe('url(#gradient)');
  });

  it('rewrites fill, stroke, stop-color and style colours of an SVG, and nothing else', () => {
    const svg =
      '<svg><defs><linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="1" style="stop-color:rgb(0,0,255);stop-opacity:1"/></linearGradient></defs>' +
      '<path id="fill" fill="url(#g)" stroke="#00ff00" d="M0 0"/><rect style="fill: orange; stroke:none" fill-rule="evenodd"/></svg>';
    const gray = grayscaleSvg(svg);
    expect(gray).toContain(`stop-color="${grayColor('#ff0000')}"`);
    expect(gray).toContain(`stop-color:${grayColor('rgb(0,0,255)')}`);
    expect(gray).toContain(`stroke="${grayColor('#00ff00')}"`);
    expect(gray).toContain(`fill: ${grayColor('orange')}`);
    expect(gray).toContain('fill="url(#g)"');
    expect(gray).toContain('id="fill"');
    const colours = [...gray.matchAll(/#([0-9a-f]{6})\b/g)].map((match) => match[1]!);
    expect(colours.every((hex) => hex.slice(0, 2) === hex.slice(2, 4) && hex.slice(2, 4) === hex.slice(4, 6))).toBe(true);
  });

  it.each([
    ['body text on white', THEME.colors.text, '#ffffff'],
    ['titles (accent) on white', THEME.colors.accent, '#ffffff'],
    ['step numbers (white on accent)', THEME.colors.onAccent, THEME.colors.accent],
    ['warning text on its background', THEME.colors.text, THEME.colors.warningBackground],
    ['explanations on their background', THEME.colors.text, THEME.colors.explanationBackground],
    ['the example mark on white', THEME.colors.exampleMark, '#ffffff'],
  ])('%s: at least 7:1 in gray', (_, foreground, background) => {
    expect(contrastRatio(grayColor(foreground), grayColor(background))).toBeGreaterThanOrEqual(7);
  });

  it('the callout digits (white on the callout colour, large and bold) have at least 4.5:1', () => {
    expect(contrastRatio('#ffffff', CALLOUT_COLOR)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('--grayscale output', () => {
  const chapter =
    '# Un chapitre\n\n::picto{name=carte-vitale}\nPrenez votre carte Vitale.\n\n:::warning\nAttention au code.\n:::\n\n' +
    ':::steps\n1. Cliquez sur le bouton.\n   ::screenshot{src=couleur.png alt="Une page" highlight="20,30,100,40"}\n:::\n';

  async function build(grayscale: boolean): Promise<Uint8Array> {
    const { default: sharp } = await import('sharp');
    const colourful = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#1e64c8' } }).png().toBuffer();
    const projectRoot = await makeProject({ 'content/mini/chapitre.md': chapter, 'assets/screenshots/couleur.png': colourful });
    return (await buildBooklet({ projectRoot, write: false, grayscale, imageCacheDir: false, checks: 'content-loss' })).pdf;
  }

  it('in colour, the same booklet has colour images and colour text (the check can fail)', async () => {
    const found = await colouredThings(await build(false));
    expect(found.some((thing) => thing.startsWith('image'))).toBe(true);
    expect(found.some((thing) => thing.startsWith('colour'))).toBe(true);
  });

  it('in grayscale: no colour image, no colour in any drawing or text', async () => {
    expect(await colouredThings(await build(true))).toEqual([]);
  });

  it('the reference booklet in grayscale: no colour anywhere, and its screenshots are still there', async () => {
    const result = await buildBooklet({ projectRoot: REPO_ROOT, department: '61', write: false, grayscale: true, imageCacheDir: false, checks: 'content-loss' });
    expect(result.imageStats.processed).toBeGreaterThan(10);
    expect(await colouredThings(result.pdf)).toEqual([]);
  });
});

describe('custom pictograms (file: in the lexicon)', () => {
  const lexicon = 'cpam: { icon: fluent-emoji-flat:classical-building, words: [cpam] }\nmaison: { icon: file:maison.png, words: [maison] }\nsoleil: { icon: file:soleil.svg, words: [soleil] }\n';
  const chapter = '# Un chapitre\n\nVotre maison est belle.\n\nLe soleil brille.\n';
  const sun = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#ffcc00"/></svg>\n';

  async function build(grayscale: boolean) {
    const { default: sharp } = await import('sharp');
    const house = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c83232' } }).png().toBuffer();
    const projectRoot = await makeProject({
      'content/mini/chapitre.md': chapter,
      'assets/pictograms/lexicon.yaml': lexicon,
      'assets/pictograms/maison.png': house,
      'assets/pictograms/soleil.svg': sun,
    });
    return buildBooklet({ projectRoot, write: false, grayscale, imageCacheDir: false, checks: 'content-loss' });
  }

  it('are drawn beside the blocks whose words name them', async () => {
    const { booklet, pdf } = await build(false);
    const blocks = booklet.chapters[0]!.blocks;
    expect(blocks.map((block) => (block.kind === 'paragraph' ? block.pictogram?.icon : undefined))).toEqual(['file:maison.png', 'file:soleil.svg']);
    const found = await colouredThings(pdf);
    expect(found.some((thing) => thing.startsWith('image'))).toBe(true); // the red PNG house
    expect(found.some((thing) => thing.startsWith('colour'))).toBe(true); // the yellow SVG sun
  });

  it('turn gray with --grayscale, the PNG ones too', async () => {
    expect(await colouredThings((await build(true)).pdf)).toEqual([]);
  });
});
