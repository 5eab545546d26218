/**
 * The garbage collection a build asks for before Chromium prints works without `--expose-gc`
 * (the bin's `#!` line carries no Node flags, for npm's Windows shims).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('collectGarbage frees unreachable memory in a plain `node` process', () => {
  const script = `
    import { collectGarbage } from './src/gc.ts';
    let junk = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'x'.repeat(20) + i }));
    junk = null;
    const before = process.memoryUsage().heapUsed;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({ before, after, exposed: typeof globalThis.gc }));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  const { before, after, exposed } = JSON.parse(r.stdout) as Record<string, number | string>;
  assert.equal(exposed, 'undefined', 'no global gc: the flag was not given to node');
  assert.ok(Number(before) - Number(after) > 20e6, `freed ${Number(before) - Number(after)} bytes`);
});
