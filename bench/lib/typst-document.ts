/**
 * The anchor of the pipeline benchmark: the reference booklet as an
 * equivalent Typst document, made from the same Booklet model and the same
 * prepared pictures: same words, pictograms (SVG), screenshots (PNG), font,
 * picture column, page numbers and contents. Not a product feature: only
 * what Typst needs to do the same amount of work as pdfmake.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PreparedImages } from '../../src/images/prepare-images.js';
import type { LayoutPreset } from '../../src/geometry/presets.js';
import { MM } from '../../src/geometry/units.js';
import type { Block, Booklet, Pictogram, Sentence } from '../../src/model/booklet.js';
import { decodedFont } from '../../src/fonts/fonts.js';

/** Typst markup escapes for text content. */
function escape(text: string): string {
  return text.replace(/[\\#*_`$<>@[\]~\/=+\-"]/g, (character) => `\\${character}`);
}

function sentenceMarkup(sentence: Sentence): string {
  return sentence.inlines
    .map((inline) => (inline.bold ? `*${escape(inline.text)}*` : escape(inline.text)))
    .join('')
    .trim();
}

const lines = (sentences: readonly Sentence[]) => sentences.map(sentenceMarkup).join(' \\\n');

export async function writeTypstDocument(booklet: Booklet, images: PreparedImages, preset: LayoutPreset, folder: string): Promise<string> {
  await mkdir(path.join(folder, 'pictures'), { recursive: true });
  await mkdir(path.join(folder, 'fonts'), { recursive: true });
  for (const weight of [400, 700] as const) {
    await writeFile(path.join(folder, 'fonts', `atkinson-${weight}.otf`), decodedFont(weight));
  }
  const pictograms = new Map<string, string>();
  const pictogramFile = async (pictogram: Pictogram | undefined): Promise<string | undefined> => {
    if (!pictogram) return undefined;
    let name = pictograms.get(pictogram.svg);
    if (!name) {
      name = `pictures/picto-${pictograms.size + 1}.svg`;
      pictograms.set(pictogram.svg, name);
      await writeFile(path.join(folder, name), pictogram.svg);
    }
    return name;
  };
  for (const image of images.images) await writeFile(path.join(folder, 'pictures', `${image.key}.png`), image.png);

  const mm = (points: number) => `${(points / MM).toFixed(2)}mm`;
  const [left, top, right, bottom] = preset.margins;
  const out: string[] = [
    `#set document(title: "${escape(booklet.title)}")`,
    `#set page(width: ${mm(preset.width)}, height: ${mm(preset.height)}, margin: (left: ${mm(left)}, top: ${mm(top)}, right: ${mm(right)}, bottom: ${mm(bottom)}),`,
    '  footer: context [#set align(center); #set text(size: 14pt); Page #counter(page).display() sur #counter(page).final().first()])',
    '#set text(font: "Atkinson Hyperlegible Next", size: 16pt, lang: "fr", hyphenate: false)',
    '#set par(leading: 0.9em, justify: false)',
    `#let idea(picto, body) = block(breakable: false, grid(columns: (${preset.pictoSize}pt, 1fr), column-gutter: ${preset.pictoGap}pt, if picto != none { image(picto, width: ${preset.pictoSize}pt) }, body))`,
    `#align(center)[#text(size: 34pt, weight: "bold")[${escape(booklet.title)}]]`,
    `#align(center)[#text(size: 22pt)[${escape(booklet.subtitle ?? '')}]]`,
    `#pagebreak()`,
    `#outline(title: "Sommaire")`,
  ];
  for (const chapter of booklet.chapters) {
    const picto = await pictogramFile(chapter.pictogram);
    out.push('#pagebreak(weak: true)', `#idea(${picto ? `"${picto}"` : 'none'})[#heading(level: 1)[${sentenceMarkup(chapter.title)}]]`);
    for (const block of chapter.blocks) out.push(await blockMarkup(block, images, preset, pictogramFile));
  }
  const file = path.join(folder, 'main.typ');
  await writeFile(file, `${out.join('\n')}\n`);
  return file;
}

async function blockMarkup(
  block: Block,
  images: PreparedImages,
  preset: LayoutPreset,
  pictogramFile: (pictogram: Pictogram | undefined) => Promise<string | undefined>,
): Promise<string> {
  const idea = async (pictogram: Pictogram | undefined, body: string) => {
    const picto = await pictogramFile(pictogram);
    return `#idea(${picto ? `"${picto}"` : 'none'})[${body}]`;
  };
  const picture = (screenshot: Parameters<PreparedImages['lookup']>[0]) => {
    const prepared = images.lookup(screenshot);
    return `#image("pictures/${prepared.key}.png", width: ${prepared.placed.width.toFixed(1)}pt)`;
  };
  switch (block.kind) {
    case 'paragraph':
      return idea(block.pictogram, lines(block.sentences));
    case 'list':
      return idea(block.pictogram, block.items.map((item) => `- ${sentenceMarkup(item)}`).join('\n'));
    case 'warning':
      return idea(block.pictogram, `#rect(stroke: 2pt)[${lines(block.sentences)}]`);
    case 'heading':
      return `#heading(level: 2)[${sentenceMarkup(block.sentence)}]`;
    case 'steps': {
      const steps = await Promise.all(
        block.steps.map((step) => idea(step.pictogram, `*${step.number}.* ${lines(step.sentences)}${step.screenshots.map((shot) => ` \\\n${picture(shot)}`).join('')}`)),
      );
      return steps.join('\n');
    }
    case 'screenshot':
      return `#block(breakable: false)[${picture(block.screenshot)}]`;
    case 'agencies': {
      const agencies = await Promise.all(
        block.agencies.map((agency) => idea(agency.pictogram, [agency.name, ...agency.address, ...agency.hours].map(sentenceMarkup).join(' \\\n'))),
      );
      const map = block.map ? [`#block(breakable: false)[${picture(block.map)} \\\n${lines(block.mapLegend.map((line) => line.sentence))}]`] : [];
      return [...agencies, ...map].join('\n');
    }
    case 'contact':
      return (await Promise.all(block.lines.map((line) => idea(line.pictogram, lines(line.sentences))))).join('\n');
    case 'notes':
      return Array.from({ length: block.lines }, () => `#line(length: 100%, stroke: 0.5pt)\n#v(${preset.format === 'a4' ? 22 : 18}pt)`).join('\n');
    case 'table':
      return `#table(columns: ${block.rows[0]?.length ?? 1}, ${block.rows.flat().map((cell) => `[${sentenceMarkup(cell)}]`).join(', ')})`;
  }
}
