/** Errors a user can cause while loading: each names the file, the real line and a hint. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { HandbookError } from '../../src/errors.js';
import { loadSource } from '../../src/load/index.js';
import { parseFrontMatter } from '../../src/load/front-matter.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function loadError(dir: string): Promise<HandbookError> {
  try {
    await loadSource(dir, new Diagnostics());
  } catch (e) {
    assert.ok(e instanceof HandbookError, `expected a HandbookError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected loadSource to fail');
}

test('a missing source folder is SOURCE_NOT_FOUND with a hint', async () => {
  const e = await loadError(path.join(fixtures, 'no-such-folder'));
  assert.equal(e.code, 'SOURCE_NOT_FOUND');
  assert.match(e.file ?? '', /no-such-folder$/);
  assert.ok(e.hint);
});

test('invalid front matter YAML is an error finding at file:line; the build goes on with the keys that still read', async () => {
  const diag = new Diagnostics();
  const tree = await loadSource(path.join(fixtures, 'load-bad-front-matter'), diag);
  const finding = diag.findings.find((f) => f.code === 'front-matter-yaml');
  assert.ok(finding, 'a front-matter-yaml finding');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.file, 'guide/broken.md');
  // The unterminated string opens on line 4 of the file (line 3 of the YAML).
  assert.ok(
    finding.line !== undefined && finding.line >= 4 && finding.line <= 6,
    `line ${finding.line}`,
  );
  assert.match(finding.message, /invalid YAML in the front matter/);
  assert.match(finding.message, /lost: subtitle/);
  const broken = tree.pages.find((p) => p.path === 'guide/broken.md');
  assert.ok(broken, 'the page is still built, as Jekyll builds it');
  assert.equal(broken.title, 'Broken');
  assert.equal(broken.permalink, '/guide/broken');
  assert.equal(broken.body.trim(), 'Body.');
});

test("the guide history's invalid subtitle loses only that key", () => {
  const raw =
    "---\ntitle: Step 3\nsubtitle: 'Estimated timeline: 5 days to 2 weeks'(varies by practice)\norder: 3\ntags:\n  - a\n  - b\n---\nBody\n";
  const r = parseFrontMatter(raw, 'x.md');
  assert.deepEqual(r.frontMatter, { title: 'Step 3', order: 3, tags: ['a', 'b'] });
  assert.deepEqual(r.problem?.lost, ['subtitle']);
  assert.equal(r.problem?.line, 3);
  assert.doesNotMatch(r.problem?.message ?? '', /column/);
  assert.equal(r.bodyLine, 9);
});

test('front matter: body line, empty values, unclosed and non-mapping front matter', () => {
  const ok = parseFrontMatter('---\ntitle: A\nsubtitle:\n---\nBody\n', 'a.md');
  assert.deepEqual(ok.frontMatter, { title: 'A', subtitle: null });
  assert.equal(ok.bodyLine, 5);
  assert.equal(ok.body, 'Body\n');
  const crlf = parseFrontMatter('---\r\ntitle: B\r\n---\r\nBody', 'b.md');
  assert.equal(crlf.frontMatter.title, 'B');
  assert.equal(crlf.bodyLine, 4);
  assert.throws(
    () => parseFrontMatter('---\ntitle: A\nBody\n', 'c.md'),
    (e: HandbookError) => e.code === 'FRONT_MATTER' && e.line === 1,
  );
  assert.throws(
    () => parseFrontMatter('---\n- a\n- b\n---\n', 'd.md'),
    (e: HandbookError) => e.code === 'FRONT_MATTER' && e.line === 2,
  );
  // A repeated key: Jekyll keeps the last value; we do too, and report the line.
  const dup = parseFrontMatter('---\ntitle: A\ntitle: B\n---\n', 'e.md');
  assert.deepEqual(dup.frontMatter, { title: 'B' });
  assert.equal(dup.problem?.line, 3);
});

test('an invalid handbook.yml value names the key path and its line', async () => {
  const e = await loadError(path.join(fixtures, 'load-bad-config'));
  assert.equal(e.code, 'CONFIG');
  assert.equal(e.file, 'handbook.yml');
  assert.equal(e.line, 5);
  assert.match(e.message, /^handbook\.yml: appendix\.title: Expected string/);
});

test('an unknown handbook.yml key is reported at that key, with the valid keys', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hb-load-'));
  try {
    await writeFile(path.join(dir, 'handbook.yml'), 'title: T\n\nchaptres:\n  - /a\n');
    const e = await loadError(dir);
    assert.equal(e.code, 'CONFIG');
    assert.equal(e.line, 3);
    assert.match(e.message, /chaptres/);
    assert.match(e.hint ?? '', /chapters/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('handbook.yml with a YAML syntax error names its line', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hb-load-'));
  try {
    await writeFile(path.join(dir, 'handbook.yml'), 'title: T\nparts:\n  - title: [unclosed\n');
    const e = await loadError(dir);
    assert.equal(e.code, 'CONFIG');
    assert.equal(e.file, 'handbook.yml');
    assert.ok((e.line ?? 0) >= 3, `line ${e.line}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an invalid release entry names the key path and its line', async () => {
  const e = await loadError(path.join(fixtures, 'load-bad-releases'));
  assert.equal(e.code, 'CONFIG');
  assert.equal(e.file, 'releases.yml');
  assert.equal(e.line, 4);
  assert.match(e.message, /\[1\]\.summary: Required/);
});

test(
  'an unreadable file is UNREADABLE_FILE naming it',
  { skip: process.getuid?.() === 0 },
  async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hb-load-'));
    try {
      await writeFile(path.join(dir, 'secret.md'), '---\ntitle: S\n---\n');
      await chmod(path.join(dir, 'secret.md'), 0o000);
      const e = await loadError(dir);
      assert.equal(e.code, 'UNREADABLE_FILE');
      assert.equal(e.file, 'secret.md');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
