/**
 * The library, loaded when a command runs rather than when the CLI starts:
 * `livret --help` and the option parsing need none of it.
 */
export type Library = typeof import('../index.js');

let library: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  library ??= import('../index.js');
  return library;
}
