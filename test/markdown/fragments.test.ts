/**
 * Parse once (issue 16): Markdown in the toolchain's include templates reaches the Markdown
 * stage as a placeholder and is read there, with the page, into the page's tree; it is not
 * rendered to an HTML string by Liquid and parsed a second time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { Diagnostics } from '../../src/diagnostics.js';
import { HandbookError } from '../../src/errors.js';
import { expandPages, markdownify, toHtmlBlock } from '../../src/liquid/index.js';
import { loadSource } from '../../src/load/index.js';
import { kramdownText, readMarkdown } from '../../src/markdown/index.js';
import { fragmentPlaceholder } from '../../src/markdown/fragments.js';
import { parsePage } from '../../src/markdown/parse.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (markdown: string): string => toHtml(readMarkdown(kramdownText(markdown)));

test('a placeholder is replaced by the tree of its Markdown, read as the page is', () => {
  const content = 'Call the **practice** -- "today"...\n\n* one\n* two\n';
  const html = read(`<div class="hb-card__content">\n${fragmentPlaceholder(content)}\n</div>\n`);
  assert.doesNotMatch(html, /hb-markdown|data-md/);
  assert.match(html, /<div class="hb-card__content">\s*<p>Call the <strong>practice<\/strong>/);
  assert.match(html, /– “today”…/);
  assert.match(html, /<ul>\s*<li>one<\/li>/);
});

test('the placeholder reads to what markdownify renders', () => {
  const content = 'A [link](/x){:target="_blank"} and a note[^1].\n\n[^1]: The note.\n';
  const once = read(`<div>\n${fragmentPlaceholder(content)}\n</div>\n`);
  const twice = read(`<div>\n${toHtmlBlock(markdownify(content)).trim()}\n</div>\n`);
  const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/> </g, '><');
  assert.equal(squash(once), squash(twice));
});

test('placeholders inside a fragment are read too, and blank Markdown leaves nothing', () => {
  const inner = fragmentPlaceholder('*inner*');
  const html = read(`<div>\n${fragmentPlaceholder(`<aside>\n${inner}\n</aside>\n`)}\n</div>\n`);
  assert.match(html, /<aside>\s*<p><em>inner<\/em><\/p>\s*<\/aside>/);
  assert.equal(fragmentPlaceholder('  \n'), '');
});

test('too deeply nested fragment Markdown is one clear error', () => {
  const deep = `${'> '.repeat(300)}deep\n`;
  assert.throws(
    () => read(`<div>\n${fragmentPlaceholder(deep)}\n</div>\n`),
    (e: unknown) => e instanceof HandbookError && e.code === 'NESTING',
  );
});

test("a care card's Markdown goes through Liquid unrendered and into the page's tree", async () => {
  const site = path.join(here, '..', '..', 'content');
  const diag = new Diagnostics();
  const tree = await loadSource(site, diag);
  const page = tree.pages.find((p) => p.path === 'guide/01-get-started.md');
  assert.ok(page);
  const [expanded] = await expandPages(tree, [page], diag);
  assert.ok(expanded);
  assert.match(expanded.markdown, /<hb-markdown data-md="/);
  assert.doesNotMatch(expanded.markdown, /<div class="hb-card__content">\s*<p>/);
  const html = toHtml(parsePage(expanded, diag).tree);
  assert.doesNotMatch(html, /hb-markdown/);
  assert.match(html, /<div class="hb-card__content">\s*<p>/);
});
