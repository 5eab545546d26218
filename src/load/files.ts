/** Disk access for the load stage: listing and reading files under the source root. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HandbookError } from '../errors.js';
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

/** Every file below `dir` (relative POSIX paths, sorted), skipping dot files and build output. */
export async function listFiles(root: string, dir = ''): Promise<string[]> {
  const abs = path.join(root, dir);
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
    if (kind?.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (!kind || kind.isFile()) out.push(rel);
  }
  return out.sort();
}

export async function readText(root: string, rel: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, rel));
  } catch (cause) {
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
