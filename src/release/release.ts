/**
 * `handbook release <version>`: gate → build every format (version and date stamped, the
 * release in document control) → snapshot, notes, manifest → staged and renamed into
 * `<out>/releases/<version>/`. Nothing is written before everything is built.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build, type BuildResult } from '../build.js';
import { check, summarise } from '../check.js';
import { HandbookError } from '../errors.js';
import { defaultSource, FORMATS, resolveDate, type Format } from '../options.js';
import type { BrowserSession } from '../pdf/browser.js';
import type { ProgressSink } from '../progress.js';
import { TOOL_VERSION } from '../version.js';
import { diffSnapshots } from './diff.js';
import { withReleaseEntry } from './document-control.js';
import { allowedSourceErrors, gateError } from './gate.js';
import { sourceState } from './git.js';
import {
  countFindings,
  fileEntry,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  serializeManifest,
  type Manifest,
} from './manifest.js';
import { notesSummary, renderNotes } from './notes.js';
import { findPrevious, SNAPSHOT_NAME } from './previous.js';
import { takeSnapshot } from './snapshot.js';
import { assertAbsent, cleanStaleTemps, onInterrupt, Stage } from './staging.js';
import { assertNoEqualVersion, validateVersion } from './version.js';
import { checkOutputTargets } from '../output-targets.js';

export const CHANGES_NAME = 'CHANGES.md';

export interface ReleaseOptions {
  version: string;
  date?: string;
  /** A Markdown file whose text heads CHANGES.md; its first paragraph is the document-control summary. */
  notes?: string;
  source?: string;
  out?: string;
  /** Release despite front matter YAML errors (Jekyll builds past them); recorded in the manifest. */
  allowSourceErrors?: boolean;
  /** Refuse while warnings or GAP notes remain. */
  strict?: boolean;
  chrome?: string;
  progress?: ProgressSink;
  session?: BrowserSession;
  /** Every format by default; fewer for tests and previews. */
  formats?: Format[];
  /** Editions to release (an id or `all`): `<version>/<edition>/…` (src/editions/release.ts). */
  edition?: string;
}

export interface ReleaseResult {
  dir: string;
  manifest: Manifest;
  changes: string;
}

async function readNotes(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new HandbookError(
      'UNREADABLE_FILE',
      `cannot read the release notes: ${(e as Error).message}`,
      {
        file: path,
        hint: '--notes takes a Markdown file',
      },
    );
  }
}

export function manifestFor(
  result: BuildResult,
  files: Manifest['files'],
  source: Manifest['source'],
  previous: string | null,
): Manifest {
  const { handbook, findings, browser } = result;
  return {
    format: MANIFEST_FORMAT,
    title: handbook.meta.title,
    version: handbook.meta.version,
    date: handbook.meta.date,
    previous,
    source,
    toolchain: { name: 'handbook-press', version: TOOL_VERSION, node: process.version },
    // The executable's name only: an absolute path differs between machines and users.
    browser: browser ? { version: browser.version, executable: basename(browser.path) } : null,
    findings: countFindings(findings),
    gaps: findings
      .filter((f) => f.code === 'gap-note')
      .map((f) => ({ file: f.file, line: f.line ?? null, message: f.message })),
    files,
  };
}

export async function release(opts: ReleaseOptions): Promise<ReleaseResult> {
  if (opts.edition !== undefined)
    return (await import('../editions/release.js')).releaseEditions(opts, opts.edition);
  const version = validateVersion(opts.version);
  const date = resolveDate(opts.date);
  const source = opts.source === undefined ? defaultSource() : resolve(opts.source);
  const releasesDir = join(resolve(opts.out ?? 'dist'), 'releases');
  const strict = opts.strict ?? false;
  await assertAbsent(version, join(releasesDir, version));
  await assertNoEqualVersion(version, releasesDir);
  // A folder that cannot be written fails now, not after the build.
  await checkOutputTargets(releasesDir, []);
  const notes = await readNotes(opts.notes);

  let stage: Stage | undefined;
  let interrupted: string | undefined;
  const off = onInterrupt((signal) => {
    interrupted = signal;
    stage?.discardSync();
  });
  const stopIfInterrupted = (): void => {
    if (interrupted)
      throw new HandbookError(
        'RELEASE_INVALID',
        `release ${version} interrupted (${interrupted}); nothing was written`,
      );
  };
  try {
    await cleanStaleTemps(releasesDir);
    const allow = opts.allowSourceErrors ?? false;
    // The main guide only: a release of editions (src/editions/release.ts) gates on every edition.
    const gate = gateError(
      await check({ source, strict, progress: opts.progress, edition: 'default' }),
      strict,
      allow,
    );
    if (gate) throw gate;

    const summary = notesSummary(notes) ?? `Release ${version}`;
    const result = await build({
      source,
      formats: opts.formats ?? [...FORMATS],
      version,
      date,
      chrome: opts.chrome,
      progress: opts.progress,
      session: opts.session,
      // A release is built from its sources alone, never from the build cache.
      cache: false,
      adjust: (hb) => withReleaseEntry(hb, { version, date, summary }),
    });
    const late = gateError(summarise(result.findings, strict), strict, allow);
    if (late) throw late;

    const snapshot = takeSnapshot(result.handbook, result.findings);
    const previous = await findPrevious(releasesDir, version);
    const changes = renderNotes({
      version,
      date,
      snapshot,
      notes,
      previous: previous && { snapshot: previous.snapshot, commit: previous.commit },
      changes: previous && diffSnapshots(previous.snapshot, snapshot),
    });
    const written: { name: string; data: Uint8Array | string; pageCount: number | null }[] = [
      ...result.outputs.map((o) => ({
        name: o.name,
        data: o.bytes,
        pageCount: o.pageCount ?? null,
      })),
      { name: CHANGES_NAME, data: changes, pageCount: null },
      { name: SNAPSHOT_NAME, data: `${JSON.stringify(snapshot, null, 2)}\n`, pageCount: null },
    ];
    const manifest = manifestFor(
      result,
      written.map((f) => fileEntry(f.name, f.data, f.pageCount)),
      await sourceState(source),
      previous?.version ?? null,
    );
    const allowed = allow ? allowedSourceErrors(result.findings) : [];
    if (allowed.length)
      manifest.allowedSourceErrors = allowed.map((f) => ({
        file: f.file,
        line: f.line ?? null,
        message: f.message,
      }));

    stopIfInterrupted();
    stage = await Stage.open(releasesDir, version);
    for (const f of written) await stage.write(f.name, f.data);
    const manifestJson = serializeManifest(manifest);
    await stage.write(MANIFEST_NAME, manifestJson);
    stopIfInterrupted();
    await assertNoEqualVersion(version, releasesDir);
    const dir = await stage.commit();
    // What was written, in the file's (canonical) order.
    return { dir, manifest: JSON.parse(manifestJson) as Manifest, changes };
  } finally {
    off();
    await stage?.discard();
  }
}
