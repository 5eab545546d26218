/**
 * Editions through the CLI and releases: `build --edition all` writes `<out>/<edition>/`,
 * `check` reports each edition's links into left-out text, `release --edition all` writes one
 * manifest for every edition's files (reproducibly) with notes on what each adds and leaves
 * out, and `verify` covers every edition's files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { release, verify } from '../../src/release/index.js';
import { handbook, tempDir } from '../release/tree.js';
import { editionsSource } from './fixture.js';

const FAST = ['html', 'docx'] as ('html' | 'docx')[];

test('build --edition all writes one folder per edition', async (t) => {
  const tmp = await tempDir(t, 'hb-editions-cli-');
  const source = await editionsSource(tmp);
  const out = join(tmp, 'dist');
  const r = handbook([
    'build',
    '--source',
    source,
    '--out',
    out,
    '--format',
    'html',
    '--edition',
    'all',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((await readdir(out)).sort(), ['default', 'north-icb', 'south-icb']);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    join(out, 'default', 'handbook.html'),
    join(out, 'north-icb', 'handbook.html'),
    join(out, 'south-icb', 'handbook.html'),
  ]);
  assert.match(r.stderr, /edition north-icb: link "training chapter"/);
  const one = handbook([
    'build',
    '--source',
    source,
    '--out',
    out,
    '--format',
    'html',
    '--edition',
    'south-icb',
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout.trim(), join(out, 'south-icb', 'handbook.html'));
});

test('check covers every edition; --edition default only the main guide', async (t) => {
  const tmp = await tempDir(t, 'hb-editions-check-');
  const source = await editionsSource(tmp);
  const all = await check({ source, cache: false });
  const leftOut = all.findings.filter((f) => f.code === 'link-left-out');
  assert.ok(leftOut.length >= 2);
  assert.ok(leftOut.every((f) => f.message.startsWith('edition ')));
  assert.ok(
    leftOut.some((f) => f.message.startsWith('edition south-icb: ')),
    'the south leaves out a section linked to',
  );
  const main = await check({ source, cache: false, edition: 'default' });
  assert.equal(main.findings.filter((f) => f.code === 'link-left-out').length, 0);
  assert.ok(all.findings.length > main.findings.length);
});

test('release --edition all: one manifest, every edition, reproducible, verified', async (t) => {
  const tmp = await tempDir(t, 'hb-editions-release-');
  const source = await editionsSource(tmp);
  const opts = { version: '2.0.0', date: '2026-12-01', source, formats: FAST, edition: 'all' };
  const a = await release({ ...opts, out: join(tmp, 'a') });
  const b = await release({ ...opts, out: join(tmp, 'b') });
  const names = a.manifest.files.map((f) => f.name);
  assert.deepEqual(names, [
    'CHANGES.md',
    ...['default', 'north-icb', 'south-icb'].flatMap((id) => [
      `${id}/handbook.docx`,
      `${id}/handbook.html`,
      `${id}/snapshot.json`,
    ]),
  ]);
  const manifest = (dir: string) => readFile(join(dir, 'manifest.json'), 'utf8');
  assert.equal(await manifest(a.dir), await manifest(b.dir), 'byte-identical releases');
  assert.deepEqual(
    a.manifest.editions?.map((e) => [e.id, e.adds, e.leavesOut]),
    [
      ['default', [], []],
      ['north-icb', ['Local support in the north'], ['Training', 'Final data production']],
      ['south-icb', ['Contacts in the south'], ['During cutover']],
    ],
  );
  assert.match(
    a.changes,
    /### north-icb \(North Example Integrated Care Board\)\n\nAdds: Local support in the north\.\nLeaves out: Training; Final data production\./,
  );
  const northHtml = await readFile(join(a.dir, 'north-icb', 'handbook.html'), 'utf8');
  assert.match(
    northHtml,
    /<dt>Edition<\/dt><dd>North Example Integrated Care Board \(north-icb\)<\/dd>/,
  );
  assert.match(northHtml, /<td>2\.0\.0<\/td>/, 'the release is in document control');

  const ok = await verify(a.dir, { formats: FAST });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.checked, names.length);
  // A changed edition file and a stray file in an edition's folder are both found.
  const html = join(a.dir, 'south-icb', 'handbook.html');
  await chmod(html, 0o644);
  await writeFile(html, (await readFile(html, 'utf8')).replace('South', 'Sooth'));
  await chmod(join(a.dir, 'north-icb'), 0o755);
  await writeFile(join(a.dir, 'north-icb', 'extra.txt'), 'x');
  const bad = await verify(a.dir, { formats: FAST });
  assert.equal(bad.ok, false);
  assert.ok(
    bad.problems.some((p) => p.startsWith('south-icb/handbook.html: SHA-256 differs')),
    bad.problems.join('\n'),
  );
  assert.ok(
    bad.problems.some((p) => p.startsWith('north-icb/extra.txt: unexpected file')),
    bad.problems.join('\n'),
  );
});
