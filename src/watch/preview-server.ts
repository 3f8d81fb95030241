import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LivretError } from '../errors.js';
import { viewHtml, watchPageHtml } from './page-html.js';
import type { PreviewSession, WatchState } from './preview-session.js';

/**
 * The live preview's web server, on 127.0.0.1 only: the page (/), its
 * changing part (/view), the page pictures by fingerprint (/pages/<f>.png,
 * cached by the browser for good), the state as JSON (/state.json) and the
 * server-sent events that say "the state changed" (/events).
 */
export const HOST = '127.0.0.1';

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function stateJson(state: WatchState): string {
  return JSON.stringify({
    version: state.version,
    status: state.status,
    title: state.title,
    error: state.error,
    lastBuild: state.lastBuild,
    pages: state.pages.map(({ page, fingerprint, width, height, text, findings }) => ({ page, fingerprint, width, height, text, findings })),
    generalFindings: state.generalFindings,
  });
}

export async function startPreviewServer(session: PreviewSession, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  const onChange = (state: WatchState) => {
    for (const stream of streams) stream.write(`event: change\ndata: ${state.version}\n\n`);
  };
  session.on('change', onChange);

  const server = createServer((request, response) => {
    // Only pages asked for by this address: another site cannot read the preview through a DNS name pointing here.
    const host = request.headers.host ?? '';
    const actualPort = (server.address() as AddressInfo).port;
    if (host !== `${HOST}:${actualPort}` && host !== `localhost:${actualPort}`) {
      send(response, 403, 'text/plain; charset=utf-8', 'Adresse refusée : ouvrez l’aperçu par http://127.0.0.1.\n');
      return;
    }
    route(request, response);
  });

  function route(request: IncomingMessage, response: ServerResponse): void {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const state = session.state;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Méthode non permise.\n');
    } else if (pathname === '/') {
      send(response, 200, 'text/html; charset=utf-8', watchPageHtml(state));
    } else if (pathname === '/view') {
      send(response, 200, 'text/html; charset=utf-8', viewHtml(state));
    } else if (pathname === '/state.json') {
      send(response, 200, 'application/json; charset=utf-8', stateJson(state));
    } else if (pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`retry: 1000\nevent: change\ndata: ${state.version}\n\n`);
      streams.add(response);
      request.on('close', () => streams.delete(response));
    } else {
      const picture = /^\/pages\/([0-9a-f]+)\.png$/.exec(pathname);
      const page = picture ? state.pages.find((candidate) => candidate.fingerprint === picture[1]) : undefined;
      if (page) send(response, 200, 'image/png', page.png, 'public, max-age=31536000, immutable');
      else send(response, 404, 'text/plain; charset=utf-8', 'Introuvable.\n');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new LivretError(`le port ${port} est déjà pris : choisissez-en un autre avec --port, par exemple --port ${port + 1}`));
      else if (error.code === 'EACCES') reject(new LivretError(`le port ${port} est réservé : choisissez un port au-dessus de 1024 avec --port`));
      else reject(error);
    });
    server.listen(port, HOST, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${actual}/`,
    port: actual,
    close: async () => {
      session.off('change', onChange);
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
  response.end(body);
}
