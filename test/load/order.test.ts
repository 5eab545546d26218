/**
 * Fixture-driven reading order: each test/fixtures/load-<case>/ with an expected-order.txt is a
 * source tree; its order (`part|permalink` when parts are used) and its findings
 * (`file:line severity code`) must match expected-order.txt and expected-findings.txt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSource } from '../../src/load/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const lines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

for (const name of readdirSync(fixtures)
  .filter((n) => n.startsWith('load-'))
  .sort()) {
  const dir = path.join(fixtures, name);
  if (!existsSync(path.join(dir, 'expected-order.txt'))) continue;
  test(`reading order: ${name}`, async () => {
    const diag = new Diagnostics();
    const tree = await loadSource(dir, diag);
    const order = tree.order.map((o) =>
      o.part ? `${o.part}|${o.page.permalink}` : o.page.permalink,
    );
    assert.deepEqual(order, lines(path.join(dir, 'expected-order.txt')));
    const findings = diag.sorted().map((f) => `${f.file}:${f.line ?? ''} ${f.severity} ${f.code}`);
    assert.deepEqual(findings, lines(path.join(dir, 'expected-findings.txt')));
  });
}

test('every page is in the order, excluded by config, or reported', async () => {
  const diag = new Diagnostics();
  const tree = await loadSource(path.join(fixtures, 'load-zero-config'), diag);
  const ordered = new Set(tree.order.map((o) => o.page.path));
  const reported = (code: string): string[] =>
    [...new Set(diag.findings.filter((f) => f.code === code).map((f) => f.file))].sort();
  for (const page of tree.pages)
    assert.ok(
      ordered.has(page.path) || reported('site-page-left-out').includes(page.path),
      `${page.path} neither in the order nor reported`,
    );
  // The orphan lives in the guide's folder: appended. Home and feedback are site pages.
  assert.deepEqual(reported('unreachable-page'), ['guide/orphan.md']);
  assert.deepEqual(reported('site-page-left-out'), ['feedback.md', 'index.md']);
  const orphan = diag.findings.find((f) => f.file === 'guide/orphan.md');
  assert.match(orphan?.message ?? '', /appended at the end/);
});

test('unreachable: exclude says the page was left out', async () => {
  const diag = new Diagnostics();
  const tree = await loadSource(path.join(fixtures, 'load-config-parts'), diag);
  assert.ok(!tree.order.some((o) => o.page.path === 'guide/d.md'));
  const finding = diag.findings.find((f) => f.file === 'guide/d.md');
  assert.match(finding?.message ?? '', /left out of the handbook/);
  const unknown = diag.findings.find((f) => f.code === 'config-unknown-page');
  assert.match(unknown?.message ?? '', /parts\[1\]\.chapters\[1\]: \/guide\/cc/);
  assert.match(unknown?.hint ?? '', /did you mean \/guide\/c/);
});

test('a navigation typo names the data file, the line and a suggestion', async () => {
  const diag = new Diagnostics();
  await loadSource(path.join(fixtures, 'load-zero-config'), diag);
  const dead = diag.findings.find((f) => f.code === 'navigation-dead-entry');
  assert.equal(dead?.file, '_data/navigation.yml');
  assert.equal(dead?.line, 9);
  assert.match(dead?.message ?? '', /"Kick-off" links to \/guide\/kickof/);
  assert.match(dead?.hint ?? '', /\/guide\/kick-off/);
});

test('only the guide sidebar among several _data lists decides the order', async () => {
  const diag = new Diagnostics();
  const tree = await loadSource(path.join(fixtures, 'load-zero-config'), diag);
  assert.deepEqual(
    tree.navigation.map((n) => `${n.file}#${n.key}`),
    ['_data/header.yml#', '_data/navigation.yml#links', '_data/promos.yml#'],
  );
  const used = diag.findings.filter((f) => f.code === 'navigation-used').map((f) => f.file);
  assert.deepEqual(used, ['_data/navigation.yml']);
});

test('handbook.yml navigation: [stems] overrides detection', async () => {
  const { cp, mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(path.join(tmpdir(), 'hb-load-'));
  try {
    await cp(path.join(fixtures, 'load-zero-config'), dir, { recursive: true });
    await writeFile(path.join(dir, 'handbook.yml'), 'navigation:\n  - promos\n  - missing\n');
    const diag = new Diagnostics();
    const tree = await loadSource(dir, diag);
    // promos lists /guide, /guide/technical-survey, /feedback: the chain fills in between them,
    // and /feedback now comes straight after the survey instead of being appended.
    assert.deepEqual(
      tree.order.slice(0, 6).map((o) => o.page.permalink),
      [
        '/guide',
        '/guide/get-started',
        '/guide/kick-off',
        '/guide/extra',
        '/guide/technical-survey',
        '/feedback',
      ],
    );
    const unknown = diag.findings.find((f) => f.code === 'config-unknown-navigation');
    assert.equal(unknown?.line, 3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('decideOrder is pure: an unknown appendix page is an error at its handbook.yml line', async () => {
  const { parseHandbookConfig } = await import('../../src/load/config.js');
  const { decideOrder } = await import('../../src/load/order.js');
  const { PermalinkIndex } = await import('../../src/load/permalinks.js');
  const diag = new Diagnostics();
  const loaded = parseHandbookConfig('title: T\nappendix:\n  page: /guide/nowhere\n');
  const order = decideOrder(
    { pages: [], navigation: [], loaded, index: new PermalinkIndex([]) },
    diag,
  );
  assert.deepEqual(order, []);
  assert.deepEqual(
    diag.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`),
    ['handbook.yml:3 error config-unknown-page'],
  );
});
