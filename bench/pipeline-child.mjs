// One measured task of bench/pipeline.ts, in a process of its own (compiled dist/, plain Node).
//   bare <snapshot.v8>         livret's layout function + pdfmake on a saved model and prepared pictures
//   typst <folder>             the equivalent Typst document (bench/lib/typst-document.ts)
//   build-twice <project> <booklet>   two builds in one process; prints the second build's CPU time
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';

const [mode, target, extra] = process.argv.slice(2);
const dist = new URL('../dist/', import.meta.url);

if (mode === 'bare') {
  const { layoutBooklet } = await import(new URL('layout/booklet-layout.js', dist).href);
  const { renderPdf } = await import(new URL('render/render-pdf.js', dist).href);
  const { bookletScreenshots } = await import(new URL('images/prepare-images.js', dist).href);
  const snapshot = deserialize(readFileSync(target));
  // The lookup from screenshot to picture, rebuilt in the same reading order as the build's.
  const byScreenshot = new Map(bookletScreenshots(snapshot.booklet).map((placed, index) => [placed.screenshot, snapshot.images[snapshot.order[index]]]));
  const pdf = await renderPdf(
    layoutBooklet({ booklet: snapshot.booklet, preset: snapshot.preset, images: (shot) => byScreenshot.get(shot), preparedImages: snapshot.images, creationDate: snapshot.date }),
  );
  writeFileSync(`${target}.pdf`, pdf);
} else if (mode === 'typst') {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const compiler = NodeCompiler.create({ workspace: target, fontArgs: [{ fontPaths: [path.join(target, 'fonts')] }] });
  const pdf = compiler.pdf({ mainFilePath: path.join(target, 'main.typ') });
  writeFileSync(path.join(target, 'main.pdf'), pdf);
} else if (mode === 'build-twice') {
  const { buildBooklet } = await import(new URL('pipeline.js', dist).href);
  const build = () => buildBooklet({ projectRoot: target, booklet: extra, department: '61', write: false });
  await build();
  const before = process.cpuUsage();
  const result = await build();
  const used = process.cpuUsage(before);
  process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, pages: result.pageCount, errors: result.report.errorCount }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
