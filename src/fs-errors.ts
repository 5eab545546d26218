/**
 * Environment errors are user errors: a full disk, a read-only folder or an output name taken
 * by a folder is something the user can fix, so it becomes one HandbookError naming the path
 * and what to do (exit 1), never an internal error with a stack trace.
 */
import { HandbookError } from './errors.js';

const WHAT: Record<string, { why: string; hint: string }> = {
  EACCES: { why: 'permission denied', hint: 'make the folder writable or choose another --out' },
  EPERM: {
    why: 'permission denied',
    hint: 'close any program that has the file open, make the folder writable, or choose another --out',
  },
  EROFS: { why: 'the file system is read-only', hint: 'choose another --out' },
  ENOSPC: { why: 'no space left on the disk', hint: 'free some space or choose another --out' },
  EDQUOT: { why: 'the disk quota is used up', hint: 'free some space or choose another --out' },
  EFBIG: { why: 'the file is too large for the disk', hint: 'choose another --out' },
  ENOTDIR: {
    why: 'a file is in the way of a folder',
    hint: 'remove that file or choose another --out',
  },
  EEXIST: {
    why: 'a file is in the way of a folder',
    hint: 'remove that file or choose another --out',
  },
  EISDIR: {
    why: 'a folder is in the way of an output file',
    hint: 'remove or rename that folder, or choose another --out',
  },
  ENAMETOOLONG: { why: 'the path is too long', hint: 'choose a shorter --out' },
  EMFILE: { why: 'too many open files', hint: 'close other programs and try again' },
  EBUSY: { why: 'the file is in use', hint: 'close the program holding it and try again' },
};

export function ioCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The HandbookError for an I/O failure writing `path`, or undefined when it is not one. */
export function outputError(
  e: unknown,
  path: string,
  doing = 'cannot write',
): HandbookError | undefined {
  if (e instanceof HandbookError) return e;
  const code = ioCode(e);
  const what = code ? WHAT[code] : undefined;
  if (!what) return undefined;
  return new HandbookError('OUTPUT', `${doing} ${path}: ${what.why} (${code})`, {
    hint: what.hint,
    cause: e,
  });
}

/** Runs `fn`; an I/O failure becomes the user error of `outputError`. */
export async function asOutputError<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw outputError(e, path) ?? e;
  }
}
