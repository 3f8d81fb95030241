// The single-file bundles of pdf-lib and @pdf-lib/fontkit have the packages' own types.
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
declare module '@pdf-lib/fontkit/dist/fontkit.es.min.js' {
  import fontkit from '@pdf-lib/fontkit';
  export default fontkit;
}
