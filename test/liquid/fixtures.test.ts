/**
 * Fixture-driven Liquid tests. Each test/fixtures/liquid-<case>/input.md is expanded as a page
 * of the small site in liquid-site/. Then:
 *   expected.html, expected-2.html …  fragments the Markdown must contain, exactly;
 *   absent.txt                        lines that must not appear anywhere in it;
 *   expected-error.json               {code, line, message?, hint?}: the HandbookError it raises
 *                                     (and, with {collect: true}, the error finding instead);
 *   expected-findings.txt             `line severity code` of the findings for the page.
 * Set UPDATE_FIXTURES=1 to print the actual Markdown of every case.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics.js';
import { HandbookError } from '../../src/errors.js';
import { loadSource } from '../../src/load/index.js';
import { parseFrontMatter } from '../../src/load/front-matter.js';
import { toPage } from '../../src/load/pages.js';
import { expandPages, markdownify, toHtmlBlock } from '../../src/liquid/index.js';
import { replacePlaceholders } from '../../src/markdown/fragments.js';
import type { Page, SourceTree } from '../../src/model.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let tree: SourceTree;

before(async () => {
  tree = await loadSource(path.join(fixtures, 'liquid-site'), new Diagnostics());
});

function pageFor(name: string): Page {
  const file = `guide/${name.replace(/^liquid-/, '')}.md`;
  const raw = readFileSync(path.join(fixtures, name, 'input.md'), 'utf8');
  return toPage({ path: file, raw, ...parseFrontMatter(raw, file) });
}

const read = (dir: string, file: string): string | undefined =>
  existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : undefined;

const cases = readdirSync(fixtures).filter(
  (n) =>
    n.startsWith('liquid-') &&
    n !== 'liquid-site' &&
    existsSync(path.join(fixtures, n, 'input.md')),
);

for (const name of cases.sort()) {
  const dir = path.join(fixtures, name);
  test(`liquid: ${name}`, async () => {
    const page = pageFor(name);
    const diag = new Diagnostics();
    const expectedError = read(dir, 'expected-error.json');
    if (expectedError) {
      const want = JSON.parse(expectedError) as {
        code: string;
        line: number;
        message?: string;
        hint?: string;
      };
      await assert.rejects(expandPages(tree, [page], diag), (e: unknown) => {
        assert.ok(e instanceof HandbookError, String(e));
        assert.equal(e.code, want.code);
        assert.equal(e.file, page.path);
        assert.equal(e.line, want.line, e.message);
        if (want.message) assert.ok(e.message.includes(want.message), e.message);
        if (want.hint) assert.ok(e.hint?.includes(want.hint), e.hint);
        return true;
      });
      const collected = new Diagnostics();
      const pages = await expandPages(tree, [page], collected, { collect: true });
      assert.equal(pages.length, 0, 'a page with a fatal error is skipped in collect mode');
      const errors = collected.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => `${f.file}:${f.line}`),
        [`${page.path}:${want.line}`],
      );
      return;
    }
    const [expanded] = await expandPages(tree, [page], diag);
    // The toolchain templates leave their Markdown to the Markdown stage: shown here as the
    // HTML it reads as, so that the fragments (and absent lines) are checked in it.
    const markdown = replacePlaceholders(expanded?.markdown ?? '', (md) =>
      toHtmlBlock(markdownify(md)).trim(),
    );
    if (process.env.UPDATE_FIXTURES) console.log(`----- ${name}\n${markdown}\n-----`);
    for (const file of readdirSync(dir).filter((f) => /^expected(-\d+)?\.html$/.test(f))) {
      const fragment = (read(dir, file) ?? '').replace(/\n$/, '');
      assert.ok(markdown.includes(fragment), `${file} not found in:\n${markdown}`);
    }
    for (const line of (read(dir, 'absent.txt') ?? '').split('\n').filter(Boolean)) {
      assert.ok(!markdown.includes(line), `"${line}" should not appear in:\n${markdown}`);
    }
    const findings = diag
      .sorted()
      .filter((f) => f.file === page.path)
      .map((f) => `${f.line} ${f.severity} ${f.code}`);
    const want = (read(dir, 'expected-findings.txt') ?? '').split('\n').filter(Boolean);
    assert.deepEqual(findings, want);
  });
}
