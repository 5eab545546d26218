/**
 * Atomic writes: every file is written beside its target under a temporary name and renamed
 * into place, so a reader never sees half a file. A build's outputs are written as one set
 * by src/output-set.ts.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempName(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Creates `path` (never over an existing file), writes it in full and flushes it to disk. */
export async function writeFlushed(path: string, data: Uint8Array | string): Promise<void> {
  const h = await open(path, 'wx', 0o644);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
}
