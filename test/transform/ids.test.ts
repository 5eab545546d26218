import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { build, findingsWith, type PageSpec } from './helpers.js';

const a: PageSpec = {
  path: 'guide/01-get-started.md',
  permalink: '/guide/get-started',
  title: 'Get started',
  source:
    '## Overview\n\n## Data checking {#data-checking}\n\n## Overview\n\nSee [second](#overview-1) and [checking](#data-checking).\n\nA note.\n{: #note}\n',
};
const b: PageSpec = {
  path: 'guide/02-kick-off.md',
  permalink: '/guide/kick-off',
  title: 'Kick-off meeting',
  source: [
    '## Overview',
    '',
    '## Data checking {#data-checking}',
    '',
    'Another note.',
    '{: #note}',
    '',
    '## Get started',
    '',
    'Links: [o](#overview), [d](#data-checking), [n](#note),',
    '[other o]({{ site.baseurl }}/guide/get-started#overview), [other d](/guide/get-started#data-checking),',
    '[other second](/guide/get-started#overview-1), [other n](/guide/get-started#note).',
    '',
  ].join('\n'),
};

function ids(html: string): string[] {
  return [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? '');
}

test('ids are unique across the handbook and links follow the renamed ids', () => {
  const { handbook, findings } = build({ pages: [a, b] });
  const [one, two] = handbook.chapters;
  assert.equal(one?.id, 'get-started');
  assert.equal(two?.id, 'kick-off');
  const h1 = toHtml(one!.body);
  const h2 = toHtml(two!.body);
  assert.deepEqual(ids(h1), ['overview', 'data-checking', 'overview-1', 'note']);
  // "Get started" would collide with the chapter id of the first chapter.
  assert.deepEqual(ids(h2), ['overview-2', 'data-checking-1', 'note-1', 'get-started-1']);
  const all = [...handbook.chapters.map((c) => c.id), ...ids(h1), ...ids(h2)];
  assert.equal(new Set(all).size, all.length, 'all ids unique');

  assert.match(h1, /<a href="#overview-1">second<\/a>/);
  assert.match(h1, /<a href="#data-checking">checking<\/a>/);
  const links = [...h2.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
  assert.deepEqual(links, [
    'o #overview-2',
    'd #data-checking-1',
    'n #note-1',
    'other o #overview',
    'other d #data-checking',
    'other second #overview-1',
    'other n #note',
  ]);
  assert.deepEqual(findingsWith(findings, 'broken-link'), []);
});

test('kramdown-style ids still resolve to the heading', () => {
  const page: PageSpec = {
    path: 'guide/03-x.md',
    permalink: '/guide/x',
    title: 'X',
    source:
      '## 2. Ordering the “new” system\n\n[k](#ordering-the-new-system) [g](#2-ordering-the-new-system)\n',
  };
  const { handbook, findings } = build({ pages: [page] });
  const out = toHtml(handbook.chapters[0]!.body);
  assert.match(out, /<h2 id="2-ordering-the-new-system">/);
  assert.match(
    out,
    /<a href="#2-ordering-the-new-system">k<\/a> <a href="#2-ordering-the-new-system">g<\/a>/,
  );
  assert.deepEqual(findingsWith(findings, 'broken-link'), []);
});

test('ids the handbook reserves for its own pages are not given to content', () => {
  const page: PageSpec = {
    path: 'guide/c.md',
    permalink: '/guide/c',
    title: 'C',
    source: '## Contents\n',
  };
  const { handbook } = build({ pages: [page] });
  assert.match(toHtml(handbook.chapters[0]!.body), /<h2 id="contents-1">/);
});
