/** Helpers for the end-to-end release tests: throwaway source trees, hashes, the CLI. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONTENT = join(ROOT, 'content');
/** shared/ sits beside the repository (CI clones main with shared/ next to it). */
export const SEEDS =
  [join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds'].find((d) => existsSync(d)) ??
  '/work/shared/seeds';
const RUNNER = fileURLToPath(new URL('./cli-runner.ts', import.meta.url));

type Ctx = { after: (fn: () => Promise<void> | void) => void };

export async function tempDir(t: Ctx, prefix = 'hb-release-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of content/ (optionally with another introduction page) in `dir/name`. */
export async function copyContent(dir: string, name = 'src', index?: string): Promise<string> {
  const root = join(dir, name);
  await cp(CONTENT, root, { recursive: true });
  if (index !== undefined) await cp(index, join(root, 'guide', 'index.md'));
  return root;
}

export function seed(prefix: '000' | '002'): string {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}_* in ${SEEDS}`);
  return join(SEEDS, name);
}

export interface FileState {
  sha256: string;
  mtimeMs: number;
  size: number;
}

/** Every file of a directory with its hash and mtime, to show that nothing changed. */
export async function snapshotDir(dir: string): Promise<Record<string, FileState>> {
  const out: Record<string, FileState> = {};
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    const s = await stat(p);
    const data = await readFile(p);
    out[name] = {
      sha256: createHash('sha256').update(data).digest('hex'),
      mtimeMs: s.mtimeMs,
      size: s.size,
    };
  }
  return out;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The real CLI (src/cli.ts via tsx, so no compile step is needed) as a child process. */
export function cliArgs(args: string[]): string[] {
  return ['--import', 'tsx', RUNNER, ...args];
}

export function handbook(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, cliArgs(args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export function spawnHandbook(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, cliArgs(args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** All descendants of `pid` (Linux /proc), to find the browser a CLI run started. */
export function descendants(pid: number): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; cmd: string }[] = [];
  const walk = (p: number): void => {
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        // gone
      }
      found.push({ pid: child, cmd });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Whether a process is running (a zombie, already ended but not yet reaped, is not). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
