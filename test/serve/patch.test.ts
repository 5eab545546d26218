/**
 * The chapter patch the page fetches instead of the whole handbook: after a text edit it is
 * that chapter's section, and putting it in place of the old section gives the new document
 * byte for byte; an edit that also changes the contents (a heading) gives no patch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../../src/html/index.js';
import { chapterPatch } from '../../src/serve/patch.js';
import { Pipeline } from '../../src/serve/pipeline.js';
import { ROOT } from '../cli/run.js';
import { copyFixture } from './helpers.js';

const PAGE = 'guide/05-initial-data-production.md';
const SECTION = /<section class="hb-chapter(?: hb-appendix)?" aria-labelledby="/g;

test('a text edit patches one chapter section; a heading edit patches none', async () => {
  const source = copyFixture(join(ROOT, 'content'));
  const p = new Pipeline(source, { version: 'draft', date: '2026-08-01' });
  const html = async (): Promise<string> => {
    const o = await p.rebuild(new Set([PAGE]));
    assert.ok(o.ok);
    return (await renderHtml(o.handbook, { mode: 'screen', assetsRoot: source })).html;
  };
  const edit = (fn: (s: string) => string): void =>
    writeFileSync(join(source, PAGE), fn(readFileSync(join(source, PAGE), 'utf8')));

  const before = await html();
  edit((s) =>
    s.replace('the lead clinician signs it off', 'the lead clinician signs off the data'),
  );
  const after = await html();
  const patch = chapterPatch(before, after);
  assert.ok(patch);
  assert.match(patch.html, /^<section class="hb-chapter" aria-labelledby="[^"]+"/);
  assert.match(patch.html, /signs off the data/);
  const starts = [...before.matchAll(SECTION)].map((m) => m.index);
  assert.equal(patch.count, starts.length);
  const start = starts[patch.index]!;
  // The old section is the same span of `before`: the new document is the old one with it swapped.
  const oldEnd = before.length - (after.length - (start + patch.html.length));
  assert.equal(before.slice(0, start) + patch.html + before.slice(oldEnd), after);
  // … and that span is exactly the old section: up to its end tag, then the next chapter.
  assert.ok(before.slice(start, oldEnd).endsWith('</section>'));
  const next = starts[patch.index + 1] ?? before.lastIndexOf('</main>');
  assert.equal(before.slice(oldEnd, next).trim(), '');

  edit((s) => s.replace(/^## (.+)$/m, '## Renamed $1'));
  assert.equal(chapterPatch(after, await html()), undefined);
  assert.equal(chapterPatch(after, after), undefined);
});
