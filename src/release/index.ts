/** Versioned, reproducible releases: `release()`, `verify()` and the release notes. */
export { release, CHANGES_NAME, type ReleaseOptions, type ReleaseResult } from './release.js';
export { verify, type VerifyResult } from './verify.js';
export {
  MANIFEST_NAME,
  serializeManifest,
  parseManifest,
  type Manifest,
  type ManifestFile,
} from './manifest.js';
export { SNAPSHOT_NAME, findPrevious } from './previous.js';
export {
  takeSnapshot,
  parseSnapshot,
  type Snapshot,
  type SnapshotChapter,
  type SnapshotSection,
} from './snapshot.js';
export { diffSnapshots, type ChangeSet } from './diff.js';
export { renderNotes } from './notes.js';
export { compareVersions, validateVersion } from './version.js';
