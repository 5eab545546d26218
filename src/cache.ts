/**
 * The build cache: editors rebuild the same sources over and over, so the front half of the
 * pipeline (load → Liquid → Markdown → transform) is kept, keyed by a fingerprint of every
 * source file, the toolchain's own code and templates, and the settings that shape the tree.
 * A hit skips parsing entirely (and loading the parser modules); a changed byte anywhere is a
 * miss. Outputs are never cached: every format is rendered from the tree on every build.
 *
 * Location: `node_modules/.cache/handbook-press` under the working directory when it has a
 * node_modules folder (the convention of Babel, ESLint …), else a private folder of this
 * user's in the OS temp folder (`privateTempCache`).
 * `HANDBOOK_CACHE=0` (or `--no-cache`) turns it off; `HANDBOOK_CACHE_DIR` moves it.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './fs-atomic.js';
import { packageRoot } from './package-root.js';

/** Bump when the cached shape changes. */
const FORMAT = 2;
const KEEP = 12;
const SKIPPED = new Set(['node_modules', '_site', '.git', '.jekyll-cache', '.sass-cache']);

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HANDBOOK_CACHE === '0' || env.HANDBOOK_CACHE === 'off') return undefined;
  if (env.HANDBOOK_CACHE_DIR) return path.resolve(env.HANDBOOK_CACHE_DIR);
  const local = path.resolve('node_modules');
  return existsSync(local) ? path.join(local, '.cache', 'handbook-press') : privateTempCache();
}

/**
 * The fallback in the shared temp folder, where anyone can create any name: a folder made by
 * mkdtemp (mode 0700) and found again next time only if it is still a real folder owned by
 * this user that nobody else can enter. A name planted by another user is passed over.
 */
export function privateTempCache(base = tmpdir()): string | undefined {
  const uid = process.getuid?.();
  const prefix = `handbook-press-cache-${uid ?? 'user'}-`;
  const isPrivate = (p: string): boolean => {
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st?.isDirectory()) return false;
    return uid === undefined || (st.uid === uid && (st.mode & 0o077) === 0);
  };
  try {
    const found = readdirSync(base)
      .filter((n) => n.startsWith(prefix))
      .sort()
      .map((n) => path.join(base, n))
      .find(isPrivate);
    return found ?? mkdtempSync(path.join(base, prefix));
  } catch {
    return undefined; // no usable temp folder: build without a cache
  }
}

/**
 * Every file below `root`, as the site sees them (dot folders and build output left out).
 * Symbolic links are followed, as the loader follows them, so an edit behind a linked folder
 * is seen; a link back into a folder being walked (a loop) is listed, not entered. Each link
 * is listed with where it points, so re-pointing one changes the fingerprint too.
 */
async function walk(root: string, dir = '', chain: string[] = []): Promise<string[]> {
  const abs = path.join(root, dir);
  const real = await realpath(abs).catch(() => abs);
  if (chain.includes(real)) return [`${dir}\0loop`];
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
  const kept = entries.filter((e) => !e.name.startsWith('.') && !SKIPPED.has(e.name));
  const nested = await Promise.all(
    kept.map(async (e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (!e.isSymbolicLink()) {
        return e.isDirectory() ? walk(root, rel, [...chain, real]) : [rel];
      }
      const target = await realpath(path.join(root, rel)).catch(() => '\0dangling');
      const info = await stat(path.join(root, rel)).catch(() => undefined);
      const link = `${rel}\0link\0${target}`;
      return info?.isDirectory()
        ? [link, ...(await walk(root, rel, [...chain, real]))]
        : [link, rel];
    }),
  );
  return nested.flat();
}

