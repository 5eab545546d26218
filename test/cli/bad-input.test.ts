/**
 * Bad input: one clear message with file:line and a hint, a non-zero exit, no stack trace,
 * nothing written to the output directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, handbook } from './run.js';

interface Case {
  name: string;
  source: string;
  /** What the message must say: the file:line and the gist. */
  expect: RegExp[];
}

const cases: Case[] = [
  {
    name: 'missing source directory',
    source: 'no-such-dir',
    expect: [/no-such-dir/, /hint|--source/i],
  },
  {
    name: 'Liquid syntax error',
    source: 'cli-bad-liquid',
    expect: [/guide\/index\.md:\d+/, /if|tag|close|Liquid/i],
  },
  {
    name: 'unknown include',
    source: 'cli-unknown-include',
    expect: [/guide\/index\.md:8\b/, /warning-callout\.html/],
  },
  {
    name: 'include naming no captured variable',
    source: 'cli-unknown-capture',
    expect: [/guide\/index\.md:10\b/, /not_captured/],
  },
  {
    name: 'invalid handbook.yml',
    source: 'cli-bad-config',
    expect: [/handbook\.yml:\d+/, /appendix\.(title|colour)/],
  },
  { name: 'unreadable file', source: 'cli-unreadable', expect: [/guide\/broken\.md/, /read/i] },
];

for (const c of cases) {
  test(`bad input: ${c.name}`, () => {
    const out = mkdtempSync(join(tmpdir(), 'hb-bad-'));
    const source = c.name === 'missing source directory' ? join(out, c.source) : fixture(c.source);
    const r = handbook([
      'build',
      '--format',
      'html,docx',
      '--source',
      source,
      '--out',
      join(out, 'dist'),
    ]);
    assert.equal(r.code, 1, `exit code (stderr: ${r.stderr})`);
    for (const re of c.expect) assert.match(r.stderr, re);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
    assert.match(r.stderr, /hint:/, 'a hint says what to do');
    assert.ok(
      !existsSync(join(out, 'dist')) || readdirSync(join(out, 'dist')).length === 0,
      'nothing written',
    );
  });
}

test('a usage error exits 2 and names the flag', () => {
  const r = handbook(['build', '--format', 'mobi']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown format "mobi"/);
});

test('an unknown command exits 2', () => {
  const r = handbook(['publish']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command "publish"/);
});

test('malformed front matter: build goes on as Jekyll does, the error named at file:line; check fails', () => {
  const out = mkdtempSync(join(tmpdir(), 'hb-bad-'));
  const source = fixture('cli-bad-front-matter');
  const b = handbook(['build', '--format', 'html', '--source', source, '--out', join(out, 'dist')]);
  assert.equal(b.code, 0, `exit code (stderr: ${b.stderr})`);
  assert.match(b.stderr, /guide\/index\.md:4: error: invalid YAML in the front matter/);
  assert.match(b.stderr, /lost: subtitle/);
  assert.doesNotMatch(b.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
  assert.ok(readdirSync(join(out, 'dist')).length > 0, 'the handbook is built');
  const c = handbook(['check', '--source', source]);
  assert.equal(c.code, 1);
  assert.match(c.stdout, /guide\/index\.md:4: error: .*front matter/);
});
