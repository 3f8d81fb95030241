/**
 * pdf-lib, loaded from its single-file ES bundle. Its package entry is a
 * CommonJS tree of a few hundred files, which Node reads,
 * lexes and compiles one by one: about 0.6 CPU-s per thread for pdf-lib alone,
 * paid by every build (print stage) and every letter-stamping thread. The
 * bundle is the same code and version (the same bytes out) and load in a
 * third of that. Every module of livret imports pdf-lib from here, so one copy
 * of its classes exists (`instanceof` holds across modules).
 */
export * from 'pdf-lib/dist/pdf-lib.esm.min.js';
