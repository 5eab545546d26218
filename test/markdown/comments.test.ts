import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { Diagnostics } from '../../src/diagnostics.js';
import { findEditorialNotes, parsePage, stripComments } from '../../src/markdown/index.js';
import { fixturePage, runFixture } from './fixture-runner.js';

test('a comment on its own line becomes a blank line; an inline one disappears', () => {
  const r = stripComments('a\n<!-- block -->\nb <!-- inline --> c');
  assert.equal(r.markdown, 'a\n\nb  c');
  assert.deepEqual(r.comments, [' block ', ' inline ']);
  assert.equal(r.unclosed, false);
});

test('comments in fenced code and code spans are text, not comments', () => {
  const src = '```html\n<!-- shown -->\n```\n\nUse `<!-- x -->` to hide text.';
  assert.equal(stripComments(src).markdown, src);
});

test('an unclosed comment drops the rest of the page and is reported', () => {
  const diag = new Diagnostics();
  const page = fixturePage('Kept.\n\n<!-- never closed\n\nLost text.\n', 'guide/x.md');
  const parsed = parsePage({ page, markdown: page.body }, diag);
  const html = toHtml(parsed.tree);
  assert.match(html, /Kept\./);
  assert.doesNotMatch(html, /Lost|never/);
  assert.deepEqual(
    diag.findings.map((f) => f.code),
    ['unclosed-comment'],
  );
});

test('GAP and UPLIFT notes are found in the raw file, each comment once, in order', () => {
  const raw = [
    '---',
    'title: X',
    '---',
    'Text',
    '<!-- [UPLIFT] why',
    'it changed -->',
    'x<!-- [GAP] a -->y<!-- [GAP] b [GAP] c -->',
    '<!-- plain -->',
  ].join('\n');
  const notes = findEditorialNotes(raw);
  assert.deepEqual(
    notes.map((n) => [n.kind, n.line, n.text]),
    [
      ['UPLIFT', 5, 'why it changed'],
      ['GAP', 7, 'a'],
      ['GAP', 7, 'b'],
    ],
  );
});

test('notes are reported with the source line even when Liquid moved the text', () => {
  const { findings } = runFixture('markdown-comments');
  const gap = findings.find((f) => f.code === 'gap-note');
  assert.equal(gap?.line, 16);
  assert.equal(gap?.severity, 'warning');
  assert.equal(gap?.file, 'guide/markdown-comments.md');
  assert.match(gap?.message ?? '', /link missing for this reference/);
  const uplift = findings.find((f) => f.code === 'uplift-note');
  assert.equal(uplift?.severity, 'note');
  assert.equal(uplift?.line, 9);
});

test('the seed introduction reports its UPLIFT and GAP notes on their real lines', () => {
  const { findings } = runFixture('markdown-seed-002');
  assert.deepEqual(
    findings.map((f) => `${f.line} ${f.code}`),
    ['23 uplift-note', '31 gap-note'],
  );
});

test('nothing of a comment or a commented-out include reaches the tree', () => {
  for (const dir of [
    'markdown-comments',
    'markdown-commented-include',
    'markdown-seed-002',
    'markdown-seed-000',
  ]) {
    const { html, parsed } = runFixture(dir);
    assert.doesNotMatch(
      html,
      /<!--|\[GAP\]|\[UPLIFT\]|Blah|Gaps to be confirmed|retired paragraph/i,
      dir,
    );
    const kinds = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => {
      kinds.add(n.type);
      for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] });
    };
    walk(parsed.tree);
    assert.ok(!kinds.has('comment') && !kinds.has('raw'), `${dir}: ${[...kinds].join(',')}`);
  }
});
