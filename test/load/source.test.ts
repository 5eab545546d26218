/** What loadSource reads besides the order: site, data, collections, includes, releases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSource } from '../../src/load/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

test('pages get front matter permalinks, or Jekyll-style derived ones, and titles', async () => {
  const tree = await loadSource(path.join(fixtures, 'load-zero-config'), new Diagnostics());
  const byPath = Object.fromEntries(tree.pages.map((p) => [p.path, p]));
  assert.deepEqual(Object.keys(byPath), [
    'feedback.md',
    'glossary.md',
    'guide/01-get-started.md',
    'guide/02-kick-off.md',
    'guide/03-technical-survey.md',
    'guide/extra.md',
    'guide/index.md',
    'guide/orphan.md',
    'index.md',
  ]);
  assert.equal(byPath['index.md']?.permalink, '/');
  assert.equal(byPath['guide/extra.md']?.permalink, '/guide/extra');
  assert.equal(byPath['guide/index.md']?.subtitle, undefined);
  assert.equal(byPath['guide/index.md']?.nextpage, '/guide/get-started');
  assert.equal(byPath['guide/index.md']?.bodyLine, 7);
});

test('a title falls back to the first heading, then to the file name', async () => {
  const tree = await loadSource(path.join(fixtures, 'load-no-navigation'), new Diagnostics());
  const glossary = tree.pages.find((p) => p.path === 'glossary.md');
  assert.equal(glossary?.title, 'Glossary terms');
  const { toPage } = await import('../../src/load/pages.js');
  const base = { raw: '', frontMatter: {}, bodyLine: 1 };
  assert.equal(
    toPage({ ...base, path: 'guide/02-kick-off.md', body: 'text\n# Kick-off {#kick}\n' }).title,
    'Kick-off',
  );
  assert.equal(
    toPage({ ...base, path: 'guide/02-kick-off.md', body: 'no heading' }).title,
    'Kick off',
  );
});

test('site config, data by stem, collections with Jekyll fields', async () => {
  const tree = await loadSource(path.join(fixtures, 'load-zero-config'), new Diagnostics());
  assert.equal(tree.site.baseurl, '/staging-copy');
  assert.deepEqual(Object.keys(tree.data).sort(), ['header', 'navigation', 'promos']);
  const doc = tree.collections.steps?.[0];
  assert.equal(doc?.path, '_steps/phases/01-one.md');
  assert.equal(doc?.data.title, 'One');
  assert.equal(doc?.data.content, 'Step one.\n');
  assert.equal(doc?.data.url, '/steps/phases/01-one.html');
  assert.equal(tree.releases.length, 0);
});

test('releases are read from the configured file, oldest first', async () => {
  const tree = await loadSource(path.join(fixtures, 'load-releases'), new Diagnostics());
  assert.deepEqual(
    tree.releases.map((r) => `${r.version} ${r.date}`),
    ['1.0.0 2024-01-10', '1.1 2024-03-01'],
  );
  assert.equal(tree.releases[0]?.approver, 'Jo Bloggs');
});

test('includes by relative name; nested data folders nest', async () => {
  const tree = await loadSource(path.join(fixtures, 'liquid-site'), new Diagnostics());
  assert.ok(tree.includes['carecard.html']);
  assert.ok(tree.includes['steps/steps.html']);
  assert.deepEqual((tree.data.team as Record<string, unknown>).people, [
    { name: 'Ann', role: 'lead' },
    { name: 'Bo', role: 'gp' },
  ]);
});
