/** The CLI as a process: exit codes, what goes to stdout and stderr, files written. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, handbook } from './run.js';

const OTHER = fixture('guides/other-guide');

test('build --format html writes dist/handbook.html only, lists it on stdout, one summary line on stderr', () => {
  const out = mkdtempSync(join(tmpdir(), 'hb-cli-'));
  const r = handbook([
    'build',
    '--format',
    'html',
    '--out',
    out,
    '--date',
    '2026-11-01',
    '--no-cache',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out), ['handbook.html']);
  assert.equal(r.stdout.trim(), join(out, 'handbook.html'));
  // Not a terminal: per-stage progress folds into one summary line with stage, items and ms.
  const summary = r.stderr.trim().split('\n').at(-1) ?? '';
  assert.match(summary, /^built 1 file in \d+ ms/);
  for (const stage of ['load', 'liquid', 'markdown', 'transform', 'html'])
    assert.match(summary, new RegExp(`${stage} \\d+ items? \\d+ ms`));
  assert.match(readFileSync(join(out, 'handbook.html'), 'utf8'), /Version 1\.0|1 November 2026/);
  // The same build again (cache allowed, twice so the second is warm): the tree comes from the
  // build cache, the HTML is the same bytes.
  const again = mkdtempSync(join(tmpdir(), 'hb-cli-'));
  handbook(['build', '--format', 'html', '--out', again, '--date', '2026-11-01']);
  const warm = handbook(['build', '--format', 'html', '--out', again, '--date', '2026-11-01']);
  assert.match(warm.stderr, /cache hit \d+ items/);
  assert.ok(
    readFileSync(join(out, 'handbook.html')).equals(readFileSync(join(again, 'handbook.html'))),
  );
});

test('check on content/ passes, fails with --strict while GAP notes remain', () => {
  const plain = handbook(['check']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^guide\/index\.md:31: warning: \[GAP\] link missing/m);
  assert.match(plain.stdout, /^guide\/index\.md:23: note: \[UPLIFT\]/m);
  const strict = handbook(['check', '--strict']);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /failed \(--strict\)/);
});

test('check --json prints the findings as JSON on stdout', () => {
  const r = handbook(['check', '--json', '--source', OTHER]);
  const data = JSON.parse(r.stdout) as {
    ok: boolean;
    findings: { file: string; line: number; code: string }[];
  };
  assert.equal(typeof data.ok, 'boolean');
  assert.ok(data.findings.some((f) => f.file === '_data/guide_nav.yml' && f.line === 10));
});

test('check names each broken link and navigation typo of an unseen guide with file:line', () => {
  const r = handbook(['check', '--source', OTHER]);
  assert.equal(r.code, 0, 'warnings alone do not fail a check');
  assert.match(
    r.stdout,
    /^_data\/guide_nav\.yml:10: warning: navigation entry "Staff and contracts" links to \/guide\/stafing/m,
  );
  assert.match(r.stdout, /^guide\/01-deciding\.md:19: warning: broken link "premises"/m);
  assert.match(r.stdout, /^guide\/04-patients\.md:20: warning: broken link "data sharing"/m);
  assert.equal(handbook(['check', '--strict', '--source', OTHER]).code, 1);
});

test('a Liquid error is a check error (exit 1) reported with file:line, not a crash', () => {
  const r = handbook(['check', '--source', fixture('cli-unknown-include')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^guide\/index\.md:8: error: .*warning-callout\.html/m);
});

test('--version prints the toolchain version; --help the usage', () => {
  const v = handbook(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^\d+\.\d+\.\d+/);
  const h = handbook(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /build +build the handbook/);
  assert.equal(h.stderr, '');
});

test('a build into a new folder creates it; nothing else is left beside the outputs', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'hb-cli-')), 'nested', 'dist');
  const r = handbook(['build', '--format', 'docx,html', '--out', out, '--source', OTHER]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(out, 'handbook.docx')));
  assert.deepEqual(readdirSync(out).sort(), ['handbook.docx', 'handbook.html']);
});
