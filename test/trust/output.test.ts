/**
 * Item 5: environment errors are user errors, and a build's outputs land as one set. Every
 * failing run must exit 1 with one message naming the path, no stack trace, and leave nothing:
 * no temp file, no empty folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handbook, MINIMAL, site, STACK, temp, tree } from './site.js';

type Ctx = Parameters<typeof temp>[0];

function build(source: string, out: string, env: NodeJS.ProcessEnv = {}, version = 'A') {
  return handbook(
    ['build', '--format', 'html,docx', '--source', source, '--out', out, '--version', version],
    env,
  );
}

function assertUserError(r: ReturnType<typeof handbook>, path: string, gist: RegExp): void {
  assert.equal(r.code, 1, `exit code (stderr: ${r.stderr})`);
  assert.ok(r.stderr.includes(path), `names ${path}: ${r.stderr}`);
  assert.match(r.stderr, gist);
  assert.match(r.stderr, /hint:/);
  assert.doesNotMatch(r.stderr, STACK, 'no stack trace');
  assert.equal(r.stdout, '', 'no file reported as written');
}

/** A tmpfs mounted with `options` (root only); undefined when this machine does not allow it. */
function mountTmpfs(t: Ctx, options: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hb-mount-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  t.after(() => {
    if (r.status === 0) spawnSync('umount', ['-l', dir]);
    rmdirSync(dir);
  });
  return r.status === 0 ? dir : undefined;
}

test('--out that is a file: one message naming it, the file untouched', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  writeFileSync(join(dir, 'out'), 'mine');
  const r = build(source, join(dir, 'out'));
  assertUserError(r, join(dir, 'out'), /is a file, not a folder/);
  assert.equal(readFileSync(join(dir, 'out'), 'utf8'), 'mine');
  // Below a file: the same, and no folder is created anywhere.
  const below = build(source, join(dir, 'out', 'sub'));
  assertUserError(below, join(dir, 'out'), /is a file, not a folder/);
  assert.deepEqual(
    tree(dir).filter((p) => !p.startsWith('src')),
    ['out'],
  );
});

test('an output name taken by a folder fails before any file is written', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  mkdirSync(join(dir, 'out', 'handbook.docx'), { recursive: true });
  const r = build(source, join(dir, 'out'));
  assertUserError(r, join(dir, 'out', 'handbook.docx'), /folder of that name is in the way/);
  assert.deepEqual(tree(join(dir, 'out')), ['handbook.docx/'], 'no handbook.html, no temp file');
});

test('a read-only output folder: one message, nothing written', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  let out = join(dir, 'ro');
  if (process.getuid?.() === 0) {
    const mounted = mountTmpfs(t, 'ro,size=1m');
    if (!mounted) return t.skip('cannot mount a read-only tmpfs here');
    out = mounted;
  } else {
    mkdirSync(out);
    chmodSync(out, 0o555);
    t.after(() => chmodSync(out, 0o755));
  }
  for (const target of [out, join(out, 'deeper')]) {
    const r = build(source, target);
    assertUserError(r, out, /read-only|permission denied/);
  }
  assert.deepEqual(tree(out), []);
});

test('a full disk: one message naming the file, no temp file and no folder left', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const disk = mountTmpfs(t, 'size=48k');
  if (!disk) return t.skip('cannot mount a small tmpfs here (needs root)');
  const out = join(disk, 'a', 'b');
  const r = build(source, out);
  assertUserError(r, out, /no space left/);
  assert.deepEqual(tree(disk), [], 'the folders the build created are removed again');
});

test('a build killed at any step of writing: the next run restores one whole set', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const ref = join(dir, 'ref');
  assert.equal(build(source, join(ref, 'A'), {}, 'AAAA').code, 0);
  assert.equal(build(source, join(ref, 'B'), {}, 'BBBB').code, 0);
  const bytes = (d: string): string[] =>
    ['handbook.html', 'handbook.docx'].map((n) =>
      existsSync(join(d, n)) ? readFileSync(join(d, n)).toString('base64') : 'none',
    );
  const A = bytes(join(ref, 'A'));
  const B = bytes(join(ref, 'B'));
  const bad = join(dir, 'no-such-source');
  const steps = ['temp:1', 'temp:2', 'aside:1', 'place:1', 'aside:2', 'place:2', 'committed'];
  for (const [i, step] of steps.entries()) {
    const out = join(dir, `out${i}`);
    cpSync(join(ref, 'A'), out, { recursive: true });
    const killed = build(source, out, { HANDBOOK_TEST_KILL: step }, 'BBBB');
    assert.equal(killed.signal, 'SIGKILL', `${step}: killed (stderr: ${killed.stderr})`);
    // The next run, even one that fails on its sources, cleans up first.
    const next = build(bad, out);
    assert.equal(next.code, 1, next.stderr);
    assert.deepEqual(tree(out), ['handbook.docx', 'handbook.html'], `${step}: no leftovers`);
    assert.deepEqual(bytes(out), step === 'committed' ? B : A, `${step}: one whole set`);
  }
  // Into a folder the killed build created: the folder goes too.
  const fresh = join(dir, 'fresh', 'out');
  const killed = build(source, fresh, { HANDBOOK_TEST_KILL: 'temp:1' });
  assert.equal(killed.signal, 'SIGKILL');
  assert.ok(
    tree(fresh).some((p) => p.startsWith('.handbook-set-')),
    'the kill left its parts',
  );
  assert.equal(build(bad, fresh).code, 1);
  assert.equal(existsSync(join(dir, 'fresh')), false, 'no empty folder left');
});

test('a build removes the browser profiles that killed builds left behind', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const tmp = join(dir, 'tmp');
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  const stale = join(tmp, `handbook-chrome-${dead}-AbC123`);
  const live = join(tmp, `handbook-chrome-${process.pid}-XyZ789`);
  const other = join(tmp, 'handbook-chrome-notes');
  for (const d of [stale, live, other]) mkdirSync(join(d, 'Default'), { recursive: true });
  const r = build(source, join(dir, 'out'), { TMPDIR: tmp, TMP: tmp, TEMP: tmp });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(stale), false, 'the dead process’s profile is removed');
  assert.ok(existsSync(live), 'a running process’s profile is kept');
  assert.ok(existsSync(other), 'a folder of another shape is not touched');
});

test('builds killed at random moments never leave a partial set after the next run', async (t) => {
  const { spawn } = await import('node:child_process');
  const { BIN, ROOT } = await import('../cli/run.js');
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const out = join(dir, 'out');
  const args = ['build', '--format', 'html,docx', '--source', source, '--out', out];
  for (let i = 0; i < 6; i++) {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, HANDBOOK_CACHE: '0' },
      stdio: 'ignore',
    });
    // Listen before killing: a build that finished first has already exited.
    const exited = new Promise((r) => child.once('exit', r));
    const delay = 150 + Math.floor(Math.random() * 1200);
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await exited;
    const next = build(join(dir, 'no-such-source'), out);
    assert.equal(next.code, 1);
    const left = tree(out);
    assert.ok(
      left.length === 0 || left.join() === 'handbook.docx,handbook.html',
      `after a kill at ${delay} ms: ${left.join(', ')}`,
    );
  }
});
