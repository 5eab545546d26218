/**
 * The idle collection `handbook serve` runs after a burst of rebuilds, in a plain `node`
 * process as the bin starts it (no `--expose-gc`): the garbage is freed, and old-space pages
 * left sparsely filled (a few survivors per page, as the old trees leave them) are given back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const SCRIPT = `
  import { getHeapSpaceStatistics } from 'node:v8';
  import { IdleCollector, IDLE_GC_MS, COMPACT_GC_MS } from './src/serve/idle-gc.ts';
  const old = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
  // Promoted to the old space (it survives scavenges), then all but one object in 20 dies.
  let junk = [];
  for (let r = 0; r < 8; r++) {
    for (let i = 0; i < 50_000; i++) junk.push({ i, s: 'x'.repeat(40) + i + r });
    await new Promise((res) => setTimeout(res, 5));
  }
  const keep = junk.filter((_, i) => i % 20 === 0);
  junk = null;
  const before = old();
  new IdleCollector().schedule();
  await new Promise((res) => setTimeout(res, IDLE_GC_MS + COMPACT_GC_MS + 300));
  const after = old();
  console.log(JSON.stringify({ before, after, kept: keep.length, exposed: typeof globalThis.gc }));
`;

test('the idle collection frees the garbage and compacts sparse old-space pages', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  const { before, after, exposed } = JSON.parse(r.stdout) as {
    before: { space_used_size: number };
    after: { space_size: number; space_used_size: number };
    exposed: string;
  };
  assert.equal(exposed, 'undefined', 'no global gc: the flag was not given to node');
  assert.ok(
    before.space_used_size - after.space_used_size > 20e6,
    `freed ${before.space_used_size - after.space_used_size} bytes`,
  );
  // The survivors are packed (about 2x what is live; one collection leaves about 10x).
  assert.ok(
    after.space_size < after.space_used_size * 3 + 4e6,
    `old space ${after.space_size} bytes for ${after.space_used_size} live`,
  );
});
