/**
 * Writing a release so that it appears whole or not at all: files are staged in a temporary
 * directory inside `<out>/releases/` (same file system, so the final step is one rename) and
 * the directory is renamed into place. A rename onto an existing release fails, so of two
 * concurrent runs exactly one wins; an interrupted run removes its staging directory, and one
 * killed outright leaves only a `.tmp-*` directory that the next release removes.
 */
import { randomBytes } from 'node:crypto';
import { rmdirSync, rmSync } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HandbookError } from '../errors.js';
import { writeFlushed } from '../fs-atomic.js';
import { outputError } from '../fs-errors.js';
import { createFolders, removeEmptyFolders } from '../output-targets.js';

export const TEMP_PREFIX = '.tmp-';

export function tempDirName(version: string, pid = process.pid): string {
  return `${TEMP_PREFIX}${version}-${pid}-${randomBytes(6).toString('hex')}`;
}

/** `.tmp-<version>-<pid>-<random>` → its parts (the version may itself contain dashes). */
export function parseTempName(name: string): { version: string; pid: number } | undefined {
  const m = /^\.tmp-(.+)-(\d+)-([0-9a-f]+)$/.exec(name);
  return m ? { version: m[1]!, pid: Number(m[2]) } : undefined;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging directories left by runs that were killed (their process is gone). */
export async function cleanStaleTemps(releasesDir: string, alive = pidAlive): Promise<string[]> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const t = parseTempName(name);
    if (!t || t.pid === process.pid || alive(t.pid)) continue;
    await rm(join(releasesDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  // A killed run may have made releases/ itself: an empty one is not left behind.
  if (removed.length > 0 && names.length === removed.length)
    await rmdir(releasesDir).catch(() => undefined);
  return removed;
}

export function releaseExists(version: string, dir: string): HandbookError {
  return new HandbookError('RELEASE_EXISTS', `release ${version} already exists in ${dir}`, {
    hint: 'choose a new version; a release is never overwritten',
  });
}

export async function assertAbsent(version: string, finalDir: string): Promise<void> {
  const existing = await stat(finalDir).catch(() => undefined);
  if (existing) throw releaseExists(version, finalDir);
}

async function fsyncPath(path: string): Promise<void> {
  const h = await open(path, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export class Stage {
  private done = false;

  private constructor(
    readonly dir: string,
    private readonly version: string,
    private readonly releasesDir: string,
    /** `releases/` (and `<out>/`) when this run made them: removed again if left empty. */
    private readonly created: string[],
  ) {}

  static async open(releasesDir: string, version: string): Promise<Stage> {
    const dir = join(releasesDir, tempDirName(version));
    let created: string[] = [];
    try {
      created = await createFolders(releasesDir);
      await mkdir(dir);
    } catch (e) {
      await removeEmptyFolders(created);
      throw outputError(e, dir, 'cannot create') ?? e;
    }
    return new Stage(dir, version, releasesDir, created);
  }

  /** Writes a file in full and flushes it to disk; release files are read-only. */
  async write(name: string, data: Uint8Array | string): Promise<void> {
    const path = join(this.dir, name);
    try {
      // An edition's files stand in its own folder (`<id>/handbook.pdf`).
      if (name.includes('/')) await mkdir(dirname(path), { recursive: true });
      await writeFlushed(path, data);
      await chmod(path, 0o444);
    } catch (e) {
      throw outputError(e, join(this.releasesDir, this.version, name)) ?? e;
    }
  }

  /** Renames the staged directory to `<releases>/<version>`; refuses if that exists. */
  async commit(): Promise<string> {
    const finalDir = join(this.releasesDir, this.version);
    await fsyncPath(this.dir);
    await assertAbsent(this.version, finalDir);
    try {
      await rename(this.dir, finalDir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EISDIR')
        throw releaseExists(this.version, finalDir);
      throw e;
    }
    this.done = true;
    await fsyncPath(this.releasesDir).catch(() => undefined);
    return finalDir;
  }

  async discard(): Promise<void> {
    if (this.done) return;
    await rm(this.dir, { recursive: true, force: true });
    await removeEmptyFolders(this.created);
  }

  /** For signal handlers, which cannot wait for promises. */
  discardSync(): void {
    if (this.done) return;
    rmSync(this.dir, { recursive: true, force: true });
    for (const d of this.created) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanup` (synchronously) when the process is interrupted, then lets the signal do
 * what it would have done: if no other handler is listening (the browser manager may be), it
 * is raised again so the process ends as killed by it. Returns the function that unregisters.
 */
export function onInterrupt(cleanup: (signal: NodeJS.Signals) => void): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  const off = (): void => {
    for (const [sig, h] of handlers) process.off(sig, h);
    handlers.clear();
  };
  for (const sig of SIGNALS) {
    const h = (): void => {
      try {
        cleanup(sig);
      } finally {
        off();
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      }
    };
    handlers.set(sig, h);
    process.on(sig, h);
  }
  return off;
}
