import { readFileSync } from 'node:fs';
import { fontFile } from '../fonts/fonts.js';
import { THEME } from '../geometry/theme.js';
import type { ImageLookup } from '../images/prepared-image.js';
import type { AgenciesBlock, Block, Booklet, Chapter, Inline, MapLegendLine, Pictogram, Screenshot, Sentence, Step } from '../model/booklet.js';
import { mapSymbolSvg } from '../layout/map-symbols.js';

/**
 * The booklet as one accessible web page (`livret build --format html`),
 * made from the same Booklet model and prepared pictures as the PDF: one
 * self-contained file (pictures and fonts inside as data URIs), no script.
 *
 * - Outline: the booklet's title is the h1, each chapter a section with its
 *   h2, each heading of a chapter an h3 (one h1 per page).
 * - Each sentence is its own paragraph; steps are an ordered list; bullets a
 *   list; screenshots and the map are figures with their `alt`; the weekly
 *   hours a table with row headers; the difficult words a definition list.
 * - Pictograms repeat the text beside them, as in the PDF (where they are
 *   Artifacts): decorative images with an empty alt.
 * - Easy-read typography: large type, line height 1.5, left aligned, lines of
 *   at most 60 characters, the picture column beside the text and under it on
 *   a phone; colours of the PDF's theme, each at least 7:1 against its
 *   background (WCAG AAA); a print style sheet.
 */
