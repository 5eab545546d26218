/** The release being made, added to the handbook's document-control history. */
import type { ReleaseEntry } from '../config/schema.js';
import type { Handbook } from '../model.js';
import { compareVersions } from './version.js';

/**
 * The handbook with this release in its document-control history, so every format shows the
 * version being released even before an editor has added it to releases.yml.
 */
export function withReleaseEntry(hb: Handbook, entry: ReleaseEntry): Handbook {
  if (hb.releases.some((r) => compareVersions(r.version, entry.version) === 0)) return hb;
  return { ...hb, releases: [...hb.releases, entry] };
}
