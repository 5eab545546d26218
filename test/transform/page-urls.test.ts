/**
 * Relative images and links resolve against the page's web address (its permalink), as the
 * browser resolves them on the website, not against the folder of the source file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import { pageUrl } from '../../src/transform/resolver.js';
import type { Page } from '../../src/model.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function handbookOf(name: string) {
  return prepare({
    source: path.join(fixtures, name),
    version: 'draft',
    date: '2024-01-01',
    timings: new Timings(),
    collect: true,
    cache: false,
  });
}

function find(root: Root | Element, tag: string): Element[] {
  const out: Element[] = [];
  const walk = (n: RootContent | Root): void => {
    if (n.type === 'element' && n.tagName === tag) out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(root);
  return out;
}

test('an image beside a .html permalink is read from the site root, not the file folder', async () => {
  const { handbook, diagnostics } = await handbookOf('site-documentation-theme');
  const home = handbook.chapters.find((c) => c.permalink === '/index.html');
  assert.ok(home);
  // pages/start/index.md says images/flow.svg: on the website that is /images/flow.svg.
  assert.deepEqual(
    find(home.body, 'img').map((i) => i.properties.src),
    ['/images/flow.svg'],
  );
  const note = diagnostics.findings.find((f) => f.code === 'link-to-site-file');
  assert.equal(note?.file, 'pages/api/auth.md');
  assert.ok(!diagnostics.findings.some((f) => f.code === 'broken-link'), 'no broken link');
});

test('a pretty permalink: ../ climbs from the page address', async () => {
  const { handbook } = await handbookOf('site-just-the-docs');
  const colours = handbook.chapters.find((c) => c.source === 'docs/config/colors.md');
  assert.ok(colours);
  assert.deepEqual(
    find(colours.body, 'img').map((i) => i.properties.src),
    ['/assets/images/swatches.svg'],
  );
});

test('page addresses: permalink, pretty, .html, index', () => {
  const page = (p: string, fm: Record<string, unknown> = {}) =>
    ({ path: p, frontMatter: fm }) as unknown as Page;
  assert.equal(pageUrl(page('pages/a.md', { permalink: 'a.html' }), {}), '/a.html');
  assert.equal(pageUrl(page('docs/a.md'), { permalink: 'pretty' }), '/docs/a/');
  assert.equal(pageUrl(page('docs/a.md'), {}), '/docs/a.html');
  assert.equal(pageUrl(page('docs/index.md'), {}), '/docs/');
  assert.equal(pageUrl(page('index.md'), {}), '/');
});

test('a link to a kramdown footnote id (#fn:name) reaches the footnote', async () => {
  const { handbook, diagnostics } = await handbookOf('site-just-the-docs');
  const page = handbook.chapters.find((c) => c.source === 'docs/troubleshooting.md');
  assert.ok(page);
  const link = find(page.body, 'a').find((a) =>
    JSON.stringify(a.children).includes('note on logs'),
  );
  const href = String(link?.properties.href ?? '');
  // kramdown's own footnote id (fn:name), so links written against the website resolve.
  assert.match(href, /^#fn:log$/);
  const ids = find(page.body, 'li').map((li) => String(li.properties.id ?? ''));
  assert.ok(ids.includes(href.slice(1)), `${href} is the footnote's id (${ids.join(', ')})`);
  assert.ok(!diagnostics.findings.some((f) => f.code === 'broken-link'));
});
