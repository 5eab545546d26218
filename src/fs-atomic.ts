/**
 * Atomic writes: every file is written beside its target under a temporary name and renamed
 * into place, so a reader never sees half a handbook and a failed build leaves nothing.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * Writes several files so that either all of them land or none does: all are written to
 * temporary names first, then renamed one after the other.
 */
export async function writeFilesAtomic(
  files: { path: string; data: Uint8Array | string }[],
): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const temp = tempName(f.path);
      staged.push({ temp, path: f.path });
      await writeFile(temp, f.data);
    }
    for (const s of staged) await rename(s.temp, s.path);
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw e;
  }
}
