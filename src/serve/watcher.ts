/**
 * Watches a source tree: one non-recursive `fs.watch` per folder (recursive watching is not
 * the same on every platform and Node version; a Jekyll site has a few dozen folders), folders
 * added and removed as they come and go. Changes are reported as source-relative paths after
 * a quiet spell (an editor's save is often several events: write, rename, chmod), never more
 * than MAX_WAIT_MS after the first. Editors' temporary files and what Jekyll itself skips
 * (dot files, `_site`, `node_modules` …) are ignored.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const QUIET_MS = 25;
export const MAX_WAIT_MS = 250;

/** Folders the load stage never reads. */
const SKIPPED_DIRS = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache']);

/**
 * Swap and backup files: vim (`.x.swp`, `x~`, its `4913` probe), emacs (`.#x`, `#x#`), JetBrains
 * (`x___jb_tmp___`), and anything hidden.
 */
export function isIgnored(rel: string): boolean {
  return rel.split('/').some((part, i, all) => {
    if (part.startsWith('.') || SKIPPED_DIRS.has(part)) return true;
    if (i < all.length - 1) return false;
    return (
      part.endsWith('~') ||
      part === '4913' ||
      /^#.*#$/.test(part) ||
      /___jb_(tmp|old)___$/.test(part) ||
      /\.(swp|swx|swo|tmp|crswap)$/i.test(part)
    );
  });
}

export class SourceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  /** Files seen so far: a file that came and went between two looks (a temp file) is no change. */
  private readonly known = new Set<string>();
  private pending = new Set<string>();
  private quiet: NodeJS.Timeout | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: Set<string>) => void,
  ) {}

  async start(): Promise<void> {
    await this.watchTree('');
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.quiet);
    clearTimeout(this.deadline);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private async watchTree(dir: string): Promise<string[]> {
    if (this.closed || this.watchers.has(dir)) return [];
    const abs = path.join(this.root, dir);
    let watcher: FSWatcher;
    try {
      watcher = watch(abs, { persistent: true }, (_event, name) =>
        this.event(dir, name ? String(name) : undefined),
      );
    } catch {
      return []; // gone already, or unreadable: the loader reports what it cannot read
    }
    watcher.on('error', () => this.unwatch(dir));
    this.watchers.set(dir, watcher);
    const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (isIgnored(rel)) continue;
      if (e.isDirectory()) files.push(...(await this.watchTree(rel)));
      else {
        files.push(rel);
        this.known.add(rel);
      }
    }
    return files;
  }

  private unwatch(dir: string): void {
    for (const [d, w] of this.watchers) {
      if (d === dir || d.startsWith(`${dir}/`) || dir === '') {
        w.close();
        this.watchers.delete(d);
      }
    }
  }

  private event(dir: string, name: string | undefined): void {
    if (this.closed) return;
    // No name (some platforms, overflowing queues): the folder itself is looked at again.
    const rel = name === undefined ? dir : dir ? `${dir}/${name}` : name;
    if (rel !== '' && isIgnored(rel)) return;
    this.pending.add(rel);
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => void this.flush(), QUIET_MS);
    this.deadline ??= setTimeout(() => void this.flush(), MAX_WAIT_MS);
  }

  private async flush(): Promise<void> {
    clearTimeout(this.quiet);
    clearTimeout(this.deadline);
    this.deadline = undefined;
    const paths = this.pending;
    this.pending = new Set();
    if (this.closed || paths.size === 0) return;
    const out = new Set<string>();
    for (const rel of paths) {
      const info = await stat(path.join(this.root, rel)).catch(() => undefined);
      if (info?.isDirectory()) {
        // A new (or renamed) folder: watch it and report what it holds.
        const known = this.watchers.has(rel);
        const files = await this.watchTree(rel);
        if (!known || rel === '') files.forEach((f) => out.add(f));
        if (rel !== '') out.add(rel);
      } else if (info) {
        this.known.add(rel);
        out.add(rel);
      } else if (this.watchers.has(rel) || this.known.has(rel)) {
        // Deleted (or renamed away): a folder's files go with it.
        if (this.watchers.has(rel)) this.unwatch(rel);
        for (const f of this.known) {
          if (f === rel || f.startsWith(`${rel}/`)) {
            this.known.delete(f);
            out.add(f);
          }
        }
        out.add(rel);
      }
    }
    if (out.size > 0 && !this.closed) this.onChange(out);
  }
}
