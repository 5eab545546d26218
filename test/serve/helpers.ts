/** Runs `handbook serve` as a child process on a temp copy of a fixture, for the serve tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../cli/run.js';

export interface ServeChild {
  child: ChildProcess;
  url: string;
  port: number;
  /** TMPDIR of the child: the print browser's profile lives there. */
  tmp: string;
  source: string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const EPOCH = '1785542400'; // 2026-08-01

export function copyFixture(dir: string): string {
  const source = join(mkdtempSync(join(tmpdir(), 'hb-serve-src-')), 'site');
  cpSync(dir, source, { recursive: true });
  return source;
}

/** Starts serve and waits for the line with its URL. */
export async function startServe(source: string, args: string[] = []): Promise<ServeChild> {
  const tmp = mkdtempSync(join(tmpdir(), 'hb-serve-tmp-'));
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--source', source, '--port', '0', ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TMPDIR: tmp,
        SOURCE_DATE_EPOCH: EPOCH,
        CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 120_000);
    const look = (): void => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/) \(print preview/.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr!.on('data', look);
    void exited.then(() => reject(new Error(`serve exited:\n${err}`)));
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    tmp,
    source,
    stderr: () => err,
    exited,
  };
}

/** A GET with the path sent as written (no normalisation of `..`). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Processes whose command line mentions `needle` (a temp folder of the test). */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
