/**
 * Item 7: `verify` checks the manifest itself, release versions are strict SemVer, and
 * `release` never runs anything the source's repository configures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { HandbookError } from '../../src/errors.js';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  fileEntry,
  MANIFEST_FORMAT,
  serializeManifest,
  type Manifest,
} from '../../src/release/manifest.js';
import { release } from '../../src/release/index.js';
import { sourceState } from '../../src/release/git.js';
import { handbook, MINIMAL, site, STACK, temp, tree } from './site.js';

const FILES: Record<string, string> = {
  'handbook.html': '<p>Version 1.0.0</p>',
  'handbook.pdf': '%PDF-1.7 fake',
  'handbook.docx': 'PK fake',
  'handbook.epub': 'PK fake',
  'CHANGES.md': '# 1.0.0\n',
  'snapshot.json': '{"format":1,"version":"1.0.0","date":"2026-01-01"}',
};

function manifest(version: string, files: Manifest['files']): Manifest {
  return {
    format: MANIFEST_FORMAT,
    title: 'T',
    version,
    date: '2026-01-01',
    previous: null,
    source: { commit: null, dirty: null },
    toolchain: { name: 'handbook-press', version: '0.1.0', node: 'v20.0.0' },
    browser: null,
    findings: { errors: 0, warnings: 0, notes: 0, gaps: 0 },
    gaps: [],
    files,
  };
}

const entries = (files: Record<string, string>): Manifest['files'] =>
  Object.entries(files).map(([n, d]) => fileEntry(n, d, n.endsWith('.pdf') ? 3 : null));

function writeRelease(dir: string, files = FILES, m = manifest('1.0.0', entries(files))): string {
  mkdirSync(dir, { recursive: true });
  for (const [n, d] of Object.entries(files)) writeFileSync(join(dir, n), d);
  writeFileSync(join(dir, 'manifest.json'), serializeManifest(m));
  return dir;
}

function verifyFails(dir: string, gist: RegExp): void {
  const r = handbook(['verify', dir]);
  assert.equal(r.code, 1, `exit 1 (stderr: ${r.stderr})`);
  assert.match(r.stderr, gist);
  assert.doesNotMatch(r.stderr, STACK);
}

test('verify passes an intact release and rejects every self-consistent manipulation', (t) => {
  const root = temp(t);
  const good = writeRelease(join(root, 'good', '1.0.0'));
  const ok = handbook(['verify', good]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /verified 6 file/);

  const noPdf = Object.fromEntries(Object.entries(FILES).filter(([n]) => n !== 'handbook.pdf'));
  const cases: [string, (dir: string) => void, RegExp][] = [
    ['files: []', (d) => writeRelease(d, {}, manifest('1.0.0', [])), /handbook\.pdf: not listed/],
    [
      'a dropped PDF (entry removed too)',
      (d) => {
        rmSync(join(d, 'handbook.pdf'));
        writeRelease(d, noPdf);
      },
      /handbook\.pdf: not listed in the manifest/,
    ],
    [
      'a changed version',
      (d) => writeRelease(d, FILES, manifest('1.0.1', entries(FILES))),
      /version "1\.0\.1" differs from the folder's name "1\.0\.0"/,
    ],
    [
      'a file swapped for a symlink to the same bytes',
      (d) => {
        writeFileSync(join(d, '..', 'copy.docx'), FILES['handbook.docx']!);
        rmSync(join(d, 'handbook.docx'));
        symlinkSync(join(d, '..', 'copy.docx'), join(d, 'handbook.docx'));
      },
      /handbook\.docx: is a symbolic link/,
    ],
    [
      'an extra file listed in the manifest',
      (d) => writeRelease(d, { ...FILES, 'run.sh': 'echo' }),
      /run\.sh: listed in the manifest, but not a file a release holds/,
    ],
    [
      'a file listed twice',
      (d) => writeRelease(d, FILES, manifest('1.0.0', [...entries(FILES), ...entries(FILES)])),
      /listed twice/,
    ],
    [
      'a snapshot of another version',
      (d) =>
        writeRelease(d, { ...FILES, 'snapshot.json': '{"version":"0.9.0","date":"2026-01-01"}' }),
      /snapshot\.json: version 0\.9\.0/,
    ],
    [
      'the manifest a symlink',
      (d) => {
        renameSync(join(d, 'manifest.json'), join(d, '..', 'm.json'));
        symlinkSync(join(d, '..', 'm.json'), join(d, 'manifest.json'));
      },
      /manifest\.json: is a symbolic link/,
    ],
  ];
  for (const [i, [name, spoil, gist]] of cases.entries()) {
    const dir = join(root, `case${i}`, '1.0.0');
    cpSync(good, dir, { recursive: true });
    spoil(dir);
    verifyFails(dir, gist);
    void name;
  }
  // Folder renamed with the version: the snapshot and the HTML still say 1.0.0.
  const moved = join(root, 'moved', '1.0.1');
  cpSync(good, moved, { recursive: true });
  writeRelease(moved, FILES, manifest('1.0.1', entries(FILES)));
  verifyFails(moved, /snapshot\.json: version 1\.0\.0 of 2026-01-01 differs/);
  verifyFails(moved, /handbook\.html: does not carry the manifest's version 1\.0\.1/);
});

test('release versions are strict SemVer; equal precedence is one version', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const out = join(dir, 'out');
  for (const [v, hint] of [
    ['1', /use 1\.0\.0/],
    ['1.0', /use 1\.0\.0/],
    ['01.0.0', /leading zeros/],
  ] as const) {
    const r = handbook(['release', v, '--source', source, '--out', out]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`invalid release version "${v.replace('.', '\\.')}"`));
    assert.match(r.stderr, hint);
    assert.doesNotMatch(r.stderr, STACK);
  }
  assert.equal(existsSync(out), false, 'nothing written');
  writeRelease(join(out, 'releases', '1.0.0'));
  const dup = handbook(['release', '1.0.0+b1', '--source', source, '--out', out]);
  assert.equal(dup.code, 1, dup.stderr);
  assert.match(dup.stderr, /1\.0\.0\+b1 is the same version as 1\.0\.0/);
  assert.deepEqual(
    tree(join(out, 'releases')).filter((p) => !p.startsWith('1.0.0')),
    [],
  );
});

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
    cwd,
    encoding: 'utf8',
  });

test('release reads the source repository without running anything it configures', async (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), { ...MINIMAL, '.gitattributes': '* filter=evil\n' });
  git(source, 'init', '-q');
  git(source, 'add', '.');
  git(source, 'commit', '-q', '-m', 'sources');
  const marker = (what: string): string => join(dir, `RAN-${what}`);
  const touch = (what: string): string =>
    `${process.execPath} -e "require('fs').writeFileSync('${marker(what)}','')"`;
  git(source, 'config', 'core.fsmonitor', `${touch('fsmonitor')}; false`);
  git(source, 'config', 'filter.evil.clean', touch('filter'));
  git(source, 'config', 'filter.evil.required', 'true');
  git(source, 'config', 'core.pager', touch('pager'));
  const hooks = join(source, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const h of ['post-index-change', 'post-checkout', 'pre-commit']) {
    writeFileSync(join(hooks, h), `#!/bin/sh\n${touch('hook')}\n`);
    chmodSync(join(hooks, h), 0o755);
  }
  // A touched file makes git look at its content (where filters and fsmonitor come in).
  writeFileSync(join(source, 'guide', 'index.md'), `${MINIMAL['guide/index.md']}\n`);

  const state = await sourceState(source);
  assert.match(state.commit ?? '', /^[0-9a-f]{40}$/);
  assert.equal(state.dirty, true);
  const r = await release({
    version: '1.0.0',
    date: '2026-01-01',
    source,
    out: join(dir, 'out'),
    formats: ['html'],
  });
  assert.equal(r.manifest.source.commit, state.commit);
  for (const what of ['fsmonitor', 'filter', 'pager', 'hook'])
    assert.equal(existsSync(marker(what)), false, `${what} did not run`);
  // The same commands do run under a plain git: the fixture is armed.
  git(source, 'status');
  assert.ok(
    existsSync(marker('fsmonitor')) || existsSync(marker('hook')) || existsSync(marker('filter')),
  );
});

test('a release onto a full disk: one message, and no releases/ folder left behind', async (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  if (process.getuid?.() !== 0) return t.skip('needs root to mount a small tmpfs');
  const disk = mkdtempSync(join(tmpdir(), 'hb-mount-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', disk]).status === 0;
  t.after(() => {
    if (mounted) spawnSync('umount', ['-l', disk]);
    rmdirSync(disk);
  });
  if (!mounted) return t.skip('cannot mount a tmpfs here');
  const out = join(disk, 'dist');
  await assert.rejects(
    release({ version: '1.0.0', date: '2026-01-01', source, out, formats: ['html'] }),
    (e: unknown) =>
      e instanceof HandbookError && e.code === 'OUTPUT' && /no space left/.test(e.message),
  );
  assert.deepEqual(tree(disk), [], 'no staging folder, no releases/, no dist/');
});
