/**
 * Real Jekyll, the oracle of the differential tier. Sites are copied to a temporary folder
 * first: Jekyll writes caches and metadata into the source it builds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let available: boolean | undefined;

/** Throws (failing the test) when Jekyll is not installed: .ci/run installs it. */
export function requireJekyll(): void {
  available ??= (() => {
    try {
      execFileSync('jekyll', ['--version'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!available)
    throw new Error(
      'jekyll is not installed: apt-get install jekyll ruby-kramdown-parser-gfm (.ci/run does)',
    );
}

export interface JekyllSite {
  /** The copy of the sources Jekyll built. */
  source: string;
  /** Jekyll's _site. */
  dest: string;
  /** A file of the built site, or undefined. */
  read(rel: string): string | undefined;
}

/** Copies `source` (and `extra` files over it), builds it with Jekyll, returns the output. */
export function buildWithJekyll(source: string, extra: Record<string, string> = {}): JekyllSite {
  requireJekyll();
  const work = mkdtempSync(path.join(tmpdir(), 'hb-jekyll-'));
  const src = path.join(work, 'src');
  const dest = path.join(work, 'site');
  cpSync(source, src, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) writeInto(src, rel, text);
  execFileSync(
    'jekyll',
    ['build', '--source', src, '--destination', dest, '--safe', '--quiet', '--disable-disk-cache'],
    // A fixed time zone: date filters must not depend on the machine.
    { stdio: 'pipe', env: { ...process.env, TZ: 'UTC', JEKYLL_ENV: 'production' } },
  );
  return {
    source: src,
    dest,
    read: (rel) => {
      const file = path.join(dest, rel);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

function writeInto(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
