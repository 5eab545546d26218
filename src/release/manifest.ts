/**
 * manifest.json: what a release is and how to prove a copy unaltered. It is byte-compared
 * between rebuilds, so it holds nothing that differs between two runs on one machine: no
 * clock, no absolute paths, no timings.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../diagnostics.js';
import type { GapNote } from './snapshot.js';
import { FORMATS, type Format } from '../options.js';

export const MANIFEST_NAME = 'manifest.json';
/** `<edition id>/` at the start of a file name (src/editions/schema.ts EDITION_ID). */
const EDITION_FOLDER = /^(?:default|[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\//;
/** The format this toolchain writes. 2: releases hold the EPUB too. */
export const MANIFEST_FORMAT = 2;

/**
 * The handbooks a release of each manifest format holds, so that a release made before a
 * format was added still verifies as what it was (a release is never rewritten).
 */
export const RELEASE_FORMATS: Readonly<Record<number, readonly Format[]>> = {
  1: ['html', 'pdf', 'docx'],
  2: FORMATS,
};

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
  /** Pages of the PDF; null where the format has no fixed pages (HTML, DOCX, text). */
  pageCount: number | null;
}

export interface Manifest {
  format: number;
  title: string;
  version: string;
  date: string;
  /** The release compared with in CHANGES.md, if any. */
  previous: string | null;
  source: { commit: string | null; dirty: boolean | null };
  toolchain: { name: string; version: string; node: string };
  /** The Chromium that printed the PDF (null when no PDF was built). */
  browser: { version: string; executable: string } | null;
  findings: { errors: number; warnings: number; notes: number; gaps: number };
  gaps: GapNote[];
  files: ManifestFile[];
  /** Source errors released anyway with `--allow-source-errors` (absent when none). */
  allowedSourceErrors?: { file: string; line: number | null; message: string }[];
  /** A release of editions (`release --edition`): each one's files are `<id>/<name>`. */
  editions?: ManifestEdition[];
}

export interface ManifestEdition {
  id: string;
  title: string;
  organisation: string | null;
  /** Titles of the pages it adds and of the chapters and sections it leaves out. */
  adds: string[];
  leavesOut: string[];
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fileEntry(
  name: string,
  data: Uint8Array | string,
  pageCount: number | null = null,
): ManifestFile {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
  return { name, bytes, sha256: sha256(data), pageCount };
}

export function countFindings(findings: Finding[]): Manifest['findings'] {
  const n = (p: (f: Finding) => boolean): number => findings.filter(p).length;
  return {
    errors: n((f) => f.severity === 'error'),
    warnings: n((f) => f.severity === 'warning'),
    notes: n((f) => f.severity === 'note'),
    gaps: n((f) => f.code === 'gap-note'),
  };
}

/** The manifest as JSON with a fixed key order whatever order the object was built in. */
export function serializeManifest(m: Manifest): string {
  const canonical: Manifest = {
    format: m.format,
    title: m.title,
    version: m.version,
    date: m.date,
    previous: m.previous,
    source: { commit: m.source.commit, dirty: m.source.dirty },
    toolchain: { name: m.toolchain.name, version: m.toolchain.version, node: m.toolchain.node },
    browser: m.browser && { version: m.browser.version, executable: m.browser.executable },
    findings: {
      errors: m.findings.errors,
      warnings: m.findings.warnings,
      notes: m.findings.notes,
      gaps: m.findings.gaps,
    },
    gaps: m.gaps.map((g) => ({ file: g.file, line: g.line, message: g.message })),
    files: [...m.files]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256, pageCount: f.pageCount })),
  };
  if (m.allowedSourceErrors?.length)
    canonical.allowedSourceErrors = m.allowedSourceErrors.map((e) => ({
      file: e.file,
      line: e.line,
      message: e.message,
    }));
  if (m.editions)
    canonical.editions = m.editions.map((e) => ({
      id: e.id,
      title: e.title,
      organisation: e.organisation,
      adds: [...e.adds],
      leavesOut: [...e.leavesOut],
    }));
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/** Reads a manifest back; throws with a reason when it is not one. */
export function parseManifest(json: string): Manifest {
  const m = JSON.parse(json) as Partial<Manifest>;
  if (typeof m.version !== 'string' || !Array.isArray(m.files))
    throw new Error('no version or no file list');
  for (const f of m.files) {
    if (
      typeof f?.name !== 'string' ||
      typeof f.sha256 !== 'string' ||
      typeof f.bytes !== 'number'
    ) {
      throw new Error('a file entry lacks name, bytes or sha256');
    }
    // Names are plain file names in the release directory, never paths (in a release of
    // editions: a plain name inside an edition's folder, `<id>/<name>`).
    const plain = Array.isArray(m.editions) ? f.name.replace(EDITION_FOLDER, '') : f.name;
    if (plain === '' || plain === '.' || plain === '..' || /[\\/]/.test(plain)) {
      throw new Error(`file name "${f.name}" is not a plain file name`);
    }
  }
  return m as Manifest;
}
