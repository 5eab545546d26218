/**
 * The chapter patch the page fetches instead of the whole handbook: after text edits it holds
 * exactly the edited chapters' sections (by their index in reading order), after a rebuild
 * that changed nothing it holds none, and an edit that also changes the contents (a heading)
 * gives no patch (the page is updated whole).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../../src/html/index.js';
import type { Handbook } from '../../src/model.js';
import { chapterPatch } from '../../src/serve/patch.js';
import { Pipeline } from '../../src/serve/pipeline.js';
import { ROOT } from '../cli/run.js';
import { copyFixture } from './helpers.js';

const A = 'guide/05-initial-data-production.md';
const B = 'guide/07-cutover.md';

test('text edits patch the edited chapter sections; a heading edit patches none', async () => {
  const source = copyFixture(join(ROOT, 'content'));
  const p = new Pipeline(source, { version: 'draft', date: '2026-08-01' });
  let hb: Handbook | undefined;
  const html = async (changed: string[]): Promise<string> => {
    const o = await p.rebuild(new Set(changed));
    assert.ok(o.ok);
    hb = o.handbook;
    return (await renderHtml(o.handbook, { mode: 'screen', assetsRoot: source })).html;
  };
  const edit = (rel: string, from: string, to: string): void => {
    const text = readFileSync(join(source, rel), 'utf8');
    assert.ok(text.includes(from), `${from} in ${rel}`);
    writeFileSync(join(source, rel), text.replace(from, to));
  };
  const sectionOf = (rel: string) => {
    const index = hb!.chapters.findIndex((c) => c.source === rel);
    return {
      index,
      tag: `<section class="hb-chapter" aria-labelledby="${hb!.chapters[index]!.id}"`,
    };
  };

  const v1 = await html([A]);
  edit(A, 'the lead clinician signs it off', 'the lead clinician signs off the data');
  const v2 = await html([A]);
  const one = chapterPatch(v1, v2);
  assert.equal(one?.count, hb!.chapters.length + hb!.appendices.length);
  assert.equal(one?.sections.length, 1);
  const [a] = one.sections;
  assert.equal(a!.index, sectionOf(A).index);
  assert.ok(a!.html.startsWith(sectionOf(A).tag) && a!.html.endsWith('</section>'));
  assert.match(a!.html, /signs off the data/);
  assert.ok(v2.includes(a!.html) && !v1.includes(a!.html));

  edit(A, 'signs off the data', 'signs the data off');
  edit(B, 'follow the rollback scenarios', 'follow the agreed rollback scenarios');
  const v3 = await html([A, B]);
  const two = chapterPatch(v2, v3);
  assert.deepEqual(
    two?.sections.map((s) => s.index),
    [sectionOf(A).index, sectionOf(B).index],
  );
  assert.ok(two.sections.every((s) => v3.includes(s.html) && !v2.includes(s.html)));

  assert.deepEqual(chapterPatch(v3, v3)?.sections, []);

  edit(A, '\n## ', '\n## Renamed ');
  assert.equal(chapterPatch(v3, await html([A])), undefined);
});
