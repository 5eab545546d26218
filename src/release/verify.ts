/**
 * `handbook verify <release-dir>`: proves a release folder is what `release` wrote. Not only
 * that each listed file matches its SHA-256 (a manifest can be rewritten to match anything),
 * but that the manifest itself describes a release: the whole file set a release writes is
 * listed and present, nothing else is there, no entry is a symbolic link, the version is the
 * folder's name (strict SemVer) and is the version the snapshot and the HTML carry.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { HandbookError } from '../errors.js';
import { FORMATS, type Format } from '../options.js';
import {
  MANIFEST_FORMAT,
  RELEASE_FORMATS,
  MANIFEST_NAME,
  parseManifest,
  sha256,
  type Manifest,
} from './manifest.js';
import { isReleaseVersion } from './version.js';
import { editionFileSet, editionProblems, releaseEntries } from '../editions/verify.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: string[];
}

export interface VerifyOptions {
  /** The formats the release must hold: every format unless a test says otherwise. */
  formats?: readonly Format[];
}

/** The files `release` writes besides the handbooks and the manifest. */
const NOTES = ['CHANGES.md', 'snapshot.json'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function plainFile(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error)
    return info.code === 'ENOENT' ? 'missing' : `unreadable (${info.code})`;
  if (info.isSymbolicLink()) return 'is a symbolic link (a release holds plain files only)';
  if (!info.isFile()) return 'is not a plain file';
  return undefined;
}

export async function verify(dir: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const root = resolve(dir);
  const info = await lstat(root).catch(() => undefined);
  const target = info?.isSymbolicLink()
    ? await lstat(await realpath(root)).catch(() => undefined)
    : info;
  if (!target?.isDirectory()) {
    throw new HandbookError('RELEASE_INVALID', `${dir} is not a release directory`, {
      hint: 'give the path of a release, e.g. dist/releases/1.0.0',
    });
  }
  if (info?.isSymbolicLink())
    return {
      ok: false,
      checked: 0,
      problems: [`${dir}: is a symbolic link, not a release folder`],
    };
  const why = await plainFile(join(root, MANIFEST_NAME));
  let manifest: Manifest;
  try {
    if (why) throw new Error(why);
    manifest = parseManifest(await readFile(join(root, MANIFEST_NAME), 'utf8'));
  } catch (e) {
    const reason = why ?? `unreadable (${(e as Error).message})`;
    return { ok: false, checked: 0, problems: [`${MANIFEST_NAME}: ${reason}`] };
  }

  const problems = [...manifestProblems(manifest, basename(root)), ...editionProblems(manifest)];
  const formats = opts.formats ?? RELEASE_FORMATS[manifest.format] ?? FORMATS;
  const expected =
    editionFileSet(manifest, formats) ?? formats.map((f) => `handbook.${f}`).concat(NOTES);
  const listed = new Map<string, Manifest['files'][number]>();
  for (const f of manifest.files) {
    if (listed.has(f.name)) problems.push(`${f.name}: listed twice in the manifest`);
    listed.set(f.name, f);
  }
  for (const name of expected) {
    if (!listed.has(name))
      problems.push(`${name}: not listed in the manifest (a release holds ${expected.join(', ')})`);
  }
  for (const name of listed.keys()) {
    if (!expected.includes(name))
      problems.push(`${name}: listed in the manifest, but not a file a release holds`);
  }

  let checked = 0;
  for (const f of listed.values()) {
    const bad = await plainFile(join(root, f.name));
    if (bad) {
      problems.push(`${f.name}: ${bad}`);
      continue;
    }
    const data = await readFile(join(root, f.name));
    checked++;
    if (
      basename(f.name) === 'handbook.pdf' &&
      !(Number.isInteger(f.pageCount) && (f.pageCount ?? 0) > 0)
    )
      problems.push(`${f.name}: the manifest gives no page count`);
    if (!/^[0-9a-f]{64}$/.test(f.sha256))
      problems.push(`${f.name}: the manifest's SHA-256 is not a SHA-256`);
    else if (data.byteLength !== f.bytes) {
      problems.push(
        `${f.name}: size ${data.byteLength} bytes differs from the manifest's ${f.bytes} (file changed)`,
      );
    } else if (sha256(data) !== f.sha256) {
      problems.push(`${f.name}: SHA-256 differs from the manifest (file changed)`);
    } else {
      problems.push(...contentProblems(f.name, data, manifest));
    }
  }
  for (const name of await releaseEntries(root, manifest)) {
    if (name === MANIFEST_NAME || listed.has(name)) continue;
    const link = (await lstat(join(root, name))).isSymbolicLink() ? ' (a symbolic link)' : '';
    problems.push(`${name}: unexpected file${link} (not in the manifest)`);
  }
  return { ok: problems.length === 0, checked, problems };
}

/** The manifest's own fields: its format, the tool that wrote it, the version = the folder. */
function manifestProblems(m: Manifest, folder: string): string[] {
  const problems: string[] = [];
  const at = `${MANIFEST_NAME}:`;
  if (RELEASE_FORMATS[m.format] === undefined)
    problems.push(
      `${at} format ${String(m.format)} is not one this toolchain knows (1 to ${MANIFEST_FORMAT})`,
    );
  if (m.toolchain?.name !== 'handbook-press')
    problems.push(`${at} not written by handbook-press (toolchain.name)`);
  if (!isReleaseVersion(m.version))
    problems.push(`${at} version "${m.version}" is not a release version`);
  if (m.version !== folder)
    problems.push(`${at} version "${m.version}" differs from the folder's name "${folder}"`);
  if (typeof m.date !== 'string' || !ISO_DATE.test(m.date))
    problems.push(`${at} date is not YYYY-MM-DD`);
  if (typeof m.title !== 'string' || m.title === '') problems.push(`${at} no title`);
  return problems;
}

/** What the files themselves say must agree with the manifest (cheap checks only). */
function contentProblems(file: string, data: Buffer, m: Manifest): string[] {
  const name = basename(file);
  if (name === 'snapshot.json') {
    let snap: { version?: unknown; date?: unknown };
    try {
      snap = JSON.parse(data.toString('utf8')) as typeof snap;
    } catch {
      return [`${file}: not JSON`];
    }
    if (snap.version !== m.version || snap.date !== m.date)
      return [
        `${file}: version ${String(snap.version)} of ${String(snap.date)} differs from the manifest's ${m.version} of ${m.date}`,
      ];
  }
  if (name === 'handbook.html' && !data.toString('utf8').includes(m.version))
    return [`${file}: does not carry the manifest's version ${m.version}`];
  return [];
}
