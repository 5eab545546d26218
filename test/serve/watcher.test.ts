/** The watcher: editors' temporary files are no change; new folders are watched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIgnored, SourceWatcher } from '../../src/serve/watcher.js';

test('swap, backup and hidden files are ignored; sources are not', () => {
  for (const f of [
    'guide/.01.md.swp',
    'guide/01.md~',
    'guide/4913',
    'guide/.#01.md',
    'guide/#01.md#',
    '.git/index',
    '_site/x.html',
    'node_modules/a/b.md',
    'guide/01.md___jb_tmp___',
  ])
    assert.ok(isIgnored(f), f);
  for (const f of [
    'guide/01.md',
    '_includes/inset.html',
    '_data/nav.yml',
    '_config.yml',
    'handbook.yml',
    'assets/images/4913.png',
  ])
    assert.ok(!isIgnored(f), f);
});

test('changes are reported once per burst, with new folders, renames and deletions', async () => {
  const root = mkdtempSync(join(tmpdir(), 'hb-watch-'));
  mkdirSync(join(root, 'guide'));
  writeFileSync(join(root, 'guide', 'a.md'), 'a');
  const seen: Set<string>[] = [];
  const w = new SourceWatcher(root, (p) => seen.push(p));
  await w.start();
  const next = async (): Promise<Set<string>> => {
    const n = seen.length;
    for (let i = 0; i < 100 && seen.length === n; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    return new Set(seen.splice(0).flatMap((s) => [...s]));
  };
  try {
    // vim's way of saving: a probe file, a backup by rename, the new file.
    writeFileSync(join(root, 'guide', '4913'), '');
    rmSync(join(root, 'guide', '4913'));
    renameSync(join(root, 'guide', 'a.md'), join(root, 'guide', 'a.md~'));
    writeFileSync(join(root, 'guide', 'a.md'), 'b');
    rmSync(join(root, 'guide', 'a.md~'));
    assert.deepEqual([...(await next())], ['guide/a.md']);
    mkdirSync(join(root, 'new'));
    writeFileSync(join(root, 'new', 'b.md'), 'b');
    assert.ok((await next()).has('new/b.md'));
    writeFileSync(join(root, 'new', 'c.md'), 'c');
    assert.ok((await next()).has('new/c.md'), 'the new folder is watched');
    rmSync(join(root, 'new'), { recursive: true });
    const gone = await next();
    assert.ok(gone.has('new/b.md') && gone.has('new/c.md'), [...gone].join());
  } finally {
    w.close();
    rmSync(root, { recursive: true, force: true });
  }
});
