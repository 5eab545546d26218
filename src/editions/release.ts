/**
 * `release <version> --edition ID|all`: every edition built from the same sources in this one
 * process, sharing one browser, into `<out>/releases/<version>/<edition>/` (the handbooks and
 * the edition's snapshot), with one CHANGES.md saying what each edition adds and leaves out
 * and one manifest.json listing every edition's files with their SHA-256. As a release of the
 * main guide: gate first, nothing written before everything is built, never overwritten.
 */
import { resolve, join } from 'node:path';
import { build, type BuildResult } from '../build.js';
import { check, summarise } from '../check.js';
import { formatFinding, type Finding } from '../diagnostics.js';
import { HandbookError } from '../errors.js';
import { defaultSource, FORMATS, resolveDate } from '../options.js';
import { checkOutputTargets } from '../output-targets.js';
import type { BrowserSession } from '../pdf/browser.js';
import { withReleaseEntry } from '../release/document-control.js';
import { allowedSourceErrors, gateError } from '../release/gate.js';
import { sourceState } from '../release/git.js';
import { fileEntry, MANIFEST_NAME, serializeManifest, type Manifest } from '../release/manifest.js';
import { notesSummary, renderNotes } from '../release/notes.js';
import { findPrevious, SNAPSHOT_NAME } from '../release/previous.js';
import { diffSnapshots } from '../release/diff.js';
import {
  CHANGES_NAME,
  manifestFor,
  type ReleaseOptions,
  type ReleaseResult,
} from '../release/release.js';
import { takeSnapshot } from '../release/snapshot.js';
import { assertAbsent, cleanStaleTemps, Stage } from '../release/staging.js';
import { assertNoEqualVersion, validateVersion } from '../release/version.js';
import { readFile } from 'node:fs/promises';
import { editionNotes } from './notes.js';
import { selectEditions } from './resolve.js';

interface Built {
  id: string;
  result: BuildResult;
}

export async function releaseEditions(
  opts: ReleaseOptions,
  wanted: string,
): Promise<ReleaseResult> {
  const version = validateVersion(opts.version);
  const date = resolveDate(opts.date);
  const source = opts.source === undefined ? defaultSource() : resolve(opts.source);
  const ids = await selectEditions(source, wanted);
  const releasesDir = join(resolve(opts.out ?? 'dist'), 'releases');
  const strict = opts.strict ?? false;
  const allow = opts.allowSourceErrors ?? false;
  await assertAbsent(version, join(releasesDir, version));
  await assertNoEqualVersion(version, releasesDir);
  await checkOutputTargets(releasesDir, []);
  const notes = opts.notes === undefined ? undefined : await readNotes(opts.notes);
  await cleanStaleTemps(releasesDir);
  const gate = gateError(
    await check({ source, strict, progress: opts.progress, edition: wanted }),
    strict,
    allow,
  );
  if (gate) throw gate;

  const summary = notesSummary(notes) ?? `Release ${version}`;
  const built = await buildAll(ids, opts, { source, version, date, summary });
  const findings = merged(built);
  const late = gateError(summarise(findings, strict), strict, allow);
  if (late) throw late;

  const main = built[0]!;
  const snapshots = built.map((b) => ({
    id: b.id,
    snapshot: takeSnapshot(b.result.handbook, b.result.findings),
  }));
  // The main guide's changes since the last release of it (a plain one: its snapshot is at the top).
  const first = snapshots[0]!;
  const previous = first.id === 'default' ? await findPrevious(releasesDir, version) : undefined;
  const changes = `${renderNotes({
    version,
    date,
    snapshot: first.snapshot,
    notes,
    ...(previous
      ? {
          previous: { snapshot: previous.snapshot, commit: previous.commit },
          changes: diffSnapshots(previous.snapshot, first.snapshot),
        }
      : {}),
  }).trimEnd()}\n\n${editionNotes(built.map((b) => ({ id: b.id, handbook: b.result.handbook })))}`;
  const written: { name: string; data: Uint8Array | string; pageCount: number | null }[] = [
    ...built.flatMap((b) =>
      b.result.outputs.map((o) => ({
        name: `${b.id}/${o.name}`,
        data: o.bytes,
        pageCount: o.pageCount ?? null,
      })),
    ),
    ...snapshots.map((s) => ({
      name: `${s.id}/${SNAPSHOT_NAME}`,
      data: `${JSON.stringify(s.snapshot, null, 2)}\n`,
      pageCount: null,
    })),
    { name: CHANGES_NAME, data: changes, pageCount: null },
  ];
  const manifest: Manifest = {
    ...manifestFor(
      { ...main.result, findings },
      written.map((f) => fileEntry(f.name, f.data, f.pageCount)),
      await sourceState(source),
      previous?.version ?? null,
    ),
    editions: built.map((b) => {
      const meta = b.result.handbook.meta;
      return {
        id: b.id,
        title: meta.title,
        organisation: meta.organisation ?? null,
        adds: meta.edition?.adds ?? [],
        leavesOut: meta.edition?.leavesOut ?? [],
      };
    }),
  };
  const allowed = allow ? allowedSourceErrors(findings) : [];
  if (allowed.length)
    manifest.allowedSourceErrors = allowed.map((f) => ({
      file: f.file,
      line: f.line ?? null,
      message: f.message,
    }));

  const stage = await Stage.open(releasesDir, version);
  try {
    for (const f of written) await stage.write(f.name, f.data);
    const json = serializeManifest(manifest);
    await stage.write(MANIFEST_NAME, json);
    await assertNoEqualVersion(version, releasesDir);
    const dir = await stage.commit();
    return { dir, manifest: JSON.parse(json) as Manifest, changes };
  } finally {
    await stage.discard();
  }
}

async function buildAll(
  ids: string[],
  opts: ReleaseOptions,
  r: { source: string; version: string; date: string; summary: string },
): Promise<Built[]> {
  const formats = opts.formats ?? [...FORMATS];
  let owned: BrowserSession | undefined;
  if (!opts.session && formats.includes('pdf')) {
    const { openSession } = await import('../pdf/browser.js');
    owned = await openSession({ chrome: opts.chrome });
  }
  const session = opts.session ?? owned;
  try {
    const out: Built[] = [];
    for (const id of ids) {
      const result = await build({
        source: r.source,
        formats,
        version: r.version,
        date: r.date,
        chrome: opts.chrome,
        progress: opts.progress,
        session,
        edition: id,
        // A release is built from its sources alone, never from the build cache.
        cache: false,
        adjust: (hb) =>
          withReleaseEntry(hb, { version: r.version, date: r.date, summary: r.summary }),
      });
      out.push({ id, result });
    }
    return out;
  } finally {
    await owned?.close();
  }
}

/** Every edition's findings once (the main guide's are in every edition). */
function merged(built: Built[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const b of built)
    for (const f of b.result.findings) {
      const key = formatFinding(f);
      if (!seen.has(key)) out.push(f);
      seen.add(key);
    }
  return out;
}

async function readNotes(path: string): Promise<string> {
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
