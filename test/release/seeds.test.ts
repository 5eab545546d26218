/**
 * Release notes across two checkouts: 1.0 built from a tree with the older introduction
 * (seed 000), 1.1 from one with the newer (seed 002), into the same output directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { release } from '../../src/release/index.js';
import { copyContent, seed, tempDir } from './tree.js';

test('CHANGES.md names the added Information Governance section and the changed text', async (t) => {
  const tmp = await tempDir(t);
  const older = await copyContent(tmp, 'older', seed('000'));
  const newer = await copyContent(tmp, 'newer', seed('002'));
  const out = join(tmp, 'out');
  const formats = ['html' as const];
  const first = await release({
    version: '1.0.0',
    date: '2026-06-01',
    source: older,
    out,
    formats,
  });
  assert.match(first.changes, /First release\./);

  const second = await release({
    version: '1.1.0',
    date: '2026-09-15',
    source: newer,
    out,
    formats,
  });
  const md = second.changes;
  assert.equal(await readFile(join(second.dir, 'CHANGES.md'), 'utf8'), md);
  assert.equal(second.manifest.previous, '1.0.0');
  assert.match(md, /Compared with release 1\.0\.0 \(2026-06-01\)/);
  const intro = md.slice(md.indexOf('#### Introduction'));
  assert.ok(md.includes('#### Introduction'), md);
  assert.match(intro, /- Added “Information Governance” \(\d+ words\)/);
  // The opening paragraphs were rewritten …
  assert.match(intro, /- Changed the opening text: \+\d+ words, −\d+ words; added ‘[^’]+’/);
  // … and so was "How long does a migration take?", quoted in its new wording.
  assert.match(
    intro,
    /- Changed “How long does a migration take\?”: [^\n]*‘[^’]*(placing the order|end to end)[^’]*’/,
  );
  // New references are links added; the GAP note about the Catalogue was closed.
  assert.match(
    md,
    /### Links[\s\S]*<http:\/\/www\.legislation\.gov\.uk\/ukpga\/1988\/28\/contents>/,
  );
  assert.match(md, /Closed:\n\n- guide\/index\.md:\d+: [^\n]*register intent to migrate/);
  assert.match(md, /Opened:\n\n- guide\/index\.md:\d+: [^\n]*encryption guidance/);
  // Other chapters are the same in both trees, so nothing else is reported.
  assert.equal((md.match(/^#### /gm) ?? []).length, 1, md);
});
