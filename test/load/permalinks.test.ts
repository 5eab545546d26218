/** URL matching shared by the reading order and the transform's links. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from '../../src/model.js';
import { PermalinkIndex, cleanPath, resolvePermalink } from '../../src/load/permalinks.js';

function page(path: string, permalink: string): Page {
  return { path, permalink, title: path, raw: '', body: '', bodyLine: 1, frontMatter: {} };
}

const pages = [
  page('index.md', '/'),
  page('guide/index.md', '/guide'),
  page('guide/01-get-started.md', '/guide/get-started'),
  page('guide/09-post-go-live.md', '/guide/post-go-live'),
  page('glossary.md', '/glossary/'),
];
const site = { baseurl: '/other', url: 'https://nhsconnect.github.io' };
const index = new PermalinkIndex(pages, site);
const target = (url: string, from?: Page): string | undefined =>
  index.resolve(url, from)?.page.path;

test('plain permalinks, trailing slashes, .html and index', () => {
  assert.equal(target('/guide/get-started'), 'guide/01-get-started.md');
  assert.equal(target('/guide/get-started/'), 'guide/01-get-started.md');
  assert.equal(target('/guide/get-started.html'), 'guide/01-get-started.md');
  assert.equal(target('/glossary'), 'glossary.md');
  assert.equal(target('/guide/index.html'), 'guide/index.md');
  assert.equal(target('/'), 'index.md');
});

test('{{ site.baseurl }}, the site baseurl and the site origin are stripped', () => {
  assert.equal(target('{{ site.baseurl }}/guide/get-started'), 'guide/01-get-started.md');
  assert.equal(target('{{site.baseurl}}/guide/get-started#request'), 'guide/01-get-started.md');
  assert.equal(target('/other/guide/get-started'), 'guide/01-get-started.md');
  assert.equal(target('https://nhsconnect.github.io/other/glossary/'), 'glossary.md');
  assert.equal(target("{{ '/guide' | relative_url }}"), 'guide/index.md');
});

test('a hard-coded prefix that differs from baseurl still resolves', () => {
  assert.equal(target('/prm-practice-migration/guide/post-go-live'), 'guide/09-post-go-live.md');
  assert.equal(
    target('https://nhsconnect.github.io/prm-practice-migration/guide/post-go-live/'),
    'guide/09-post-go-live.md',
  );
  // …but a stripped prefix never lands on the home page, and typos stay unresolved.
  assert.equal(target('/prm-practice-migration/'), undefined);
  assert.equal(target('/guide/post-golive'), undefined);
});

test('anchors are split off; in-page anchors resolve to the page they are on', () => {
  const r = index.resolve(
    '( {{site.baseurl}}/guide/get-started#request-a-data-extract )'.replace(/^\(\s*|\s*\)$/g, ''),
  );
  assert.equal(r?.page.path, 'guide/01-get-started.md');
  assert.equal(r?.anchor, 'request-a-data-extract');
  const from = pages[2];
  assert.equal(index.resolve('#data-checking', from)?.page, from);
  assert.equal(index.resolve('#data-checking', from)?.anchor, 'data-checking');
  assert.equal(index.resolve('#data-checking'), undefined);
});

test('external and non-http urls are not site links', () => {
  assert.equal(index.normalise('https://ico.org.uk/x'), undefined);
  assert.equal(index.normalise('mailto:someone@example.org'), undefined);
  assert.equal(target('//example.org/guide'), undefined);
});

test('relative urls resolve against the page they are written on', () => {
  const from = pages[2];
  assert.equal(target('post-go-live', from), 'guide/09-post-go-live.md');
  assert.equal(target('../glossary/', from), 'glossary.md');
});

test('source paths resolve as config references; suggestions for typos', () => {
  assert.equal(index.resolveRef('guide/01-get-started.md')?.permalink, '/guide/get-started');
  assert.equal(index.resolveRef('/guide/get-started')?.path, 'guide/01-get-started.md');
  assert.equal(index.suggest('/guide/get-startd'), '/guide/get-started');
  assert.equal(index.suggest('/completely/unrelated/thing'), undefined);
});

test('resolvePermalink caches an index per tree', () => {
  const tree = { pages, site };
  assert.equal(resolvePermalink('/other/guide', tree)?.page.path, 'guide/index.md');
  assert.equal(cleanPath('guide//x/'), '/guide/x');
  assert.equal(cleanPath(''), '/');
});
