/** Throwaway sources and runs for the trust tests: tiny sites built in the test, the real CLI. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, ROOT, type Run } from '../cli/run.js';

type Ctx = { after: (fn: () => void) => void };

export function temp(t: Ctx, prefix = 'hb-trust-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (path → text or bytes) under `root`. */
export function site(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  return root;
}

/** A minimal valid guide: one page. */
export const MINIMAL = {
  '_config.yml': 'title: Tiny guide\n',
  'guide/index.md': '---\ntitle: Welcome\n---\n\nHello **world**.\n',
};

export function handbook(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Run & { signal: string | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_CACHE: '0', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

export const STACK = /\n\s+at .+:\d+:\d+\)?(\n|$)/;

/** Every entry below `dir`, relative, sorted (empty when it does not exist). */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      out.push(e.isDirectory() ? `${r}/` : r);
      if (e.isDirectory()) walk(join(d, e.name), r);
    }
  };
  walk(dir, '');
  return out.sort();
}
