/**
 * The serve pipeline rebuilds only what a change touches, and its result is always the one
 * `prepare` makes from the same sources (the tree `build` renders, the findings `check` prints).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline, type Outcome } from '../../src/serve/pipeline.js';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import { fixture } from '../cli/run.js';
import { copyFixture } from './helpers.js';

const META = { version: 'draft', date: '2026-08-01' };

async function fromScratch(source: string): Promise<{ handbook: unknown; findings: unknown }> {
  const built = await prepare({ source, ...META, timings: new Timings(), cache: false });
  const checked = await prepare({
    source,
    ...META,
    timings: new Timings(),
    cache: false,
    collect: true,
  });
  return { handbook: built.handbook, findings: checked.diagnostics.sorted() };
}

async function same(source: string, o: Outcome): Promise<void> {
  assert.ok(o.ok, JSON.stringify(!o.ok && o.problems));
  const want = await fromScratch(source);
  assert.deepEqual(o.handbook, want.handbook);
  assert.deepEqual(o.findings, want.findings);
}

test('edits rebuild what they touch and give what a build from scratch gives', async () => {
  const source = copyFixture(fixture('guides/other-guide'));
  const p = new Pipeline(source, META);
  const edit = (rel: string, fn: (s: string) => string): void =>
    writeFileSync(join(source, rel), fn(readFileSync(join(source, rel), 'utf8')));

  await same(source, await p.rebuild());

  // A page's text: that page only is expanded and parsed again.
  edit('guide/02-staffing.md', (s) => s.replace('Keep a written record', 'Keep a signed record'));
  let o = await p.rebuild(new Set(['guide/02-staffing.md']));
  assert.deepEqual(p.expanded, ['guide/02-staffing.md']);
  assert.ok(o.ok);
  assert.deepEqual(o.changedPages, ['guide/02-staffing.md']);
  await same(source, o);

  // A new include and a page using it; then the include alone: only that page again.
  writeFileSync(
    join(source, '_includes/note.html'),
    '<p class="note">Note: {{ include.text }}</p>',
  );
  edit('guide/03-systems.md', (s) => `${s}\n{% include note.html text="merged lists" %}\n`);
  await same(source, await p.rebuild(new Set(['_includes/note.html', 'guide/03-systems.md'])));
  edit('_includes/note.html', (s) => s.replace('Note:', 'Please note:'));
  o = await p.rebuild(new Set(['_includes/note.html']));
  assert.deepEqual(p.expanded, ['guide/03-systems.md']);
  assert.ok(o.ok);
  assert.deepEqual(o.changedPages, ['guide/03-systems.md']);
  await same(source, o);

  // The site config: every page is expanded again; none whose Markdown is unchanged is parsed.
  edit('_config.yml', (s) => `${s}\nextra_setting: 1\n`);
  o = await p.rebuild(new Set(['_config.yml']));
  assert.ok(p.expanded.length >= 6, p.expanded.join());
  assert.ok(o.ok);
  assert.deepEqual(o.changedPages, []);
  await same(source, o);

  // A deleted page.
  rmSync(join(source, 'guide/old-checklist.md'));
  await same(source, await p.rebuild(new Set(['guide/old-checklist.md'])));
});

test('broken sources give the problem with file and line, and the next good save recovers', async () => {
  const source = copyFixture(fixture('guides/other-guide'));
  const p = new Pipeline(source, META);
  assert.ok((await p.rebuild()).ok);
  const file = join(source, 'guide/02-staffing.md');
  const good = readFileSync(file, 'utf8');

  writeFileSync(file, good.replace('title: Staff and contracts', 'title: [unclosed'));
  let o = await p.rebuild(new Set(['guide/02-staffing.md']));
  // As in Jekyll, invalid front matter is an error finding, not a stop: the page is built
  // with the keys that still read, and the finding names its file and line.
  assert.ok(o.ok);
  const yamlError = o.findings?.find((f) => f.code === 'front-matter-yaml');
  assert.equal(yamlError?.file, 'guide/02-staffing.md');
  assert.equal(typeof yamlError?.line, 'number');

  // While the page is broken, the config changes too: the recovery sees both.
  writeFileSync(
    join(source, '_config.yml'),
    `${readFileSync(join(source, '_config.yml'), 'utf8')}\nx: 1\n`,
  );
  await p.rebuild(new Set(['_config.yml']));
  writeFileSync(file, good.replace('## Pensions', '## Pensions\n\n{% if page.title %}'));
  o = await p.rebuild(new Set(['guide/02-staffing.md']));
  assert.ok(!o.ok);
  assert.match(o.problems[0]?.message ?? '', /not closed/);
  assert.ok(o.findings?.some((f) => f.severity === 'error' && f.file === 'guide/02-staffing.md'));

  writeFileSync(file, good);
  await same(source, await p.rebuild(new Set(['guide/02-staffing.md'])));
});
