import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kramdownText, parseAttributeList } from '../../src/markdown/index.js';
import { runFixture } from './fixture-runner.js';

test('attribute lists: classes, id, quoted and bare values, references', () => {
  const list = parseAttributeList(' .a #the-id .b title="A title" data-role=\'x\' width=3 toc');
  assert.equal(list.id, 'the-id');
  assert.deepEqual(list.classes, ['a', 'b']);
  assert.deepEqual(list.properties, { title: 'A title', dataRole: 'x', width: '3' });
  assert.deepEqual(list.references, ['toc']);
});

test('an ordered list not starting at 1 is separated from the paragraph above it', () => {
  assert.equal(kramdownText('Intro:\n3. three'), 'Intro:\n\n3. three');
  // Already a list item: left alone.
  assert.equal(kramdownText('1. one\n2. two'), '1. one\n2. two');
  // Inside fenced code: left alone.
  assert.equal(kramdownText('```\nIntro:\n3. three\n```'), '```\nIntro:\n3. three\n```');
});

test('a link destination with spaces is bracketed; one with a title is not touched', () => {
  assert.equal(kramdownText('[a](/guide/x y)'), '[a](</guide/x y>)');
  assert.equal(kramdownText('[a](/x "t")'), '[a](/x "t")');
});

test('blank lines inside an HTML block are removed and one is put after it', () => {
  const src = '<div class="x">\n  <p>a</p>\n\n      <p>b</p>\n</div>\ntext';
  assert.equal(kramdownText(src), '<div class="x">\n  <p>a</p>\n      <p>b</p>\n</div>\n\ntext');
});

test('kramdown header ids become ids and leave the heading text', () => {
  const { parsed } = runFixture('markdown-heading-ids');
  const headings = parsed.tree.children.filter(
    (c) => c.type === 'element' && /^h\d$/.test(c.tagName),
  );
  const ids = headings.map((h) => (h.type === 'element' ? h.properties.id : undefined));
  assert.deepEqual(ids, ['data-checking', undefined, 'report-issues', 'ial-id', 'emphasised']);
  const { html } = runFixture('markdown-heading-ids');
  assert.doesNotMatch(html, /\{#|\{:/);
});

test('IAL lines apply to their block and never show as text', () => {
  const { html } = runFixture('markdown-ial');
  assert.doesNotMatch(html, /\{:|TOC/);
  assert.match(html, /<p id="intro" class="lead">/);
  assert.match(html, /<ul class="checklist">/);
  assert.match(html, /<table class="data-table">/);
});
