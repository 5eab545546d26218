/**
 * Issue 11 item 4, nesting: a page nested far deeper than any guide (1,000 blockquotes, lists
 * or HTML elements) is one clear error naming the file and line, never a stack overflow, and
 * nothing is written; a page just inside the limit builds. A paragraph of 100,000 links is
 * no nesting at all: the element limit refuses it (size.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NESTING_DEPTH } from '../../src/limits.js';
import { isUserError, makeSite, page, run, written } from './hostile.js';

const N = 1000;
/** Each body starts on line 7 of guide/index.md: 4 lines of front matter, a title, a blank. */
const FIRST = 7;

interface Case {
  name: string;
  body: string;
  /** The line the error must name. */
  line: number;
}

const indentedList = Array.from({ length: N }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`);

const cases: Case[] = [
  { name: '1,000 blockquotes', body: `${'>'.repeat(N)} deep`, line: FIRST },
  { name: '1,000 spaced blockquotes', body: `${'> '.repeat(N)}deep`, line: FIRST },
  // Located where the text is certainly too deep (one level per 2 columns of indentation).
  { name: '1,000 indented lists', body: indentedList.join('\n'), line: FIRST + 100 },
  { name: '1,000 lists on one line', body: `${'- '.repeat(N)}x`, line: FIRST },
  {
    name: '1,000 divs in raw HTML',
    body: `Intro.\n\n${'<div>'.repeat(N)}x${'</div>'.repeat(N)}`,
    line: FIRST + 2,
  },
  {
    // Closed on the same line: the parser (rehype-raw) overflowed here before any tree check.
    name: '1,000 nested tables in raw HTML',
    body: `${'<table><tr><td>'.repeat(N)}x${'</td></tr></table>'.repeat(N)}`,
    line: FIRST,
  },
  {
    name: '1,000 divs, one a line',
    body: `Intro.\n\n${'<div>\n'.repeat(N)}x\n${'</div>\n'.repeat(N)}`,
    line: FIRST + 2 + MAX_NESTING_DEPTH,
  },
  {
    // Shallow enough for the text estimate, too deep for the tree (a list and its item are
    // two levels): the exact check after parsing names the first too-deep item.
    name: '60 indented lists',
    body: indentedList.slice(0, 60).join('\n'),
    line: FIRST + MAX_NESTING_DEPTH / 2,
  },
];

function build(site: { dir: string; out: string }, formats: string) {
  return run(['build', '--source', site.dir, '--out', site.out, '--format', formats, '--no-cache']);
}

for (const c of cases) {
  test(`nesting: ${c.name} is one clear error`, async () => {
    const site = makeSite({
      '_config.yml': 'title: Deep\n',
      'guide/index.md': page('Deep', '/guide/', `# Deep\n\n${c.body}`),
    });
    try {
      const r = await build(site, 'html,docx');
      assert.ok(isUserError(r), `exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.match(
        r.stderr,
        new RegExp(
          `guide/index\\.md:${c.line}: error: this page nests more than ${MAX_NESTING_DEPTH} levels deep`,
        ),
      );
      assert.match(r.stderr, /hint: flatten/);
      assert.ok(r.stderr.length < 2000, `message of ${r.stderr.length} characters`);
      assert.deepEqual(written(site.out), []);
    } finally {
      site.remove();
    }
  });
}

test('nesting: markdownify of 1,000 nested lists is one clear error', async () => {
  const body = `{% capture deep %}${'- '.repeat(N)}x{% endcapture %}{{ deep | markdownify }}`;
  const site = makeSite({
    '_config.yml': 'title: Deep\n',
    'guide/index.md': page('Deep', '/guide/', `# Deep\n\n${body}`),
  });
  try {
    const r = await build(site, 'html');
    assert.ok(isUserError(r), `exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
    assert.match(
      r.stderr,
      new RegExp(`guide/index\\.md:${FIRST}: error: markdownify: the text nests more than`),
    );
    assert.match(r.stderr, /hint: flatten/);
    assert.deepEqual(written(site.out), []);
  } finally {
    site.remove();
  }
});

test('nesting just inside the limit builds in every format', async () => {
  // 98 blockquotes around a paragraph; a list 48 deep (96 levels); 98 divs.
  const body = [
    `${'>'.repeat(MAX_NESTING_DEPTH - 2)} quoted`,
    '',
    indentedList.slice(0, MAX_NESTING_DEPTH / 2 - 2).join('\n'),
    '',
    `<div>${'<div>'.repeat(MAX_NESTING_DEPTH - 3)}boxed${'</div>'.repeat(MAX_NESTING_DEPTH - 2)}`,
  ].join('\n');
  const site = makeSite({
    '_config.yml': 'title: Deep\n',
    'guide/index.md': page('Deep', '/guide/', `# Deep\n\n${body}`),
  });
  try {
    const r = await build(site, 'html,docx,pdf');
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(join(site.out, 'handbook.html'), 'utf8');
    assert.equal(html.match(/<blockquote>/g)?.length, MAX_NESTING_DEPTH - 2);
    assert.match(html, /quoted/);
    assert.match(html, /item 47/);
    assert.match(html, /boxed/);
    assert.deepEqual(written(site.out).sort(), ['handbook.docx', 'handbook.html', 'handbook.pdf']);
  } finally {
    site.remove();
  }
});
