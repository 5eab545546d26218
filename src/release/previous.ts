/**
 * The release the notes compare with: the highest version below this one, among the
 * releases in the same output directory that kept a snapshot. Staging directories (`.tmp-*`)
 * and anything else that is not a version are ignored.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HandbookError } from '../errors.js';
import { MANIFEST_NAME, parseManifest } from './manifest.js';
import { parseSnapshot, type Snapshot } from './snapshot.js';
import { compareVersions, isReleaseVersion } from './version.js';

export const SNAPSHOT_NAME = 'snapshot.json';

export interface PreviousRelease {
  version: string;
  dir: string;
  snapshot: Snapshot;
  commit: string | null;
}

export async function findPrevious(
  releasesDir: string,
  version: string,
): Promise<PreviousRelease | undefined> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  const below = names
    .filter((n) => isReleaseVersion(n) && compareVersions(n, version) < 0)
    .sort((a, b) => compareVersions(b, a));
  for (const name of below) {
    const dir = join(releasesDir, name);
    const json = await readFile(join(dir, SNAPSHOT_NAME), 'utf8').catch(() => undefined);
    if (json === undefined) continue; // not made by this tool (or by an older one): look further back
    let snapshot: Snapshot;
    try {
      snapshot = parseSnapshot(json);
    } catch (e) {
      throw new HandbookError(
        'RELEASE_INVALID',
        `the snapshot of release ${name} is damaged: ${(e as Error).message}`,
        {
          file: join(dir, SNAPSHOT_NAME),
          hint: `run \`handbook verify ${dir}\`; a release directory must not be edited`,
        },
      );
    }
    const manifest = await readFile(join(dir, MANIFEST_NAME), 'utf8')
      .then(parseManifest)
      .catch(() => undefined);
    return { version: name, dir, snapshot, commit: manifest?.source?.commit ?? null };
  }
  return undefined;
}
