/** Editors' notes are reported wherever they are: pages, steps documents and partials. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../../src/check.js';

const OTHER = fileURLToPath(new URL('../fixtures/guides/other-guide', import.meta.url));

test('a GAP note in a steps document and an UPLIFT note in a partial are reported with file:line', async () => {
  const source = mkdtempSync(join(tmpdir(), 'hb-notes-'));
  cpSync(OTHER, source, { recursive: true });
  const step = join(source, '_steps/merger-stages/02-due-diligence.md');
  const lines = readFileSync(step, 'utf8').split('\n');
  lines.push('<!-- [GAP] add the due diligence checklist -->');
  writeFileSync(step, lines.join('\n'));
  writeFileSync(
    join(source, '_includes/inset.html'),
    `${readFileSync(join(source, '_includes/inset.html'), 'utf8')}\n<!-- [UPLIFT] new wording agreed -->\n`,
  );
  const { findings } = await check({ source, cache: false });
  const gap = findings.find(
    (f) => f.code === 'gap-note' && f.file === '_steps/merger-stages/02-due-diligence.md',
  );
  assert.equal(gap?.line, lines.length);
  assert.match(gap?.message ?? '', /add the due diligence checklist/);
  assert.ok(findings.some((f) => f.code === 'uplift-note' && f.file === '_includes/inset.html'));
});
