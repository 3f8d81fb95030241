/**
 * The fontkit that pdf-lib embeds fonts with (letter stamping), from its
 * single-file ES bundle for the same reason as `./pdf-lib.ts`: its UMD entry
 * costs a third more to load in each stamping thread.
 */
export { default as pdfLibFontkit } from '@pdf-lib/fontkit/dist/fontkit.es.min.js';