export interface HtmlInput {
  booklet: Booklet;
  images: ImageLookup;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(inline: Inline): string {
  const text = escape(inline.text);
  if (inline.kind === 'term') return `<strong><dfn>${text}</dfn></strong>`;
  return inline.bold ? `<strong>${text}</strong>` : text;
}

const sentenceText = (sentence: Sentence): string => sentence.inlines.map(inlineHtml).join('');
const paragraphs = (sentences: readonly Sentence[]): string => sentences.map((sentence) => `<p>${sentenceText(sentence)}</p>`).join('\n');

function pictogramHtml(pictogram: Pictogram | undefined): string {
  if (!pictogram) return '<div class="picture"></div>';
  const src = `data:image/svg+xml;base64,${Buffer.from(pictogram.svg).toString('base64')}`;
  return `<div class="picture"><img src="${src}" alt="" width="80" height="80"></div>`;
}

function row(pictogram: Pictogram | undefined, content: string, extraClass = ''): string {
  return `<div class="row${extraClass ? ` ${extraClass}` : ''}">${pictogramHtml(pictogram)}<div class="text">\n${content}\n</div></div>`;
}

function screenshotHtml(screenshot: Screenshot, input: HtmlInput): string {
  const image = input.images(screenshot);
  const src = `data:image/png;base64,${image.png.toString('base64')}`;
  // CSS pixels at the printed size (1 pt = 4/3 px), never wider than the text column.
  const width = Math.round((image.placed.width * 4) / 3);
  const height = Math.round((image.placed.height * 4) / 3);
  return `<figure><img src="${src}" alt="${escape(screenshot.alt)}" width="${width}" height="${height}"></figure>`;
}

function stepHtml(step: Step, input: HtmlInput): string {
  const content = [paragraphs(step.sentences), ...step.screenshots.map((shot) => screenshotHtml(shot, input))].join('\n');
  return `<li>${row(step.pictogram, content)}</li>`;
}

function weekTable(rows: AgenciesBlock['agencies'][number]['week']): string {
  if (rows.length === 0) return '';
  const body = rows.map(([day, hours]) => `<tr><th scope="row">${sentenceText(day)}</th><td><strong>${sentenceText(hours)}</strong></td></tr>`).join('\n');
  return `<table class="hours"><caption>Horaires d'ouverture</caption>\n<tbody>\n${body}\n</tbody></table>`;
}

/** An agency's name heads its part: under the chapter's h2, or under a heading (h3) of the chapter. */
function agenciesHtml(block: AgenciesBlock, input: HtmlInput, level: 3 | 4): string {
  const agencies = block.agencies.map((agency) =>
    row(agency.pictogram, [`<h${level}>${sentenceText(agency.name)}</h${level}>`, paragraphs(agency.address), agency.hours.map((hours) => `<p><strong>${sentenceText(hours)}</strong></p>`).join('\n'), weekTable(agency.week)].join('\n')),
  );
  const title = block.map && block.mapTitle ? [`<p><strong>${sentenceText(block.mapTitle)}</strong></p>`] : [];
  const map = block.map ? [...title, screenshotHtml(block.map, input)] : [];
  // A line that explains a mark starts with that mark, drawn as on the map (decorative: the line says what it is).
  const legendItem = (line: MapLegendLine) =>
    line.symbol ? `<li class="marked"><span class="mark" aria-hidden="true">${mapSymbolSvg(line.symbol, 24)}</span>${sentenceText(line.sentence)}</li>` : `<li>${sentenceText(line.sentence)}</li>`;
  const legend = block.mapLegend.length > 0 ? [`<ul class="map-legend">${block.mapLegend.map(legendItem).join('')}</ul>`] : [];
  return [...agencies, ...map, ...legend].join('\n');
}

function tableHtml(rows: Sentence[][]): string {
  const [head, ...body] = rows;
  const headRow = head ? `<thead><tr>${head.map((cell) => `<th scope="col">${sentenceText(cell)}</th>`).join('')}</tr></thead>` : '';
  const bodyRows = body.map((cells) => `<tr>${cells.map((cell) => `<td>${sentenceText(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>${headRow}<tbody>${bodyRows}</tbody></table>`;
}

function blockHtml(block: Block, input: HtmlInput, afterHeading: boolean): string {
  switch (block.kind) {
    case 'paragraph':
      return block.role === 'explanation' ? row(undefined, `<div class="explanation">${paragraphs(block.sentences)}</div>`) : row(block.pictogram, paragraphs(block.sentences));
    case 'list':
      return row(block.pictogram, `<ul>${block.items.map((item) => `<li>${sentenceText(item)}</li>`).join('\n')}</ul>`);
    case 'heading':
      return `<h3>${sentenceText(block.sentence)}</h3>`;
    case 'steps':
      return `<ol class="steps">\n${block.steps.map((step) => stepHtml(step, input)).join('\n')}\n</ol>`;
    case 'warning':
      return `<div class="warning">${row(block.pictogram, paragraphs(block.sentences))}</div>`;
    case 'screenshot':
      return row(undefined, screenshotHtml(block.screenshot, input));
    case 'agencies':
      return agenciesHtml(block, input, afterHeading ? 4 : 3);
    case 'contact':
      return block.lines.map((line) => row(line.pictogram, paragraphs(line.sentences))).join('\n');
    case 'notes':
      // Lines to write on: for the printed page only.
      return `<div class="notes" aria-hidden="true">${'<div class="line"></div>'.repeat(block.lines)}</div>`;
    case 'table':
      return tableHtml(block.rows);
  }
}

function chapterHtml(chapter: Chapter, index: number, input: HtmlInput): string {
  const id = `chapitre-${index + 1}`;
  const title = `<div class="row chapter-title">${pictogramHtml(chapter.pictogram)}<h2 id="${id}">${sentenceText(chapter.title)}</h2></div>`;
  const blocks = chapter.blocks.map((block, at) => blockHtml(block, input, chapter.blocks.slice(0, at).some((before) => before.kind === 'heading')));
  return `<section aria-labelledby="${id}">\n${title}\n${blocks.join('\n')}\n</section>`;
}

function glossaryHtml(booklet: Booklet): string {
  if (booklet.glossary.length === 0) return '';
  const entries = booklet.glossary.map((entry) => `<dt>${escape(entry.term)}</dt><dd>${escape(entry.definition)}</dd>`).join('\n');
  return `<section aria-labelledby="mots-difficiles">\n<h2 id="mots-difficiles">Les mots difficiles</h2>\n<dl>\n${entries}\n</dl>\n</section>`;
}

function contentsHtml(booklet: Booklet): string {
  const items = booklet.chapters.map((chapter, index) => `<li><a href="#chapitre-${index + 1}">${escape(chapter.title.text)}</a></li>`);
  if (booklet.glossary.length > 0) items.push('<li><a href="#mots-difficiles">Les mots difficiles</a></li>');
  return `<nav aria-labelledby="sommaire">\n<h2 id="sommaire">Sommaire</h2>\n<ol>${items.join('\n')}</ol>\n</nav>`;
}

let fontFaces: string | undefined;

/** The booklet's font, inside the page: the file stays self-contained. */
function embeddedFonts(): string {
  fontFaces ??= ([400, 700] as const)
    .map((weight) => `@font-face{font-family:"Atkinson Hyperlegible Next";font-weight:${weight};font-style:normal;src:url(data:font/woff;base64,${readFileSync(fontFile(weight)).toString('base64')}) format("woff")}`)
    .join('\n');
  return fontFaces;
}

const { colors } = THEME;

const STYLE = `
:root{color:${colors.text};background:#ffffff;font-family:"Atkinson Hyperlegible Next",Verdana,Arial,sans-serif;font-size:125%;line-height:1.5}
body{margin:0 auto;max-width:52rem;padding:1rem 1.25rem 3rem}
p,li,dd,dt,caption,td,th{max-width:60ch;text-align:left}
p{margin:0 0 .35em}
h1,h2,h3,h4{color:${colors.accent};line-height:1.25;margin:1.5em 0 .5em}
h1{font-size:2rem}h2{font-size:1.6rem}h3{font-size:1.3rem}h4{font-size:1.15rem}.row h3,.row h4{margin-top:0}
a{color:${colors.accent};text-decoration:underline;text-underline-offset:.15em}
a:focus-visible{outline:3px solid ${colors.text};outline-offset:2px}
strong{font-weight:700}dfn{font-style:normal}
.row{display:grid;grid-template-columns:5rem minmax(0,1fr);gap:1rem;align-items:start;margin:0 0 1.25em}
.picture img{display:block;width:5rem;height:5rem}
.chapter-title{align-items:center}.chapter-title h2{margin:0}
section{margin-top:2.5rem}
ul,ol{padding-left:1.5em;margin:0 0 .5em}
.map-legend li.marked{list-style:none}.map-legend .mark svg{width:1.1em;height:1.1em;vertical-align:-.2em;margin:0 .4em 0 -1.5em}
ol.steps{list-style:none;padding:0;counter-reset:step}
ol.steps>li{counter-increment:step;position:relative;padding-left:3.5rem}
ol.steps>li::before{content:counter(step);position:absolute;left:0;top:0;width:2.5rem;height:2.5rem;border-radius:.4rem;background:${colors.accent};color:${colors.onAccent};font-weight:700;font-size:1.4rem;text-align:center;line-height:2.5rem}
figure{margin:.5em 0 1em}
figure img{display:block;max-width:100%;height:auto;border:1px solid ${colors.frame}}
.explanation{background:${colors.explanationBackground};padding:.75em 1em;border-radius:.3rem}
.warning{background:${colors.warningBackground};border:3px solid ${colors.warningBorder};padding:.75em 1em .25em;margin:0 0 1.25em;border-radius:.3rem}
.warning .row{margin:0}
table{border-collapse:collapse;margin:.5em 0 1em}
th,td{padding:.25em .75em .25em 0;border-bottom:1px solid ${colors.rule};vertical-align:top}
caption{font-weight:700;padding-bottom:.25em}
dt{font-weight:700;margin-top:.75em}dd{margin:0 0 .5em}
.notes{display:none}
@media (max-width:40rem){
  :root{font-size:112.5%}
  .row{grid-template-columns:minmax(0,1fr)}
  .row>.picture{order:2}
  .row>.picture:empty{display:none}
}
@media print{
  :root{font-size:14pt;color:#000000}
  body{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  nav{break-after:page}
  section{break-before:page;margin-top:0}
  .row,figure,li,table{break-inside:avoid}
  .notes{display:block}
  .notes .line{border-bottom:1px solid ${colors.rule};height:2.4em}
}
`;

export function bookletHtml(input: HtmlInput): string {
  const { booklet } = input;
  const subtitle = booklet.subtitle ? `<p class="subtitle">${escape(booklet.subtitle)}</p>` : '';
  const example = booklet.isExample ? '<p class="warning"><strong>EXEMPLE : adresses et horaires à vérifier par la CPAM</strong></p>' : '';
  return `<!DOCTYPE html>
<html lang="${escape(booklet.language.split('-')[0] ?? 'fr')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(booklet.title)}</title>
<style>
${embeddedFonts()}
${STYLE}
</style>
</head>
<body>
<header>
${example}
<div class="row">${pictogramHtml(booklet.cover.pictogram)}<div class="text"><h1>${escape(booklet.title)}</h1>
${subtitle}
<p><strong>${escape(booklet.cover.officeName)}</strong></p>
<p>Ce livret est écrit en Français facile.</p></div></div>
</header>
${contentsHtml(booklet)}
<main>
${booklet.chapters.map((chapter, index) => chapterHtml(chapter, index, input)).join('\n')}
${glossaryHtml(booklet)}
</main>
</body>
</html>
`;
}
