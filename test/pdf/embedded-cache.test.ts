/**
 * The embedded Chromium is unpacked once into the per-user cache, complete or not at all, and
 * reused: the second lookup unpacks nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDir, embeddedSupported, unpackEmbedded } from '../../src/pdf/embedded-chromium.js';

test(
  'unpacked once into XDG_CACHE_HOME/handbook-press/chromium-<version>, then reused',
  {
    skip: !embeddedSupported(process.platform, process.arch) && 'the package ships Linux x64 only',
  },
  async () => {
    const cache = mkdtempSync(join(tmpdir(), 'hb-xdg-'));
    const env = { XDG_CACHE_HOME: cache };
    const tmpBefore = [process.env.TMPDIR, process.env.TMP, process.env.TEMP];
    try {
      const exe = await unpackEmbedded({ env });
      const dir = await embeddedDir({ env });
      assert.equal(exe, join(dir, 'chromium'));
      assert.match(dir, /handbook-press\/chromium-\d+\.\d+\.\d+$/);
      // Nothing half-done beside it, and the temp folder variables are as they were.
      assert.deepEqual(readdirSync(join(cache, 'handbook-press')), [dir.split('/').at(-1)]);
      assert.deepEqual([process.env.TMPDIR, process.env.TMP, process.env.TEMP], tmpBefore);
      const first = statSync(exe);
      const again = performance.now();
      assert.equal(await unpackEmbedded({ env }), exe);
      assert.ok(performance.now() - again < 1000, 'the second lookup unpacks nothing');
      assert.equal(statSync(exe).mtimeMs, first.mtimeMs);
      const v = spawnSync(exe, ['--headless=new', '--version'], { encoding: 'utf8' });
      assert.match(v.stdout, /Chromium \d+/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  },
);
