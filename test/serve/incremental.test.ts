/**
 * The serve pipeline's incremental path on the real guide: a page edit runs Liquid and
 * Markdown on that page only and transforms one chapter (stage calls counted, not timed), and
 * after every kind of edit the handbook, the findings and the HTML (rendered with the kept
 * bodies) are exactly what a build from scratch makes of the same sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline, type Outcome } from '../../src/serve/pipeline.js';
import { renderHtml, type RenderCache } from '../../src/html/index.js';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import { ROOT } from '../cli/run.js';
import { copyFixture } from './helpers.js';

const META = { version: 'draft', date: '2026-08-01' };
const PAGE = 'guide/02-kick-off.md';

async function fromScratch(source: string) {
  const opts = { source, ...META, timings: new Timings(), cache: false } as const;
  const built = await prepare(opts);
  const checked = await prepare({ ...opts, collect: true });
  const html = (await renderHtml(built.handbook, { mode: 'screen', assetsRoot: source })).html;
  return { handbook: built.handbook, findings: checked.diagnostics.sorted(), html };
}

test('a page edit re-runs that page only, and every edit gives what a build from scratch gives', async () => {
  const source = copyFixture(join(ROOT, 'content'));
  const p = new Pipeline(source, META);
  const cache: RenderCache = { bodies: new WeakMap(), ids: new WeakMap() };
  const edit = (rel: string, fn: (s: string) => string): void => {
    const before = readFileSync(join(source, rel), 'utf8');
    const after = fn(before);
    assert.notEqual(after, before, `the edit of ${rel} changes it`);
    writeFileSync(join(source, rel), after);
  };
  const same = async (o: Outcome, what: string): Promise<void> => {
    assert.ok(o.ok, JSON.stringify(!o.ok && o.problems));
    const want = await fromScratch(source);
    assert.deepEqual(o.handbook, want.handbook, `${what}: handbook`);
    assert.deepEqual(o.findings, want.findings, `${what}: findings`);
    const html = (await renderHtml(o.handbook, { mode: 'screen', assetsRoot: source, cache })).html;
    assert.ok(html === want.html, `${what}: HTML`);
  };

  const first = await p.rebuild();
  await same(first, 'first build');
  const chapters = first.ok ? first.handbook.chapters.length : 0;
  assert.ok(chapters > 10);
  assert.ok(p.transform.counts.prepared >= chapters);

  // A sentence: Liquid and Markdown for that page only, one chapter through the transform.
  edit(PAGE, (s) => s.replace('## Agenda', '## Agenda\n\nA sentence added while serving.'));
  let o = await p.rebuild(new Set([PAGE]));
  assert.deepEqual(p.expanded, [PAGE]);
  assert.ok(o.ok);
  assert.deepEqual(o.changedPages, [PAGE]);
  assert.deepEqual(p.transform.counts, { prepared: 1, assigned: 1, linked: 1 });
  await same(o, 'text edit');

  // A heading another page links to is renamed: link targets change, so every chapter's links
  // are resolved again (the links into it now break), still one page parsed.
  edit(PAGE, (s) => s.replace('## Rollback scenarios {#rollback-scenarios}', '## Fallback plans'));
  o = await p.rebuild(new Set([PAGE]));
  assert.deepEqual(p.expanded, [PAGE]);
  assert.equal(p.transform.counts.prepared, 1);
  assert.ok(p.transform.counts.linked >= chapters);
  assert.ok(o.ok && o.findings.some((f) => f.file === 'guide/07-cutover.md'));
  await same(o, 'heading renamed');

  // An early chapter takes a later chapter's heading text: the later ids move (-1 suffix).
  edit('guide/01-get-started.md', (s) => `${s}\n\n## Agenda\n\nEarly agenda.\n`);
  o = await p.rebuild(new Set(['guide/01-get-started.md']));
  assert.ok(p.transform.counts.assigned > 1);
  await same(o, 'heading that shifts later ids');
  // … and gives them back when it goes.
  edit('guide/01-get-started.md', (s) => s.replace('\n\n## Agenda\n\nEarly agenda.\n', ''));
  o = await p.rebuild(new Set(['guide/01-get-started.md']));
  assert.ok(p.transform.counts.assigned > 1);
  await same(o, 'heading that gave later ids back');

  // The same unsafe markup and broken link in two pages and an include: each finding once
  // per place, as from scratch, also after an unrelated edit replays the kept findings.
  const bad = '\n\n<span onclick="x()">Tap</span> [gone](/guide/no-such-page)\n';
  edit('guide/03-technical-survey.md', (s) => s + bad);
  edit('_includes/contact.html', (s) => s + bad);
  await same(
    await p.rebuild(new Set(['guide/03-technical-survey.md', '_includes/contact.html'])),
    'bad markup',
  );
  edit(PAGE, (s) => s.replace('A sentence added', 'A sentence changed'));
  o = await p.rebuild(new Set([PAGE]));
  assert.deepEqual(p.expanded, [PAGE]);
  assert.equal(p.transform.counts.prepared, 1);
  await same(o, 'edit after bad markup');

  // An include: only the pages that use it are expanded again.
  edit('_includes/contact.html', (s) => s.replace('</h3>', '</h3><p>Include edit.</p>'));
  o = await p.rebuild(new Set(['_includes/contact.html']));
  assert.deepEqual(p.expanded, ['guide/10-end-of-migration.md']);
  await same(o, 'include edit');

  // The config: everything again.
  edit('_config.yml', (s) => `${s.trimEnd()}\nextra_setting: 1\n`);
  o = await p.rebuild(new Set(['_config.yml']));
  assert.ok(p.transform.counts.prepared >= chapters);
  await same(o, 'config edit');
});
