/**
 * Before anything is written: every output target is checked, so that a build that cannot
 * write one of its files fails before writing any, with a message naming the path.
 */
import { constants } from 'node:fs';
import { access, lstat, mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HandbookError } from './errors.js';
import { ioCode, outputError } from './fs-errors.js';

const OUT_HINT = 'give --out a folder (it is created when missing), or move the file away';

/** The nearest existing ancestor of a missing `dir`. */
async function nearestExisting(dir: string): Promise<{ path: string; isDir: boolean }> {
  for (let d = dirname(dir); ; d = dirname(d)) {
    const info = await stat(d).catch(() => undefined);
    if (info) return { path: d, isDir: info.isDirectory() };
    if (dirname(d) === d) return { path: d, isDir: false };
  }
}

async function assertWritable(path: string, doing: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (e) {
    throw outputError(e, path, doing) ?? e;
  }
}

/** Throws OUTPUT when `dir` cannot be (made and) written or one of `names` cannot be replaced. */
export async function checkOutputTargets(dir: string, names: readonly string[]): Promise<void> {
  const info = await stat(dir).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (info instanceof Error) {
    if (ioCode(info) !== 'ENOENT' && ioCode(info) !== 'ENOTDIR')
      throw outputError(info, dir, 'cannot use the output folder') ?? info;
    const parent = await nearestExisting(dir);
    if (!parent.isDir) {
      throw new HandbookError(
        'OUTPUT',
        `cannot create the output folder ${dir}: ${parent.path} is a file, not a folder`,
        { hint: OUT_HINT },
      );
    }
    return assertWritable(parent.path, `cannot create the output folder ${dir} in`);
  }
  if (!info.isDirectory()) {
    throw new HandbookError('OUTPUT', `the output folder ${dir} is a file, not a folder`, {
      hint: OUT_HINT,
    });
  }
  await assertWritable(dir, 'cannot write into');
  for (const name of names) {
    const target = join(dir, name);
    const t = await lstat(target).catch(() => undefined);
    if (!t || t.isFile() || t.isSymbolicLink()) continue;
    throw new HandbookError(
      'OUTPUT',
      `cannot write ${target}: a ${t.isDirectory() ? 'folder' : 'special file'} of that name is in the way`,
      { hint: 'remove or rename it, or choose another --out' },
    );
  }
}

/** Creates `dir` if needed; returns the folders made, deepest first (for `removeEmptyFolders`). */
export async function createFolders(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return [];
  const chain: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    chain.push(d);
    if (d === first || dirname(d) === d) return chain;
  }
}

/** Removes the folders a failed run created, deepest first, as long as they are empty. */
export async function removeEmptyFolders(created: readonly string[]): Promise<void> {
  for (const d of created) {
    try {
      await rmdir(d);
    } catch {
      return; // not empty (or gone): its parents are not empty either
    }
  }
}
