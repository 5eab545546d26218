import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from '../../src/check.js';
import type { Finding } from '../../src/diagnostics.js';
import { gateError } from '../../src/release/gate.js';
import { withReleaseEntry } from '../../src/release/document-control.js';
import { handbook } from './helpers.js';

const f = (severity: Finding['severity'], code: string, line: number): Finding => ({
  file: 'guide/index.md',
  line,
  severity,
  code,
  message: `${code} at ${line}`,
});

test('errors stop a release, naming file:line and the count', () => {
  const findings = [
    ...Array.from({ length: 7 }, (_, i) => f('error', 'liquid', i + 1)),
    f('warning', 'broken-link', 20),
  ];
  const e = gateError(summarise(findings, false), false);
  assert.equal(e?.code, 'CHECK_FAILED');
  assert.match(e!.message, /7 error\(s\)/);
  assert.match(e!.message, /guide\/index\.md:1: error: liquid at 1/);
  assert.match(e!.message, /… and 2 more/);
  assert.doesNotMatch(e!.message, /broken-link/);
});

test('warnings and GAP notes pass, unless --strict', () => {
  const findings = [
    f('warning', 'broken-link', 3),
    f('note', 'gap-note', 9),
    f('note', 'uplift-note', 10),
  ];
  assert.equal(gateError(summarise(findings, false), false), undefined);
  const e = gateError(summarise(findings, true), true);
  assert.equal(e?.code, 'CHECK_FAILED');
  assert.match(e!.message, /--strict: 1 warning\(s\) and 1 GAP note\(s\) remain/);
  assert.doesNotMatch(e!.message, /uplift/);
  assert.equal(gateError(summarise([f('note', 'uplift-note', 1)], true), true), undefined);
});

test('the release is added to document control unless the sources already have it', () => {
  const hb = handbook([]);
  hb.releases = [{ version: '1.0', date: '2026-01-01', summary: 'First' }];
  const added = withReleaseEntry(hb, { version: '1.1', date: '2026-02-01', summary: 'Second' });
  assert.deepEqual(
    added.releases.map((r) => r.version),
    ['1.0', '1.1'],
  );
  assert.equal(hb.releases.length, 1, 'the input is not mutated');
  assert.equal(withReleaseEntry(hb, { version: '1.0.0', date: 'x', summary: 'y' }), hb);
});

test('front matter YAML errors pass the gate only with --allow-source-errors; other errors never', () => {
  const yaml = f('error', 'front-matter-yaml', 3);
  assert.match(gateError(summarise([yaml], false), false)?.message ?? '', /1 error/);
  assert.match(gateError(summarise([yaml], false), false)?.hint ?? '', /--allow-source-errors/);
  assert.equal(gateError(summarise([yaml], false), false, true), undefined);
  const liquid = f('error', 'liquid', 5);
  const e = gateError(summarise([yaml, liquid], false), false, true);
  assert.match(e?.message ?? '', /1 error\(s\)/);
  assert.match(e?.message ?? '', /liquid at 5/);
  assert.doesNotMatch(e?.message ?? '', /front-matter-yaml at 3/);
});
