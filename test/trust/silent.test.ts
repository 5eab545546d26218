/**
 * Item 6: what used to be accepted silently is a finding: an error (exit 1, or 2 for a flag)
 * naming the file, with nothing written, or a warning when the build can go on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { handbook, MINIMAL, site, STACK, temp } from './site.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function buildFails(
  t: Parameters<typeof temp>[0],
  files: Record<string, string | Uint8Array>,
  gist: RegExp[],
  code = 1,
  extra: string[] = [],
): void {
  const dir = temp(t);
  const source = site(join(dir, 'src'), files);
  const out = join(dir, 'out');
  const r = handbook([
    'build',
    '--format',
    'html,docx',
    '--source',
    source,
    '--out',
    out,
    ...extra,
  ]);
  assert.equal(r.code, code, `exit ${code} (stderr: ${r.stderr})`);
  for (const re of gist) assert.match(r.stderr, re);
  assert.match(r.stderr, /hint:/);
  assert.doesNotMatch(r.stderr, STACK);
  assert.equal(existsSync(out), false, 'nothing written');
}

test('a _config.yml that is a list or a single value is an error', (t) => {
  buildFails(t, { ...MINIMAL, '_config.yml': '- title\n- x\n' }, [
    /_config\.yml:1: error: _config\.yml is a list/,
  ]);
  buildFails(t, { ...MINIMAL, '_config.yml': 'just a title\n' }, [
    /_config\.yml is a single value/,
  ]);
});

test('two pages with one permalink: an error naming both files', (t) => {
  buildFails(
    t,
    {
      ...MINIMAL,
      'guide/a.md': '---\ntitle: A\npermalink: /guide/same/\n---\nA\n',
      'guide/b.md': '---\ntitle: B\npermalink: /guide/same\n---\nB\n',
    },
    [/guide\/b\.md:3: error: guide\/b\.md and guide\/a\.md both have the permalink \/guide\/same/],
  );
});

test('invalid UTF-8: an error with file:line:column', (t) => {
  const bytes = Buffer.concat([
    Buffer.from('---\ntitle: Welcome\n---\n\nFirst line\nCafé au '),
    Buffer.from([0xff, 0x41]),
    Buffer.from('\n'),
  ]);
  buildFails(t, { ...MINIMAL, 'guide/index.md': bytes }, [
    /guide\/index\.md:6:9: error: invalid UTF-8 \(byte 0xFF\)/,
  ]);
});

test('an impossible --date is a usage error', (t) => {
  for (const date of ['2026-02-30', '2025-02-29', '2026-13-01']) {
    buildFails(t, MINIMAL, [new RegExp(`invalid date "${date}"`)], 2, ['--date', date]);
  }
});

test('a missing, empty or page-less source is an error every time, cache or not', (t) => {
  const dir = temp(t);
  const cache = { HANDBOOK_CACHE: '1', HANDBOOK_CACHE_DIR: join(dir, 'cache') };
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  for (let i = 0; i < 2; i++) {
    const r = handbook(
      ['build', '--format', 'html', '--source', empty, '--out', join(dir, 'out')],
      cache,
    );
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /no pages in .*empty/);
    const gone = handbook(
      ['build', '--format', 'html', '--source', join(dir, 'gone'), '--out', join(dir, 'out')],
      cache,
    );
    assert.equal(gone.code, 1, gone.stderr);
    assert.match(gone.stderr, /source directory not found: .*gone/);
    const check = handbook(['check', '--source', join(dir, 'gone')], cache);
    assert.equal(check.code, 1, check.stderr);
  }
  assert.equal(existsSync(join(dir, 'out')), false);
  buildFails(t, { '_config.yml': 'title: x\n', 'README.md': '# Read me\n' }, [/no pages in/]);
});

test('control characters are stripped from every output, with a warning', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), {
    '_config.yml': 'title: "Tiny\\x01 guide"\n',
    'guide/index.md': '---\ntitle: "Wel\\x02come"\n---\n\nHello\u0007 **world**\u001b.\n',
  });
  const out = join(dir, 'out');
  const r = handbook(['build', '--format', 'html,docx', '--source', source, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /guide\/index\.md(:\d+)?: warning: 3 control character\(s\) removed/);
  assert.match(r.stderr, /_config\.yml: warning: 1 control character/);
  const html = readFileSync(join(out, 'handbook.html'), 'utf8');
  assert.doesNotMatch(html, CONTROL);
  assert.match(html, /Welcome/);
  const docx = unzipSync(readFileSync(join(out, 'handbook.docx')));
  for (const [name, bytes] of Object.entries(docx)) {
    if (name.endsWith('.xml')) assert.doesNotMatch(strFromU8(bytes), CONTROL, name);
  }
});

test('build reports pages without front matter as check does', (t) => {
  const dir = temp(t);
  const source = site(join(dir, 'src'), {
    ...MINIMAL,
    'guide/draft.md': '# Draft\n\nNo front matter.\n',
  });
  const r = handbook(['build', '--format', 'html', '--source', source, '--out', join(dir, 'out')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /guide\/draft\.md:1: note: guide\/draft\.md has no front matter/);
  const check = handbook(['check', '--source', source]);
  assert.match(check.stdout, /guide\/draft\.md:1: note: guide\/draft\.md has no front matter/);
});
