/**
 * Chromium profiles (`<tmp>/handbook-chrome-<pid>-XXXXXX`) are removed when a session closes,
 * also on SIGINT/SIGTERM; a build killed outright (SIGKILL, power loss) cannot, so every build
 * removes at start the profiles whose process is gone.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../release/staging.js';

export const PROFILE_PREFIX = 'handbook-chrome-';
const OURS = /^handbook-chrome-(\d+)-[A-Za-z0-9]{6}$/;
/** Profiles named before the pid was part of the name: stale once this old. */
const LEGACY = /^handbook-chrome-[A-Za-z0-9]{6}$/;
const LEGACY_AGE_MS = 6 * 60 * 60 * 1000;

/** The mkdtemp prefix of this process's profiles. */
export function profilePrefix(dir = tmpdir()): string {
  return join(dir, `${PROFILE_PREFIX}${process.pid}-`);
}

/** Removes the profiles of dead processes in `dir` (only this user's); returns their names. */
export async function removeStaleProfiles(dir = tmpdir(), alive = pidAlive): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m && !LEGACY.test(name)) continue;
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    const pid = m ? Number(m[1]) : undefined;
    const stale =
      pid === undefined
        ? Date.now() - info.mtimeMs > LEGACY_AGE_MS
        : pid !== process.pid && !alive(pid);
    if (!stale) continue;
    await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
