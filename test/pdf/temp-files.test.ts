/**
 * A PDF build leaves nothing in the temp folder: the profile is removed, and Chromium's own
 * temporary files (`org.chromium.Chromium.*`) are made inside it (its TMPDIR is the profile).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, handbook } from '../cli/run.js';

test('a PDF build leaves no file of its own or of Chromium in TMPDIR', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-tmpfiles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const temp = join(dir, 'tmp');
  const out = join(dir, 'out');
  mkdirSync(temp);
  const r = handbook(
    ['build', '--format', 'pdf', '--source', fixture('guides/other-guide'), '--out', out, '-q'],
    { TMPDIR: temp, TMP: temp, TEMP: temp, HANDBOOK_CACHE: '0' },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out), ['handbook.pdf']);
  assert.deepEqual(readdirSync(temp), [], 'the temp folder is as it was');
});
