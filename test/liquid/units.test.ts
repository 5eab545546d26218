/** The Liquid stage's pure helpers: Jekyll filters, HTML block safety, comment handling. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteUrl, relativeUrl, sort, where } from '../../src/liquid/filters.js';
import { markdownify, toHtmlBlock } from '../../src/liquid/markdownify.js';
import {
  commentSpans,
  includesInComments,
  markComments,
  stripLiquidInSpan,
  unmarkComments,
} from '../../src/liquid/comments.js';

test('relative_url and absolute_url behave as in Jekyll', () => {
  assert.equal(relativeUrl('/guide', '/prm'), '/prm/guide');
  assert.equal(relativeUrl('guide', '/prm/'), '/prm/guide');
  assert.equal(relativeUrl('/guide', ''), '/guide');
  assert.equal(relativeUrl('https://x.example/a', '/prm'), 'https://x.example/a');
  assert.equal(relativeUrl('mailto:a@b.c', '/prm'), 'mailto:a@b.c');
  assert.equal(relativeUrl(undefined, '/prm'), '');
  assert.equal(
    absoluteUrl('/guide', '/prm', 'https://site.example/'),
    'https://site.example/prm/guide',
  );
});

test('where compares as strings and matches array members; sort puts nils first', () => {
  const items = [{ g: 'a', o: 10 }, { g: ['a', 'b'], o: 2 }, { g: 'b' }, { g: 1, o: '1' }];
  assert.deepEqual(where(items, 'g', 'a'), [items[0], items[1]]);
  assert.deepEqual(where(items, 'g', '1'), [items[3]]);
  assert.deepEqual(
    (sort(items, 'o') as { o?: unknown }[]).map((i) => i.o),
    [undefined, '1', 2, 10],
  );
  assert.deepEqual(
    sort([{ o: 10 }, { o: 2 }, {}], 'o').map((i) => (i as { o?: number }).o),
    [undefined, 2, 10],
  );
  assert.deepEqual(
    sort([{ o: 10 }, {}, { o: 2 }], 'o', 'last').map((i) => (i as { o?: number }).o),
    [2, 10, undefined],
  );
  assert.deepEqual(sort(['b', 'a', 'c']), ['a', 'b', 'c']);
});

test('markdownify renders GFM and raw HTML', () => {
  assert.equal(markdownify('**a** <em>b</em>'), '<p><strong>a</strong> <em>b</em></p>\n');
  assert.match(markdownify('| a |\n|---|\n| 1 |'), /<table>/);
  assert.equal(markdownify(''), '\n');
});

test('toHtmlBlock: one CommonMark HTML block, no blank lines, no indentation, <pre> kept', () => {
  const block = toHtmlBlock('  <div>\n\n    <p>x</p>\n<pre>line 1\n\n    line 3</pre>\n  </div>\n');
  assert.equal(block, '\n\n<div>\n<p>x</p>\n<pre>line 1&#10;&#10;    line 3</pre>\n</div>\n\n');
  assert.equal(toHtmlBlock('\n  \n'), '');
});

test('comments: spans, markers survive rendering, nested delimiters are neutralised', () => {
  const text = 'a <!-- one --> b <!-- two\nlines --> c <!-- unclosed';
  assert.deepEqual(
    commentSpans(text).map((s) => text.slice(s.start, s.end)),
    ['<!-- one -->', '<!-- two\nlines -->', '<!-- unclosed'],
  );
  const marked = markComments(text);
  assert.equal(marked.split('\n').length, text.split('\n').length);
  assert.equal(unmarkComments(marked), text);
  // What Liquid put inside a comment cannot close it early.
  const rendered = markComments('<!-- {{x}} -->').replace('{{x}}', '<p>a</p><!-- inner -->');
  assert.equal(unmarkComments(rendered), '<!-- <p>a</p>&lt;!-- inner --&gt; -->');
});

test('comments: Liquid is stripped from one span keeping its lines; includes inside are found', () => {
  const text = 'x {% a %}\n<!-- keep {% include x.html %}\n{{ y }} text -->\n{% b %}';
  const span = commentSpans(text)[0]!;
  assert.equal(stripLiquidInSpan(text, span), 'x {% a %}\n<!-- keep \n text -->\n{% b %}');
  assert.deepEqual(includesInComments(text), [text.indexOf('{% include')]);
});
