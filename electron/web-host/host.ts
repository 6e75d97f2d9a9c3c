import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/bridge';
import type { Surface } from '../../shared/contract/define';
import type { Core } from '../core/core';

/**
 * Development and test adapter: serves the renderer and the core's contract over HTTP +
 * WebSocket on 127.0.0.1 only. Each port is bound to one surface, the way Electron main
 * knows a window's surface by its webContents: the page cannot choose it.
 */
export interface WebHostOptions {
  core: Core;
  staticDir: string;
  ports: Record<Surface, number>;
}

export interface WebHost {
  urls: Record<Surface, string>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const MAX_MESSAGE_BYTES = 1_000_000;

function serveStatic(staticDir: string, surface: Surface, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(302, { Location: `/${surface}` }).end();
    return;
  }
  const candidate = normalize(join(staticDir, decodeURIComponent(url.pathname)));
  const inside = candidate.startsWith(staticDir + sep);
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(staticDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The renderer is not built. Run "npm run build:web" first.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, staticDir } = options;
  let nextWindow = 0;
  const servers: Server[] = [];
  const sockets = new Set<WebSocket>();

  const listen = (surface: Surface, port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/__test/advance-clock' && req.method === 'POST' && core.testHooks) {
          core.testHooks.advanceClock(Number(url.searchParams.get('ms') ?? 0));
          res.writeHead(204).end();
          return;
        }
        serveStatic(staticDir, surface, req, res);
      });
      const wss = new WebSocketServer({ server, path: '/ws', maxPayload: MAX_MESSAGE_BYTES });
      wss.on('connection', (socket, req) => {
        // Only pages this host served may connect (blocks other local sites in the same browser).
        const origin = req.headers.origin ?? '';
        if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(origin) || !origin.endsWith(`:${port}`)) {
          socket.close(1008, 'origin not allowed');
          return;
        }
        sockets.add(socket);
        const windowId = `${surface}-web-${++nextWindow}`;
        const ctx = { windowId, surface };
        const watches = new Map<number, () => void>();
        const send = (m: ServerMessage) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
        };
        socket.on('message', (raw) => {
          let msg: ClientMessage;
          try {
            msg = JSON.parse(String(raw)) as ClientMessage;
          } catch {
            return;
          }
          if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
          if (msg.t === 'call' && typeof msg.method === 'string') {
            void core.call(ctx, msg.method, msg.input).then((envelope) => send({ t: 'result', id: msg.id, envelope }));
          } else if (msg.t === 'watch' && typeof msg.topic === 'string') {
            watches.get(msg.id)?.();
            watches.set(msg.id, core.watch(ctx, msg.topic, msg.params, (envelope) => send({ t: 'watch-result', id: msg.id, envelope })));
          } else if (msg.t === 'unwatch') {
            watches.get(msg.id)?.();
            watches.delete(msg.id);
          }
        });
        socket.on('close', () => {
          sockets.delete(socket);
          for (const stop of watches.values()) stop();
          core.closeWindow(windowId);
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });

  servers.push(await listen('staff', options.ports.staff));
  servers.push(await listen('kiosk', options.ports.kiosk));
  const portOf = (s: Server) => (s.address() as { port: number }).port;
  return {
    urls: { staff: `http://127.0.0.1:${portOf(servers[0])}/staff`, kiosk: `http://127.0.0.1:${portOf(servers[1])}/kiosk` },
    async close() {
      for (const s of sockets) s.terminate();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}
