import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostics } from '../../src/diagnostics.js';
import { parsePage } from '../../src/markdown/index.js';
import { buildHandbook, chapterIdBase, createPageResolver } from '../../src/transform/index.js';
import { build, makePage, makeTree, type PageSpec } from './helpers.js';

const pages: PageSpec[] = [
  {
    path: 'guide/index.md',
    permalink: '/guide',
    title: 'Introduction',
    source: '## Welcome\n\n### Who\n\n## Scope\n',
  },
  {
    path: 'guide/01-get-started.md',
    permalink: '/guide/get-started',
    title: 'Get started',
    subtitle: 'How to start',
    source: 'Text.\n',
  },
  {
    path: 'guide/role/practice-staff.md',
    permalink: '/guide/role/practice-staff/',
    title: 'Checklist: practice staff',
    source: 'Text.\n',
  },
];

test('chapters follow the reading order, with ids from permalinks, subtitles and outline', () => {
  const { handbook } = build({
    pages,
    order: ['guide/index.md', 'guide/role/practice-staff.md', 'guide/01-get-started.md'],
  });
  assert.deepEqual(
    handbook.chapters.map((c) => [c.id, c.title, c.subtitle, c.source, c.kind]),
    [
      ['introduction', 'Introduction', undefined, 'guide/index.md', 'chapter'],
      [
        'practice-staff',
        'Checklist: practice staff',
        undefined,
        'guide/role/practice-staff.md',
        'chapter',
      ],
      ['get-started', 'Get started', 'How to start', 'guide/01-get-started.md', 'chapter'],
    ],
  );
  assert.deepEqual(JSON.parse(JSON.stringify(handbook.chapters[0]!.outline)), [
    {
      id: 'welcome',
      title: 'Welcome',
      level: 2,
      children: [{ id: 'who', title: 'Who', level: 3, children: [] }],
    },
    { id: 'scope', title: 'Scope', level: 2, children: [] },
  ]);
});

test('chapter ids: last permalink segment, or the title for a one-segment permalink', () => {
  const page = (permalink: string, title: string) =>
    makePage({ path: 'x.md', permalink, title, source: '' });
  assert.equal(chapterIdBase(page('/guide/kick-off', 'Kick-off meeting')), 'kick-off');
  assert.equal(chapterIdBase(page('/guide', 'Introduction')), 'introduction');
  assert.equal(chapterIdBase(page('/glossary/', 'Glossary')), 'glossary');
  assert.equal(chapterIdBase(page('/guide/cutover.html', 'Cutover')), 'cutover');
});

test('parts, meta and releases come from the tree', () => {
  const { tree, markdown } = makeTree({
    pages,
    config: { subtitle: 'For practices', organisation: 'NHS Digital' },
  });
  tree.order = tree.order.map((o, i) => ({ ...o, part: i === 0 ? 'Part 1' : 'Part 2' }));
  tree.releases = [{ version: '1.0.0', date: '2024-01-01', summary: 'First' }];
  const diag = new Diagnostics();
  const parsed = tree.order.map(({ page }) =>
    parsePage({ page, markdown: markdown.get(page.path) ?? '' }, diag),
  );
  const hb = buildHandbook(tree, parsed, { version: '1.1.0', date: '2024-06-01' }, diag);
  assert.deepEqual(
    hb.chapters.map((c) => c.part),
    ['Part 1', 'Part 2', 'Part 2'],
  );
  assert.deepEqual(hb.meta, {
    title: 'GP Clinical System Migration Guide',
    subtitle: 'For practices',
    organisation: 'NHS Digital',
    description: 'A site description',
    language: 'en-GB',
    version: '1.1.0',
    date: '2024-06-01',
  });
  assert.deepEqual(hb.releases, tree.releases);
});

test('without an organisation in handbook.yml, the site’s publisher names it', () => {
  const { tree, markdown } = makeTree({ pages });
  tree.site = { ...tree.site, publisher: 'NHS England' };
  const diag = new Diagnostics();
  const parsed = tree.order.map(({ page }) =>
    parsePage({ page, markdown: markdown.get(page.path) ?? '' }, diag),
  );
  const hb = buildHandbook(tree, parsed, { version: '1', date: '2024-06-01' }, diag);
  assert.equal(hb.meta.organisation, 'NHS England');
  assert.equal(hb.meta.description, 'A site description');
});

test('the transform does not modify the parsed trees', () => {
  const { tree, markdown } = makeTree({
    pages: [{ ...pages[0]!, source: '#### Skip\n\n[x](/guide/get-started)\n' }, pages[1]!],
  });
  const diag = new Diagnostics();
  const parsed = tree.order.map(({ page }) =>
    parsePage({ page, markdown: markdown.get(page.path) ?? '' }, diag),
  );
  const before = JSON.stringify(parsed);
  buildHandbook(tree, parsed, { version: 'draft', date: '2024-06-01' }, diag);
  assert.equal(JSON.stringify(parsed), before);
});

test('a page in the order that was not parsed is reported, not dropped silently', () => {
  const { tree, markdown } = makeTree({ pages });
  const diag = new Diagnostics();
  const parsed = tree.order
    .slice(1)
    .map(({ page }) => parsePage({ page, markdown: markdown.get(page.path) ?? '' }, diag));
  const hb = buildHandbook(tree, parsed, { version: 'draft', date: '2024-06-01' }, diag);
  assert.equal(hb.chapters.length, 2);
  assert.deepEqual(
    diag.findings.filter((f) => f.code === 'page-not-parsed').map((f) => f.file),
    ['guide/index.md'],
  );
});

test('the default resolver handles baseurl, other prefixes, the site url and relative links', () => {
  const { tree } = makeTree({ pages });
  const r = createPageResolver(tree);
  const at = (u: string, from = tree.pages[0]) => {
    const hit = r.resolve(u, from);
    return hit ? `${hit.page.permalink}${hit.anchor ? `#${hit.anchor}` : ''}` : undefined;
  };
  assert.equal(at('/prm-practice-migration/guide/get-started#a'), '/guide/get-started#a');
  assert.equal(at('/staging/guide/role/practice-staff'), '/guide/role/practice-staff/');
  assert.equal(at('https://nhsconnect.github.io/prm-practice-migration/guide/'), '/guide');
  assert.equal(at('https://example.org/guide/get-started'), undefined);
  assert.equal(at('/guide/get%20started'), undefined);
  assert.equal(at('guide/01-get-started.md'), '/guide/get-started');
  const getStarted = tree.pages.find((p) => p.permalink === '/guide/get-started');
  assert.equal(at('role/practice-staff', getStarted), '/guide/role/practice-staff/');
  assert.equal(at('#here', getStarted), '/guide/get-started#here');
});
