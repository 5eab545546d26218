/**
 * Hostile sources built in the test (a temp folder, never content/), a local listener that
 * counts every connection made to 127.0.0.1, and the real CLI run as a child process (async,
 * so the listener in this process keeps answering while the build runs).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, ROOT } from '../cli/run.js';

export interface Site {
  dir: string;
  out: string;
  remove(): void;
}

/** A Jekyll site of `files` (path → text) in a fresh temp folder, with an output folder beside. */
export function makeSite(files: Record<string, string>): Site {
  const base = mkdtempSync(join(tmpdir(), 'hb-hostile-'));
  const dir = join(base, 'site');
  for (const [rel, text] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    out: join(base, 'out'),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A page with front matter. */
export function page(title: string, permalink: string, body: string): string {
  return `---\ntitle: ${title}\npermalink: ${permalink}\n---\n${body}\n`;
}

export interface Listener {
  port: number;
  /** Connections accepted so far (a preconnect is a connection without a request). */
  connections(): number;
  /** First bytes of what each connection sent. */
  seen: string[];
  close(): Promise<void>;
}

export async function listen(): Promise<Listener> {
  let count = 0;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.once('data', (d) => seen.push(d.toString('latin1').slice(0, 200)));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    // Answer like a web server would, so a client that got this far has something to load.
    socket.once('data', () =>
      socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 2\r\n\r\nok'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The real CLI, asynchronously; killed after `timeoutMs`. */
export function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 180_000,
): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Files under `dir` (none when it does not exist). */
export function written(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
}

/** A user error: exit 1, the message, no stack trace. */
export function isUserError(r: Run): boolean {
  return r.code === 1 && !/\n\s+at .+:\d+:\d+/.test(r.stderr);
}
