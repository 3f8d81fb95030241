/** The live preview's port on 127.0.0.1 (`livret watch --port`). */
export const DEFAULT_WATCH_PORT = 4000;