async function hashTree(
  hash: ReturnType<typeof createHash>,
  root: string,
  label: string,
): Promise<void> {
  const files = (await walk(root)).sort();
  // Read in parallel, hash in order. A dangling link or an unreadable file hashes as such;
  // the loader then reports it.
  const contents = await Promise.all(
    files.map((rel) =>
      rel.includes('\0')
        ? Buffer.alloc(0)
        : readFile(path.join(root, rel)).catch(() => Buffer.from('\0unreadable')),
    ),
  );
  hash.update(`${label}\0${files.length}\0`);
  files.forEach((rel, i) => {
    const data = contents[i]!;
    hash.update(`${rel}\0${data.length}\0`);
    hash.update(data);
  });
}

let toolFingerprint: Promise<string> | undefined;

/**
 * The toolchain's code (src/, lib/ or the CLI bundle, wherever this module runs from), its
 * include templates and the lock file: a change is a miss. The code is identified by path,
 * size and modification time (several MB once bundled: reading it all would cost more than
 * the cache saves); templates and lock file by content.
 */
function toolchain(): Promise<string> {
  toolFingerprint ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const root = packageRoot();
    const hash = createHash('sha256');
    const code = (await walk(here)).sort();
    const stats = await Promise.all(
      code.map((rel) => stat(path.join(here, rel)).catch(() => undefined)),
    );
    hash.update(`code\0${here}\0${code.length}\0`);
    code.forEach((rel, i) => hash.update(`${rel}\0${stats[i]?.size}\0${stats[i]?.mtimeMs}\0`));
    await hashTree(hash, path.join(root, 'templates', 'includes'), 'templates');
    hash.update(await readFile(path.join(root, 'package-lock.json')).catch(() => Buffer.alloc(0)));
    return hash.digest('hex');
  })();
  return toolFingerprint;
}

export async function cacheKey(source: string, settings: Record<string, unknown>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    `handbook-press cache ${FORMAT}\0${await toolchain()}\0${JSON.stringify(settings)}\0`,
  );
  await hashTree(hash, source, 'source');
  return hash.digest('hex');
}

function entryHash(key: string, body: string): string {
  return createHash('sha256').update(`${key}\0${body}`).digest('hex');
}

export class BuildCache {
  constructor(private readonly dir: string) {}

  static open(env: NodeJS.ProcessEnv = process.env): BuildCache | undefined {
    const dir = cacheDirectory(env);
    return dir ? new BuildCache(dir) : undefined;
  }

  private file(key: string, kind: string): string {
    const name = /^[0-9a-f]{40,}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
    return path.join(this.dir, `${kind}-${name.slice(0, 40)}.json`);
  }

  /**
   * An entry is a header line (key and SHA-256 of the value's JSON) and the JSON: a file that
   * was edited, truncated or written for another key is a miss, never trusted.
   */
  async get<T>(key: string, kind: string): Promise<T | undefined> {
    try {
      const text = await readFile(this.file(key, kind), 'utf8');
      const nl = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, nl)) as { key?: unknown; sha256?: unknown };
      const body = text.slice(nl + 1);
      if (nl < 0 || header.key !== key || header.sha256 !== entryHash(key, body)) return undefined;
      return JSON.parse(body) as T;
    } catch {
      return undefined; // absent or damaged: a miss
    }
  }

  /** Best effort: a cache that cannot be written never fails a build. */
  async set(key: string, kind: string, value: unknown): Promise<void> {
    try {
      const body = JSON.stringify(value);
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const header = JSON.stringify({ format: FORMAT, key, sha256: entryHash(key, body) });
      await writeFileAtomic(this.file(key, kind), `${header}\n${body}`);
      await this.prune();
    } catch {
      // read-only or full disk: build on without a cache
    }
  }

  private async prune(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'));
    if (names.length <= KEEP) return;
    const dated = await Promise.all(
      names.map(async (n) => ({
        n,
        t: (await stat(path.join(this.dir, n)).catch(() => undefined))?.mtimeMs ?? 0,
      })),
    );
    dated.sort((a, b) => b.t - a.t);
    await Promise.all(dated.slice(KEEP).map((d) => rm(path.join(this.dir, d.n), { force: true })));
  }
}
