/**
 * End to end (HTML + Word, to stay fast; the PDF has its own test): reproducible files,
 * immutability, verify, document control, the editorial gate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { release, verify } from '../../src/release/index.js';
import { HandbookError } from '../../src/errors.js';
import { parseManifest } from '../../src/release/manifest.js';
import { copyContent, handbook, snapshotDir, tempDir } from './tree.js';

const FAST = ['html', 'docx'] as const;
const code = (c: string) => (e: unknown) => e instanceof HandbookError && e.code === c;

test('releasing the same sources twice gives byte-identical files, listed in the manifest', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  const notes = join(tmp, 'notes.md');
  await writeFile(
    notes,
    '# 1.1\n\nAdds the Information Governance references.\n\nDetails follow.\n',
  );
  const opts = { version: '1.1.0', date: '2026-10-01', source, notes, formats: [...FAST] };
  const a = await release({ ...opts, out: join(tmp, 'a') });
  const b = await release({ ...opts, out: join(tmp, 'b') });

  assert.equal(a.dir, join(tmp, 'a', 'releases', '1.1.0'));
  const names = (await readdir(a.dir)).sort();
  assert.deepEqual(names, [
    'CHANGES.md',
    'handbook.docx',
    'handbook.html',
    'manifest.json',
    'snapshot.json',
  ]);
  const sa = await snapshotDir(a.dir);
  const sb = await snapshotDir(b.dir);
  for (const n of names)
    assert.equal(sa[n]?.sha256, sb[n]?.sha256, `${n} differs between two releases`);

  const m = parseManifest(await readFile(join(a.dir, 'manifest.json'), 'utf8'));
  assert.deepEqual(m, a.manifest);
  assert.equal(m.version, '1.1.0');
  assert.equal(m.date, '2026-10-01');
  assert.deepEqual(m.source, { commit: null, dirty: null }, 'a temp copy is not a git checkout');
  assert.equal(m.browser, null);
  for (const f of m.files)
    assert.equal(f.sha256, sa[f.name]?.sha256, `${f.name}: manifest checksum`);
  assert.deepEqual(
    m.files.map((f) => f.name),
    ['CHANGES.md', 'handbook.docx', 'handbook.html', 'snapshot.json'],
  );
  assert.ok(
    m.gaps.length > 0 && m.gaps.every((g) => g.file && g.message),
    'content/ has GAP notes',
  );
  assert.equal(m.findings.gaps, m.gaps.length);
  assert.doesNotMatch(
    JSON.stringify(m),
    new RegExp(tmp.replace(/[/.]/g, '\\$&')),
    'no absolute paths',
  );

  // Document control shows the version being released, summarised from the notes.
  const html = await readFile(join(a.dir, 'handbook.html'), 'utf8');
  assert.match(html, /Document control/);
  assert.match(html, /Adds the Information Governance references\./);
  assert.match(a.changes, /First release\./);
  assert.match(a.changes, /## Open GAP notes/);
  assert.deepEqual(await verify(a.dir, { formats: FAST }), { ok: true, checked: 4, problems: [] });
});

test('an existing release is refused before building and left untouched; verify then sees edits', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  const out = join(tmp, 'out');
  const first = await release({
    version: '2.0.0',
    date: '2026-01-01',
    source,
    out,
    formats: [...FAST],
  });
  const before = await snapshotDir(first.dir);

  await assert.rejects(
    release({ version: '2.0.0', date: '2026-02-02', source, out, formats: [...FAST] }),
    code('RELEASE_EXISTS'),
  );
  const cli = handbook([
    'release',
    '2.0.0',
    '--date',
    '2026-02-02',
    '--source',
    source,
    '--out',
    out,
  ]);
  assert.equal(cli.code, 1, cli.stderr);
  assert.match(
    cli.stderr,
    /release 2\.0\.0 already exists[\s\S]*hint: choose a new version; a release is never overwritten/,
  );
  assert.deepEqual(await snapshotDir(first.dir), before, 'files untouched (hash and mtime)');
  assert.deepEqual(await readdir(join(out, 'releases')), ['2.0.0'], 'nothing staged');

  // The CLI's verify wants every format; this test release has two.
  assert.equal((await verify(first.dir, { formats: FAST })).ok, true);
  const html = join(first.dir, 'handbook.html');
  await chmod(html, 0o644);
  await writeFile(
    html,
    (await readFile(html, 'utf8')).replace('Document control', 'Document contról'),
  );
  const bad = handbook(['verify', first.dir]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /handbook\.html: (SHA-256|size)/);
});

test('the CLI takes the date from SOURCE_DATE_EPOCH and cleans up after killed runs', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  const out = join(tmp, 'out');
  // A staging directory left by a run killed with -9 (its process is gone).
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  const stale = join(out, 'releases', `.tmp-0.9-${dead}-deadbeef`);
  await mkdir(stale, { recursive: true });
  await writeFile(join(stale, 'handbook.html'), 'half');
  const ok = handbook(['release', '3.0.0-rc.1', '--source', source, '--out', out], {
    SOURCE_DATE_EPOCH: '1767225600',
  });
  assert.equal(ok.code, 0, ok.stderr);
  const dir = join(out, 'releases', '3.0.0-rc.1');
  assert.equal(ok.stdout.trim(), dir);
  const m = parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(m.date, '2026-01-01');
  assert.ok(!existsSync(stale), 'the stale staging directory was removed');
  assert.deepEqual((await readdir(join(out, 'releases'))).sort(), ['3.0.0-rc.1']);
});

test('an invalid version is a usage error', async () => {
  await assert.rejects(release({ version: '../1.0.0' }), code('USAGE'));
  const r = handbook(['release', '1.0/evil']);
  assert.equal(r.code, 2);
});

test('--strict refuses while GAP notes remain; nothing is written', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  const out = join(tmp, 'out');
  await assert.rejects(
    release({
      version: '1.0.0',
      date: '2026-01-01',
      source,
      out,
      strict: true,
      formats: [...FAST],
    }),
    (e: unknown) =>
      code('CHECK_FAILED')(e) &&
      /GAP note\(s\) remain/.test((e as Error).message) &&
      /\[GAP\]/.test((e as Error).message),
  );
  assert.ok(!existsSync(join(out, 'releases', '1.0.0')));
});

test('an error in the sources stops the release', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  const page = join(source, 'guide', '02-kick-off.md');
  await writeFile(page, `${await readFile(page, 'utf8')}\n\n{% if %}broken{% endif %}\n`);
  const out = join(tmp, 'out');
  await assert.rejects(
    release({ version: '1.0.0', date: '2026-01-01', source, out, formats: [...FAST] }),
    (e: unknown) => {
      assert.ok(e instanceof HandbookError, String(e));
      assert.equal(e.code, 'CHECK_FAILED', e.message);
      assert.match(e.message, /guide\/02-kick-off\.md:\d+/);
      return true;
    },
  );
  assert.ok(!existsSync(join(out, 'releases', '1.0.0')));
});

test('a front matter YAML error stops a release unless --allow-source-errors, which the manifest records', async (t) => {
  const tmp = await tempDir(t);
  const source = await copyContent(tmp);
  // The guide's history: a step whose subtitle is invalid YAML.
  const file = join(source, 'guide', '02-kick-off.md');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace(/^---\n/, "---\nsubtitle: 'Estimated timeline: 5 days to 2 weeks'(varies)\n"),
  );
  const opts = { version: '1.2.0', date: '2026-10-02', source, formats: [...FAST] };
  await assert.rejects(release({ ...opts, out: join(tmp, 'refused') }), (e: unknown) => {
    assert.ok(e instanceof HandbookError && e.code === 'CHECK_FAILED');
    assert.match(e.message, /guide\/02-kick-off\.md:2: error: invalid YAML/);
    assert.match(e.hint ?? '', /--allow-source-errors/);
    return true;
  });
  const r = await release({ ...opts, out: join(tmp, 'allowed'), allowSourceErrors: true });
  const manifest = parseManifest(await readFile(join(r.dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.findings.errors, 1);
  assert.deepEqual(
    manifest.allowedSourceErrors?.map((e) => `${e.file}:${e.line}`),
    ['guide/02-kick-off.md:2'],
  );
});
