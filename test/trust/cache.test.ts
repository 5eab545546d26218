/**
 * Item 3 (cache parts): the fingerprint sees through symbolic links, entries are verified by
 * hash, and the fallback cache folder is private.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BuildCache, cacheKey, privateTempCache } from '../../src/cache.js';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import { MINIMAL, site, temp } from './site.js';

test('the fingerprint sees an edit behind a symlinked folder, and survives a link loop', async (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), {
    ...MINIMAL,
    '_chapters/one.md': '---\ntitle: One\n---\nv1\n',
  });
  symlinkSync(join(source, '_chapters'), join(source, 'guide', 'linked'));
  symlinkSync(source, join(source, 'guide', 'loop'));
  const before = await cacheKey(source, {});
  assert.equal(await cacheKey(source, {}), before, 'stable');
  writeFileSync(join(source, '_chapters', 'one.md'), '---\ntitle: One\n---\nv2\n');
  assert.notEqual(await cacheKey(source, {}), before, 'an edit behind the link is a miss');
});

test('an edited cache entry is ignored, not trusted', async (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), MINIMAL);
  const cache = new BuildCache(join(dir, 'cache'));
  const opts = { source, version: 'v', date: '2026-01-01', timings: new Timings(), cache };
  const first = await prepare(opts);
  assert.equal(first.cached, false);
  assert.equal((await prepare(opts)).cached, true);
  const [entry] = readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('prepare-'));
  const file = join(dir, 'cache', entry!);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Welcome', 'Hacked!'));
  const again = await prepare(opts);
  assert.equal(again.cached, false, 'the edited entry is a miss');
  assert.equal(again.handbook.chapters[0]?.title, 'Welcome');
  assert.equal(await cache.get('k', 'x'), undefined);
  await cache.set('k', 'x', { a: 1 });
  assert.deepEqual(await cache.get('k', 'x'), { a: 1 });
  assert.equal(await cache.get('other', 'x'), undefined);
});

test('the fallback cache folder is private: made by mkdtemp, 0700, planted names passed over', (t) => {
  const base = temp(t);
  const uid = process.getuid?.();
  if (uid === undefined) return t.skip('no POSIX owners here');
  const prefix = `handbook-press-cache-${uid}-`;
  mkdirSync(join(base, `${prefix}aaaaaa`));
  chmodSync(join(base, `${prefix}aaaaaa`), 0o777); // anyone may write: not ours to trust
  mkdirSync(join(base, 'elsewhere'), { mode: 0o700 });
  symlinkSync(join(base, 'elsewhere'), join(base, `${prefix}bbbbbb`));
  const dir = privateTempCache(base);
  assert.ok(dir && dir.startsWith(join(base, prefix)));
  assert.ok(!dir.endsWith('aaaaaa') && !dir.endsWith('bbbbbb'), dir);
  const st = statSync(dir);
  assert.equal(st.mode & 0o777, 0o700);
  assert.equal(st.uid, uid);
  assert.equal(privateTempCache(base), dir, 'found again next time');
});
