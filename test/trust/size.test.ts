/**
 * Issue 11 item 4, memory: the element limits (MAX_PAGE_ELEMENTS, MAX_HANDBOOK_ELEMENTS) bound
 * what every stage holds. A paragraph of 100,000 links (2.5 GB of memory before the limit) is
 * one clear error naming the file and line, refused before it is parsed: the build's peak
 * memory stays small (measured in the child itself, as its maximum resident set size) and
 * nothing is written. A page just inside the limit builds; pages that are each inside it but
 * together beyond the handbook's limit are refused at the page that crosses it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_HANDBOOK_ELEMENTS, MAX_PAGE_ELEMENTS } from '../../src/limits.js';
import { isUserError, makeSite, page, run, written, type Site } from './hostile.js';

const links = (n: number): string =>
  Array.from({ length: n }, (_, i) => `[l${i}](https://example.org/${i})`).join(' ');

/** Builds with a preload that prints the process's peak RSS (in KB) as the last stderr line. */
async function build(site: Site, formats: string) {
  const preload = join(dirname(site.dir), 'peak.mjs');
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`\\npeak-rss ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const r = await run(
    ['build', '--source', site.dir, '--out', site.out, '--format', formats, '--no-cache'],
    {
      NODE_OPTIONS: `--import=${preload}`,
    },
  );
  const peak = Number(/peak-rss (\d+)/.exec(r.stderr)?.[1]);
  assert.ok(peak > 0, `peak RSS reported: ${r.stderr.slice(-300)}`);
  return { ...r, peakMb: peak / 1024 };
}

test('a paragraph of 100,000 links is refused before parsing, in bounded memory', async () => {
  const site = makeSite({
    '_config.yml': 'title: Links\n',
    'guide/index.md': page('Links', '/guide/', `# Links\n\n${links(100_000)}`),
  });
  try {
    const r = await build(site, 'html,docx');
    assert.ok(isUserError(r), `exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
    // Line 7: four lines of front matter, the title, a blank line, then the paragraph.
    assert.match(r.stderr, /guide\/index\.md:7: error: this page holds more than 10,000 elements/);
    assert.match(r.stderr, /hint: split the page/);
    assert.ok(r.peakMb < 400, `peak RSS ${Math.round(r.peakMb)} MB`);
    assert.deepEqual(written(site.out), []);
  } finally {
    site.remove();
  }
});

test('a page just inside the element limit builds (html, docx)', async () => {
  const n = MAX_PAGE_ELEMENTS - 100;
  const site = makeSite({
    '_config.yml': 'title: Links\n',
    'guide/index.md': page('Links', '/guide/', `# Links\n\n${links(n)}`),
  });
  try {
    const r = await build(site, 'html,docx');
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.deepEqual(written(site.out).sort(), ['handbook.docx', 'handbook.html']);
    assert.ok(r.peakMb < 1024, `peak RSS ${Math.round(r.peakMb)} MB`);
  } finally {
    site.remove();
  }
});

test('pages each inside the limit but beyond the handbook’s together are refused', async () => {
  const per = MAX_PAGE_ELEMENTS - 100;
  const count = Math.ceil(MAX_HANDBOOK_ELEMENTS / per) + 1;
  const files: Record<string, string> = {
    '_config.yml': 'title: Links\n',
  };
  for (let i = 0; i < count; i++)
    files[`guide/p${i}.md`] = page(`Links ${i}`, `/guide/p${i}/`, `# Links ${i}\n\n${links(per)}`);
  const site = makeSite(files);
  try {
    const r = await build(site, 'html');
    assert.ok(isUserError(r), `exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
    assert.match(r.stderr, /guide\/p\d\.md: error: the pages up to this one hold more than 40,000/);
    assert.deepEqual(written(site.out), []);
  } finally {
    site.remove();
  }
});
