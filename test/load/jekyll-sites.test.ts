/**
 * Zero configuration on the shapes of common Jekyll documentation sites (fixtures of our own
 * making): the documentation theme's nested sidebars and just-the-docs' front matter order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSource } from '../../src/load/index.js';
import { handbookMeta } from '../../src/transform/meta.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function load(name: string) {
  const diag = new Diagnostics();
  const tree = await loadSource(path.join(fixtures, name), diag);
  return { tree, diag, order: tree.order.map((o) => o.page.permalink) };
}

test('documentation theme: sidebars in _config order, folder items then their subfolder items, home first', async () => {
  const { tree, diag, order } = await load('site-documentation-theme');
  assert.deepEqual(order, [
    '/index.html',
    '/start_onboarding.html',
    '/start_environments.html',
    '/start_release_notes.html',
    '/api_auth.html',
    '/api_read.html',
  ]);
  const codes = diag.findings.map((f) => `${f.file} ${f.code}`);
  assert.ok(codes.includes('pages/404.md not-a-chapter'), codes.join('\n'));
  assert.ok(!codes.some((c) => c.endsWith('unreachable-page')), codes.join('\n'));
  const meta = handbookMeta(tree, { version: '1', date: '2024-01-01' });
  assert.equal(meta.title, 'Widget API documentation', 'site_title');
  assert.equal(meta.organisation, 'Example Widgets Ltd', 'company_name');
});

test('just-the-docs: nav_order, then untitled order by title, children after parents; 404 and nav_exclude left out', async () => {
  const { tree, diag, order } = await load('site-just-the-docs');
  assert.deepEqual(order, [
    '/',
    '/docs/getting-started',
    '/docs/config',
    '/docs/config/fonts',
    '/docs/config/colors',
    '/docs/config/advanced',
    '/docs/config/advanced/plugins',
    '/docs/about',
    '/docs/troubleshooting',
  ]);
  const left = diag.findings.filter((f) => f.code === 'not-a-chapter').map((f) => f.file);
  assert.deepEqual(left.sort(), ['404.md', 'docs/drafts.md']);
  assert.ok(!diag.findings.some((f) => f.code === 'unreachable-page'));
  const meta = handbookMeta(tree, { version: '1', date: '2024-01-01' });
  assert.equal(meta.title, 'Widget handbook');
  assert.equal(meta.organisation, 'Widget Operations Team', 'author');
});
