import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fileEntry,
  parseManifest,
  serializeManifest,
  sha256,
  type Manifest,
} from '../../src/release/manifest.js';
import { verify } from '../../src/release/verify.js';
import { HandbookError } from '../../src/errors.js';

function manifest(files: Manifest['files']): Manifest {
  return {
    format: 1,
    title: 'T',
    version: '1.0.0',
    date: '2026-01-01',
    previous: null,
    source: { commit: null, dirty: null },
    toolchain: { name: 'handbook-press', version: '0.1.0', node: 'v20.0.0' },
    browser: null,
    findings: { errors: 0, warnings: 1, notes: 2, gaps: 1 },
    gaps: [{ file: 'a.md', line: 3, message: 'm' }],
    files,
  };
}

test('file entries hold size and SHA-256', () => {
  const e = fileEntry('CHANGES.md', 'héllo\n');
  assert.equal(e.bytes, 7);
  assert.match(e.sha256, /^[0-9a-f]{64}$/);
  // The FIPS 180-2 test vector, as text and as bytes.
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.equal(sha256('abc'), abc);
  assert.equal(fileEntry('x', new Uint8Array([0x61, 0x62, 0x63]), 4).sha256, abc);
  assert.equal(e.pageCount, null);
});

test('the manifest has one serialisation whatever order its keys and files were built in', () => {
  const a = manifest([fileEntry('b.txt', 'b'), fileEntry('a.txt', 'a')]);
  const shuffled = Object.fromEntries(Object.entries(a).reverse()) as unknown as Manifest;
  shuffled.files = [...a.files].reverse();
  const json = serializeManifest(a);
  assert.equal(serializeManifest(shuffled), json);
  assert.ok(json.endsWith('}\n'));
  assert.match(json, /^\{\n {2}"format": 1,\n {2}"title"/);
  assert.deepEqual(
    parseManifest(json).files.map((f) => f.name),
    ['a.txt', 'b.txt'],
  );
});

test('a manifest naming a path instead of a file is refused', () => {
  const bad = serializeManifest(
    manifest([{ name: '../etc/passwd', bytes: 1, sha256: 'x', pageCount: null }]),
  );
  assert.throws(() => parseManifest(bad), /plain file name/);
});

const SNAPSHOT = '{"version": "1.0.0", "date": "2026-01-01"}';
const HTML = '<p>1.0.0</p>';
const HTML_ONLY = { formats: ['html'] } as const;

/** A release folder named after its version: html, notes, snapshot and manifest. */
async function releaseDir(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'hb-verify-')), '1.0.0');
  await mkdir(dir);
  await writeFile(join(dir, 'handbook.html'), HTML);
  await writeFile(join(dir, 'CHANGES.md'), '# notes\n');
  await writeFile(join(dir, 'snapshot.json'), SNAPSHOT);
  const m = manifest([
    fileEntry('handbook.html', HTML),
    fileEntry('CHANGES.md', '# notes\n'),
    fileEntry('snapshot.json', SNAPSHOT),
  ]);
  await writeFile(join(dir, 'manifest.json'), serializeManifest(m));
  return dir;
}

test('verify passes on an intact release, then reports a changed file', async (t) => {
  const dir = await releaseDir();
  t.after(() => rm(join(dir, '..'), { recursive: true, force: true }));
  assert.deepEqual(await verify(dir, HTML_ONLY), { ok: true, checked: 3, problems: [] });

  await writeFile(join(dir, 'handbook.html'), '<p>1.0.1</p>'); // same size, other bytes
  const r = await verify(dir, HTML_ONLY);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems, ['handbook.html: SHA-256 differs from the manifest (file changed)']);

  await writeFile(join(dir, 'handbook.html'), '<p>longer</p>');
  assert.match(
    (await verify(dir, HTML_ONLY)).problems[0]!,
    /^handbook\.html: size 13 bytes differs from the manifest's 12/,
  );
});

test('verify reports missing and unexpected files, and a missing manifest', async (t) => {
  const dir = await releaseDir();
  t.after(() => rm(join(dir, '..'), { recursive: true, force: true }));
  await rm(join(dir, 'CHANGES.md'));
  await writeFile(join(dir, 'extra.pdf'), 'x');
  const r = await verify(dir, HTML_ONLY);
  assert.deepEqual(r.problems, [
    'CHANGES.md: missing',
    'extra.pdf: unexpected file (not in the manifest)',
  ]);
  assert.equal(r.checked, 2);

  await chmod(join(dir, 'manifest.json'), 0o644);
  await rm(join(dir, 'manifest.json'));
  assert.deepEqual(await verify(dir, HTML_ONLY), {
    ok: false,
    checked: 0,
    problems: ['manifest.json: missing'],
  });
  await writeFile(join(dir, 'manifest.json'), '{not json');
  assert.match((await verify(dir, HTML_ONLY)).problems[0]!, /^manifest\.json: unreadable/);
});

test('verify of something that is not a directory is a user error', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hb-verify-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'file'), 'x');
  for (const p of [join(dir, 'nope'), join(dir, 'file')]) {
    await assert.rejects(
      verify(p),
      (e: unknown) => e instanceof HandbookError && e.code === 'RELEASE_INVALID',
    );
  }
});

test('a release made before the EPUB (manifest format 1) still verifies as what it was', async (t) => {
  const dir = join(await mkdtemp(join(tmpdir(), 'hb-verify-')), '1.0.0');
  t.after(() => rm(join(dir, '..'), { recursive: true, force: true }));
  await mkdir(dir);
  const files: Record<string, string> = {
    'handbook.html': HTML,
    'handbook.pdf': '%PDF-1.7 old',
    'handbook.docx': 'PK old',
    'CHANGES.md': '# notes\n',
    'snapshot.json': SNAPSHOT,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const entries = Object.entries(files).map(([name, text]) =>
    fileEntry(name, text, name === 'handbook.pdf' ? 2 : undefined),
  );
  const write = (m: Manifest): Promise<void> =>
    writeFile(join(dir, 'manifest.json'), serializeManifest(m));
  await write(manifest(entries));
  assert.deepEqual(await verify(dir), { ok: true, checked: 5, problems: [] });

  // The same files under today's format lack the EPUB; an unknown format is named.
  await write({ ...manifest(entries), format: 2 });
  assert.match((await verify(dir)).problems.join('\n'), /handbook\.epub: not listed/);
  await write({ ...manifest(entries), format: 9 });
  assert.match((await verify(dir)).problems.join('\n'), /format 9 is not one this toolchain knows/);
});
