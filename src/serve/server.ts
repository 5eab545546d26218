/**
 * The HTTP side of `handbook serve`: a fixed set of routes and nothing else (no files are
 * served from disk, so no path can lead outside; no directory listing). Only GET and HEAD;
 * on a loopback address only requests naming a loopback host are answered (a web page the
 * editor visits cannot read the preview through DNS rebinding).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HandbookError } from '../errors.js';
import { HANDBOOK_CLIENT, PRINT_CLIENT } from './client.js';

export const HEARTBEAT_MS = 15_000;

export interface Served {
  /** The page at `/`: the built HTML with the client script, or a placeholder. */
  /** Encoded once per version: each request sends the same bytes. */
  page(): { html: Uint8Array; version: number };
  /** The chapter sections the last update changed, when it changed nothing else. */
  patch(): unknown;
  pdf(): Uint8Array | undefined;
  state(): unknown;
}

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  // The handbook carries no script: only the server's own client runs.
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline' data:; img-src data: 'self';" +
    " font-src data:; connect-src 'self'; frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

export class PreviewServer {
  private readonly http: Server;
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly served: Served,
    private readonly host: string,
  ) {
    this.http = createServer((req, res) => this.handle(req, res));
    // Longer than browsers' and fetch's own idle timeouts: the client closes an idle
    // connection first, so no request is ever sent on a socket the server is closing.
    this.http.keepAliveTimeout = 65_000;
  }

  /** Listens; a port in use is the user's to change (exit 1 with a suggestion). */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') {
          reject(
            new HandbookError(
              'PORT_IN_USE',
              `port ${port} on ${this.host} is already in use (another handbook serve?)`,
              { hint: `stop the other server, or choose another port: --port ${port + 1}` },
            ),
          );
        } else if (e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') {
          reject(
            new HandbookError('PORT_IN_USE', `cannot listen on ${this.host}:${port}: ${e.code}`, {
              hint: 'choose a port above 1024 and an address of this machine (--host 127.0.0.1)',
            }),
          );
        } else reject(e);
      });
      this.http.listen(port, this.host, () => {
        const address = this.http.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
    // The heartbeat keeps proxies and idle timers from closing the event streams.
  }

  startHeartbeat(): void {
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) c.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Sends the state to every open page. */
  broadcast(state: unknown): void {
    const message = `data: ${JSON.stringify(state)}\n\n`;
    for (const c of this.clients) c.write(message);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const c of this.clients) c.end();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const hostname = hostOf(req.headers.host);
    if (isLoopback(this.host) && !isLoopback(hostname)) {
      return text(res, 403, 'handbook serve answers on this machine only (localhost)');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return text(res, 405, 'method not allowed');
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      return text(res, 400, 'bad request');
    }
    switch (pathname) {
      case '/':
      case '/handbook.html': {
        const { html, version } = this.served.page();
        return send(res, 200, 'text/html; charset=utf-8', html, {
          'x-handbook-version': String(version),
        });
      }
      case '/__serve/client.js':
        return send(res, 200, 'text/javascript; charset=utf-8', HANDBOOK_CLIENT);
      case '/__serve/print.js':
        return send(res, 200, 'text/javascript; charset=utf-8', PRINT_CLIENT);
      case '/__serve/print':
        return send(res, 200, 'text/html; charset=utf-8', PRINT_PAGE);
      case '/__serve/patch': {
        const patch = this.served.patch();
        if (!patch) return text(res, 404, 'no chapter patch for this version');
        return send(res, 200, 'application/json', JSON.stringify(patch));
      }
      case '/__serve/state':
        return send(res, 200, 'application/json', JSON.stringify(this.served.state()));
      case '/__serve/handbook.pdf': {
        const pdf = this.served.pdf();
        if (!pdf) return text(res, 404, 'no PDF printed yet');
        return send(res, 200, 'application/pdf', pdf);
      }
      case '/__serve/events':
        return this.events(req, res);
      default:
        return text(res, 404, 'not found');
    }
  }

  private events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    if (req.method === 'HEAD') return void res.end();
    res.write(`retry: 500\ndata: ${JSON.stringify(this.served.state())}\n\n`);
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }
}

function hostOf(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.replace(/:\d+$/, '');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...SECURITY,
    ...extra,
    'content-type': type,
    'content-length': String(bytes.length),
  });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

function text(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
}

const PRINT_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Print preview: handbook serve</title>
<style>html,body{margin:0;height:100%;font:14px/1.4 system-ui,sans-serif}
body{display:flex;flex-direction:column}header{padding:8px 12px;border-bottom:1px solid #b1b4b6}
[data-current=false]{color:#b35900}iframe{flex:1;border:0;width:100%}</style>
<script src="/__serve/print.js" defer></script></head>
<body><header><a href="/">Handbook</a> · <span id="status" role="status" aria-live="polite">Waiting for the first print…</span></header>
<iframe title="The handbook as printed (PDF)"></iframe></body>
</html>
`;
