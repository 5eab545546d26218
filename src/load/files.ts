/** Disk access for the load stage: listing and reading files under the source root. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { HandbookError } from '../errors.js';
import { MAX_FILE_BYTES } from '../limits.js';
import { decodeUtf8 } from './encoding.js';

/** Directories Jekyll never treats as content, whatever `_config.yml` says. */
const ALWAYS_SKIPPED = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache']);

export async function assertSourceDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new HandbookError('SOURCE_NOT_FOUND', `source directory not found: ${dir}`, {
      file: dir,
      hint: 'pass the folder holding the Jekyll site (the one with _config.yml), e.g. --source content',
    });
  }
}

/**
 * Every file below `dir` (relative POSIX paths, sorted), skipping dot files and build output.
 * Symbolic links are followed as Jekyll follows them, but only inside the source tree: a
 * link out of it, or a folder link back to one of its own ancestors (a loop), is an error
 * naming the link.
 */
export async function listFiles(
  root: string,
  dir = '',
  ancestors?: Set<string>,
): Promise<string[]> {
  const abs = path.join(root, dir);
  const realRoot = await realRootOf(root);
  const seen = ancestors ?? new Set([await realpath(abs).catch(() => abs)]);
  const entries = await readdir(abs, { withFileTypes: true }).catch((cause: unknown) => {
    throw new HandbookError(
      'UNREADABLE_FILE',
      `cannot read the folder ${dir || '.'}: ${(cause as Error).message}`,
      {
        file: dir || '.',
        hint: 'check that the folder is readable',
        cause,
      },
    );
  });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || ALWAYS_SKIPPED.has(e.name)) continue;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    // Jekyll follows symbolic links; a dangling one is listed so that reading it fails loudly.
    const kind = e.isSymbolicLink() ? await stat(path.join(root, rel)).catch(() => undefined) : e;
    if (e.isSymbolicLink() && kind) await insideSource(root, realRoot, rel);
    if (kind?.isDirectory()) {
      const real = await realpath(path.join(root, rel));
      if (seen.has(real)) {
        throw new HandbookError(
          'UNREADABLE_FILE',
          `${rel} is a symbolic link loop: it leads back to a folder it is in`,
          {
            file: rel,
            hint: 'remove the link, or point it at a folder outside its own path',
          },
        );
      }
      out.push(...(await listFiles(root, rel, new Set([...seen, real]))));
    } else if (!kind || kind.isFile()) out.push(rel);
  }
  return out.sort();
}

/**
 * Whether the real path `real` lies in the real source root (the root itself included: a link
 * back to it is a loop, reported as one): the one rule of the jail, for pages, includes, data,
 * images and `include_relative` alike (both paths already realpath'd).
 */
export function isInside(realRoot: string, real: string): boolean {
  const back = path.relative(realRoot, real);
  return !back.startsWith('..') && !path.isAbsolute(back);
}

const realRoots = new Map<string, Promise<string>>();

function realRootOf(root: string): Promise<string> {
  let real = realRoots.get(root);
  if (!real) realRoots.set(root, (real = realpath(root).catch(() => path.resolve(root))));
  return real;
}

/**
 * The real path of `rel`, which must lie inside the real source root: nothing outside the
 * source tree is ever read, whatever symbolic links say.
 */
export async function insideSource(root: string, realRoot: string, rel: string): Promise<string> {
  const real = await realpath(path.join(root, rel));
  if (!isInside(realRoot, real)) {
    throw new HandbookError(
      'UNREADABLE_FILE',
      `${rel} is a symbolic link to ${real}, outside the source folder; it is not read`,
      {
        file: rel,
        hint: 'copy the file into the source folder instead of linking to it',
      },
    );
  }
  return real;
}

export async function readText(root: string, rel: string): Promise<string> {
  let real: string;
  try {
    real = await insideSource(root, await realRootOf(root), rel);
  } catch (cause) {
    if (cause instanceof HandbookError) throw cause;
    real = path.join(root, rel); // missing: reading it reports it
  }
  let bytes: Buffer;
  try {
    const info = await stat(real);
    if (info.size > MAX_FILE_BYTES) {
      throw new HandbookError(
        'UNREADABLE_FILE',
        `${rel} is ${info.size} bytes, more than the limit of ${MAX_FILE_BYTES}`,
        {
          file: rel,
          hint: 'split the file; a handbook page this large is a mistake (see Limits in the README)',
        },
      );
    }
    bytes = await readFile(real);
  } catch (cause) {
    if (cause instanceof HandbookError) throw cause;
    throw new HandbookError('UNREADABLE_FILE', `cannot read ${rel}: ${(cause as Error).message}`, {
      file: rel,
      hint: 'check that the file exists and is readable',
      cause,
    });
  }
  return decodeUtf8(bytes, rel);
}

/** Reads an optional file: undefined when it does not exist, UNREADABLE_FILE otherwise. */
export async function readOptional(root: string, rel: string): Promise<string | undefined> {
  const info = await stat(path.join(root, rel)).catch(() => undefined);
  if (!info) return undefined;
  return readText(root, rel);
}
