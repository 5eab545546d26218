import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { build, findingsWith } from './helpers.js';

const page = (source: string, markdown?: string) => ({
  path: 'guide/05-pre-migration.md',
  permalink: '/guide/pre-migration-tasks',
  title: 'Pre-migration tasks',
  source,
  ...(markdown === undefined ? {} : { markdown }),
});

test('a skipped level is closed up and reported on the heading’s line', () => {
  const { handbook, findings } = build({
    pages: [
      page('## Data\n\nText.\n\n#### Deep one\n\n#### Deep two\n\n##### Deeper\n\n## Next\n'),
    ],
  });
  const out = toHtml(handbook.chapters[0]!.body);
  assert.deepEqual(
    [...out.matchAll(/<h(\d) id="([^"]+)"/g)].map((m) => `h${m[1]} ${m[2]}`),
    ['h2 data', 'h3 deep-one', 'h3 deep-two', 'h4 deeper', 'h2 next'],
  );
  const skips = findingsWith(findings, 'heading-skip');
  assert.deepEqual(
    skips.map((f) => [f.file, f.line]),
    [
      ['guide/05-pre-migration.md', 9],
      ['guide/05-pre-migration.md', 11],
    ],
  );
  assert.match(skips[0]?.message ?? '', /Deep one.*h2 → h4.*h3/);
});

test('a first heading below h2 is a skip; a page written with # sections is shifted down', () => {
  const deep = build({ pages: [page('### Starts deep\n')] });
  assert.match(toHtml(deep.handbook.chapters[0]!.body), /<h2 id="starts-deep">/);
  assert.equal(findingsWith(deep.findings, 'heading-skip').length, 1);

  const h1 = build({ pages: [page('# Section\n\n## Sub\n')] });
  assert.match(
    toHtml(h1.handbook.chapters[0]!.body),
    /<h2 id="section">Section<\/h2>\s*<h3 id="sub">/,
  );
  assert.equal(findingsWith(h1.findings, 'heading-skip').length, 0);
});

test('a first h1 repeating the chapter title is dropped', () => {
  const { handbook } = build({ pages: [page('# Pre-migration tasks\n\n## Data\n')] });
  const ch = handbook.chapters[0]!;
  assert.equal(ch.title, 'Pre-migration tasks');
  assert.doesNotMatch(toHtml(ch.body), /<h[1-6][^>]*>Pre-migration tasks/);
  assert.deepEqual(
    ch.outline.map((o) => [o.id, o.level]),
    [['data', 2]],
  );
});

test('component headings fit their position and stay out of the outline', () => {
  const markdown = [
    '<aside class="hb-card"><h3 class="hb-card__heading">Before any heading</h3><div class="hb-card__content"><p>x</p></div></aside>',
    '',
    '## Section',
    '',
    '### Sub',
    '',
    '<ol class="hb-steps"><li class="hb-step"><h2 class="hb-step__title">Step</h2><div class="hb-step__content">',
    '<aside class="hb-card"><h5 class="hb-card__heading">Nested card</h5><div class="hb-card__content"><p>y</p></div></aside>',
    '</div></li></ol>',
    '',
  ].join('\n');
  const { handbook } = build({ pages: [page('(includes)', markdown)] });
  const ch = handbook.chapters[0]!;
  const out = toHtml(ch.body);
  assert.match(
    out,
    /<h2 class="hb-card__heading" data-hb-outline="false">Before any heading<\/h2>/,
  );
  assert.match(out, /<h4 class="hb-step__title" data-hb-outline="false">Step<\/h4>/);
  assert.match(out, /<h5 class="hb-card__heading" data-hb-outline="false">Nested card<\/h5>/);
  assert.deepEqual(JSON.parse(JSON.stringify(ch.outline)), [
    {
      id: 'section',
      title: 'Section',
      level: 2,
      children: [{ id: 'sub', title: 'Sub', level: 3, children: [] }],
    },
  ]);
});
