import { existsSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanStaleTemps, parseTempName, Stage, tempDirName } from '../../src/release/staging.js';
import { HandbookError } from '../../src/errors.js';

const isExists = (e: unknown): boolean => e instanceof HandbookError && e.code === 'RELEASE_EXISTS';

async function releases(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hb-stage-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'releases');
}

test('temp names carry version and pid, even for versions with dashes', () => {
  const name = tempDirName('2.0.0-rc.1', 4242);
  assert.match(name, /^\.tmp-2\.0\.0-rc\.1-4242-[0-9a-f]{12}$/);
  assert.deepEqual(parseTempName(name), { version: '2.0.0-rc.1', pid: 4242 });
  assert.equal(parseTempName('1.0'), undefined);
});

test('a stage appears under its version only when committed', async (t) => {
  const dir = await releases(t);
  const stage = await Stage.open(dir, '1.0');
  await stage.write('a.txt', 'A');
  assert.deepEqual(await readdir(dir), [stage.dir.slice(dir.length + 1)]);
  const final = await stage.commit();
  assert.equal(final, join(dir, '1.0'));
  assert.deepEqual(await readdir(dir), ['1.0']);
  assert.equal(await readFile(join(final, 'a.txt'), 'utf8'), 'A');
});

test('committing onto an existing release fails and leaves it untouched', async (t) => {
  const dir = await releases(t);
  const first = await Stage.open(dir, '1.0');
  await first.write('a.txt', 'first');
  await first.commit();
  const second = await Stage.open(dir, '1.0');
  await second.write('a.txt', 'second');
  await assert.rejects(second.commit(), isExists);
  await second.discard();
  assert.deepEqual(await readdir(dir), ['1.0']);
  assert.equal(await readFile(join(dir, '1.0', 'a.txt'), 'utf8'), 'first');
});

test('of concurrent commits of one version exactly one wins', async (t) => {
  const dir = await releases(t);
  const stages = await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      const s = await Stage.open(dir, '3.1');
      await s.write('who.txt', String(i));
      return s;
    }),
  );
  const results = await Promise.allSettled(stages.map((s) => s.commit()));
  await Promise.all(stages.map((s) => s.discard()));
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results)
    if (r.status === 'rejected') assert.ok(isExists(r.reason), String(r.reason));
  assert.deepEqual(await readdir(dir), ['3.1']);
  const winner = results.findIndex((r) => r.status === 'fulfilled');
  assert.equal(await readFile(join(dir, '3.1', 'who.txt'), 'utf8'), String(winner));
});

test('stale staging directories of dead processes are removed, live ones kept', async (t) => {
  const dir = await releases(t);
  await mkdir(dir, { recursive: true });
  const dead = tempDirName('1.0', 111111);
  const live = tempDirName('1.0', 222222);
  const mine = tempDirName('1.0', process.pid);
  for (const d of [dead, live, mine, '1.0']) {
    await mkdir(join(dir, d));
    await writeFile(join(dir, d, 'x'), 'x');
  }
  const removed = await cleanStaleTemps(dir, (pid) => pid === 222222);
  assert.deepEqual(removed, [dead]);
  assert.deepEqual((await readdir(dir)).sort(), [live, mine, '1.0'].sort());
});

test('discard removes the staging directory', async (t) => {
  const dir = await releases(t);
  const s = await Stage.open(dir, '1.0');
  await s.write('a', 'a');
  await s.discard();
  assert.equal(existsSync(dir), false, 'nor the releases/ folder it created');
  // A releases/ folder that was there before stays.
  await mkdir(dir);
  const again = await Stage.open(dir, '1.0');
  await again.discard();
  assert.deepEqual(await readdir(dir), []);
});
