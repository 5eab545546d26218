/** expandPages beyond single fixtures: collection documents, collect mode, speed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { HandbookError } from '../../src/errors.js';
import { loadSource } from '../../src/load/index.js';
import { expandPages } from '../../src/liquid/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function withSite(
  edit: (dir: string) => Promise<void>,
  run: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hb-liquid-'));
  try {
    await cp(path.join(fixtures, 'liquid-site'), dir, { recursive: true });
    await edit(dir);
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a Liquid error in a steps document names that document and its line', () =>
  withSite(
    (dir) =>
      writeFile(
        path.join(dir, '_steps/migration-key-phases/03-bad.md'),
        '---\ntitle: Bad\norder: 3\ngroup: migration-key-phases\n---\nFine line.\n{% include nope.html %}\n',
      ),
    async (dir) => {
      const tree = await loadSource(dir, new Diagnostics());
      await assert.rejects(expandPages(tree, tree.pages, new Diagnostics()), (e: unknown) => {
        assert.ok(e instanceof HandbookError);
        assert.equal(e.code, 'UNKNOWN_INCLUDE');
        assert.equal(e.file, '_steps/migration-key-phases/03-bad.md');
        assert.equal(e.line, 7);
        return true;
      });
      const diag = new Diagnostics();
      const pages = await expandPages(tree, tree.pages, diag, { collect: true });
      assert.equal(
        pages.length,
        tree.pages.length,
        'pages still expand when a document fails in collect mode',
      );
      assert.deepEqual(
        diag.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`),
        ['_steps/migration-key-phases/03-bad.md:7 error unknown-include'],
      );
    },
  ));

test('collect mode reports every failing page and expands the others', () =>
  withSite(
    async (dir) => {
      await writeFile(
        path.join(dir, 'guide/bad-one.md'),
        '---\ntitle: One\n---\n{% include x.html %}\n',
      );
      await writeFile(path.join(dir, 'guide/bad-two.md'), '---\ntitle: Two\n---\n\n{% if %}\n');
    },
    async (dir) => {
      const tree = await loadSource(dir, new Diagnostics());
      const diag = new Diagnostics();
      const pages = await expandPages(tree, tree.pages, diag, { collect: true });
      assert.deepEqual(pages.map((p) => p.page.path).sort(), [
        'guide/02-technical-survey.md',
        'guide/index.md',
      ]);
      assert.deepEqual(
        diag
          .sorted()
          .filter((f) => f.severity === 'error')
          .map((f) => `${f.file}:${f.line} ${f.code}`),
        ['guide/bad-one.md:4 unknown-include', 'guide/bad-two.md:5 liquid'],
      );
    },
  ));

test('the toolchain templates win over the site partials; other partials come from _includes/', async () => {
  const tree = await loadSource(path.join(fixtures, 'liquid-site'), new Diagnostics());
  const page = {
    ...tree.pages[0]!,
    body: '{% include carecard.html content="x" %}{% include contact.html email="e" %}',
  };
  const [out] = await expandPages(tree, [page], new Diagnostics());
  assert.match(out?.markdown ?? '', /<aside class="hb-card">/);
  assert.match(out?.markdown ?? '', /<div class="app-contact">/);
  assert.doesNotMatch(out?.markdown ?? '', /WEB CARECARD/);
});

test('expanding a page twice gives the same Markdown and does not edit the tree', async () => {
  const tree = await loadSource(path.join(fixtures, 'liquid-site'), new Diagnostics());
  const before = JSON.stringify(tree.collections);
  const page = {
    ...tree.pages[0]!,
    body: "{% include steps/steps.html group='migration-key-phases' %}",
  };
  const [a] = await expandPages(tree, [page], new Diagnostics());
  const [b] = await expandPages(tree, [page], new Diagnostics());
  assert.equal(a?.markdown, b?.markdown);
  assert.equal(JSON.stringify(tree.collections), before);
});

test('a guide of 30 pages with steps expands quickly once the engine is warm', async () => {
  const tree = await loadSource(path.join(fixtures, 'liquid-site'), new Diagnostics());
  const body =
    "Intro.\n{% capture c %}**x**{% endcapture %}{% include carecard.html content=c heading='Note' markdown=true %}\n{% include steps/steps.html group='migration-key-phases' %}\n".repeat(
      3,
    );
  const pages = Array.from({ length: 30 }, (_, i) => ({
    ...tree.pages[0]!,
    path: `guide/p${i}.md`,
    body: `${body}\npage ${i}\n`,
  }));
  await expandPages(tree, pages, new Diagnostics());
  const start = performance.now();
  const out = await expandPages(tree, pages, new Diagnostics());
  const ms = performance.now() - start;
  assert.equal(out.length, 30);
  assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms`);
});
