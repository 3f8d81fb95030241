import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { OutputFormat } from '../pipeline.js';
import { DEFAULT_WATCH_PORT } from './defaults.js';
import { CONFIG_FILE } from '../check/config.js';
import { defaultBooklet, listBooklets } from '../content/booklet-config.js';
import { departmentFile } from '../content/load-department.js';
import { LivretError } from '../errors.js';
import { displayPath, findProjectRoot } from '../paths.js';
import { PreviewSession, type WatchState } from './preview-session.js';
import { startPreviewServer } from './preview-server.js';
import { RebuildQueue } from './rebuild-queue.js';

/**
 * `livret watch`: the live preview. A web server on 127.0.0.1 shows the
 * booklet's pages beside their findings; every save of a chapter,
 * booklet.yaml, a department file, the lexicon, livret.config.yaml or a
 * picture rebuilds it (saves close together make one build, never two
 * builds at once) and the open page updates itself.
 */
export interface WatchOptions {
  projectRoot?: string;
  booklet?: string;
  department?: string;
  format?: OutputFormat;
  /** 0: any free port. Default 4000. */
  port?: number;
  dpi?: number;
  /** Wait after the last save before building (default 120 ms). */
  debounceMs?: number;
  /** One line for the terminal, in French. */
  log?: (line: string) => void;
  onInternalError?: (error: unknown) => void;
}

export interface WatchHandle {
  url: string;
  port: number;
  session: PreviewSession;
  /** The files and folders watched, relative to the project. */
  watched: string[];
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
  /** Stops watching, lets the running build end, closes the server. */
  close(): Promise<void>;
}

export { DEFAULT_WATCH_PORT };

export async function watchBooklet(options: WatchOptions = {}): Promise<WatchHandle> {
  const projectRoot = path.resolve(options.projectRoot ?? findProjectRoot());
  const booklet = await bookletToWatch(projectRoot, options.booklet);
  if (options.department !== undefined && !existsSync(departmentFile(projectRoot, options.department))) {
    throw new LivretError(`pas de fichier pour le département « ${options.department} » : créez-le avec \`livret init-department ${options.department}\``, {
      file: displayPath(projectRoot, departmentFile(projectRoot, options.department)),
    });
  }
  const log = options.log ?? (() => undefined);
  const session = new PreviewSession({ projectRoot, booklet, department: options.department, format: options.format, dpi: options.dpi, onInternalError: options.onInternalError });
  session.on('change', (state) => logState(state, log));
  const server = await startPreviewServer(session, options.port ?? DEFAULT_WATCH_PORT);

  const queue = new RebuildQueue(() => session.rebuild(), options.debounceMs ?? 120);
  const watched = [path.join('content', booklet), path.join('content', 'departments'), 'assets', CONFIG_FILE];
  let watcher: FSWatcher;
  try {
    watcher = watch(
      watched.map((relative) => path.join(projectRoot, relative)),
      { ignoreInitial: true, ignored: (file: string) => isEditorScratch(path.basename(file)) },
    );
    await new Promise<void>((resolve, reject) => watcher.once('ready', resolve).once('error', reject));
  } catch (error) {
    await server.close();
    throw error;
  }
  watcher.on('all', (_event, file) => {
    log(`Modifié : ${displayPath(projectRoot, file)}`);
    queue.request();
  });
  queue.now();
  return {
    url: server.url,
    port: server.port,
    session,
    watched,
    idle: () => queue.idle(),
    close: async () => {
      await watcher.close();
      await queue.close();
      await server.close();
    },
  };
}

async function bookletToWatch(projectRoot: string, wanted: string | undefined): Promise<string> {
  if (wanted === undefined) return defaultBooklet(projectRoot);
  const booklets = await listBooklets(projectRoot);
  if (!booklets.includes(wanted)) {
    const known = booklets.length > 0 ? `livrets trouvés : ${booklets.join(', ')}` : 'aucun livret trouvé';
    throw new LivretError(`pas de livret « ${wanted} » (${known}) : vérifiez le nom du dossier dans content/`, { file: displayPath(projectRoot, path.join(projectRoot, 'content', wanted, 'booklet.yaml')) });
  }
  return wanted;
}

/** Files editors write beside the real one while saving (".x.md.swp", "x.md~", "4913"). */
function isEditorScratch(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name === '4913' || name.endsWith('.tmp');
}

function logState(state: WatchState, log: (line: string) => void): void {
  if (state.status === 'checking' && state.lastBuild) {
    log(`Pages prêtes en ${(state.lastBuild.pagesMs / 1000).toFixed(1)} s (${state.lastBuild.redrawn} redessinée(s) sur ${state.pages.length}).`);
  } else if (state.status === 'ready') {
    const errors = [...state.generalFindings, ...state.pages.flatMap((page) => page.findings)].filter((finding) => finding.severity === 'error').length;
    log(errors === 0 ? 'Vérifié : aucune erreur.' : `Vérifié : ${errors} erreur(s), voir la page.`);
  } else if (state.status === 'error' && state.error) {
    log(`Erreur : ${state.error.text}`);
  }
}
