/**
 * Files an image src names in the source tree, shared by the HTML and Word renderers.
 * After Liquid, `{{ site.baseurl }}/assets/x.png` reads `/prm-practice-migration/assets/x.png`
 * (or a staging copy's prefix), which is no folder of the sources; so, as the link resolver
 * does for pages, leading segments are dropped one at a time until a file exists. Nothing
 * outside the source tree is ever read.
 */
import { readFile, realpath } from 'node:fs/promises';
import nodePath, { type PlatformPath } from 'node:path';
import { isInside } from './load/files.js';
import { sanitizeSvg } from './transform/sanitize.js';

/**
 * The file `src` names literally inside `root`, or undefined for remote, data: or escaping srcs.
 * `path` is the platform's path module (tests pass `path.win32`): a src is a URL path (`/`), the
 * file it names is in the platform's syntax (`C:\site\assets\x.png`), and a backslash, which
 * Windows reads as a separator, can never climb out of the tree.
 */
export function assetPath(
  src: string,
  root: string,
  path: PlatformPath = nodePath,
): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  let clean: string;
  try {
    clean = decodeURIComponent(src.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
  } catch {
    return undefined; // a malformed %-escape names no file
  }
  const full = path.resolve(root, clean);
  const rel = path.relative(path.resolve(root), full);
  const escapes = rel.split(path.sep)[0] === '..' || path.isAbsolute(rel);
  return rel === '' || escapes ? undefined : full;
}

/** Files `src` may name, most literal first. */
export function assetCandidates(
  src: string,
  root: string,
  path: PlatformPath = nodePath,
): string[] {
  const first = assetPath(src, root, path);
  if (!first) return [];
  const segments = path.relative(path.resolve(root), first).split(path.sep);
  return segments.map((_, i) => path.join(path.resolve(root), ...segments.slice(i)));
}

/** The first candidate that can be read, with its bytes. */
export async function readAsset(
  src: string,
  root: string,
): Promise<{ file: string; bytes: Uint8Array } | undefined> {
  const path = nodePath;
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  for (const file of assetCandidates(src, root)) {
    try {
      // Symbolic links are followed only while they stay inside the source tree.
      const real = await realpath(file);
      if (real === realRoot || !isInside(realRoot, real)) continue;
      const bytes = new Uint8Array(await readFile(real));
      return { file, bytes: /\.svg$/i.test(file) ? cleanSvg(bytes) : bytes };
    } catch {
      // not here: try without the next leading segment
    }
  }
  return undefined;
}

/** An SVG file goes through the same allow-list as SVG in pages: no script, no external reference. */
function cleanSvg(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.from(sanitizeSvg(Buffer.from(bytes).toString('utf8')).text, 'utf8'));
}
