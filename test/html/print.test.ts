import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml } from '../../src/html/index.js';
import { byClass, byId, byTag, hasClass, parse, styleText, text } from './html-query.js';
import { LONG_URL, SAMPLE_ASSETS_ROOT, sampleHandbook } from './sample-handbook.js';

const render = async (mode: 'screen' | 'print', pageNumbers?: Record<string, number>) =>
  parse(
    (await renderHtml(sampleHandbook(), { mode, assetsRoot: SAMPLE_ASSETS_ROOT, pageNumbers }))
      .html,
  );

const tocLink = (tree: ReturnType<typeof parse>, id: string) =>
  byTag(byTag(tree, 'nav')[0]!, 'a').find((a) => a.properties.href === `#${id}`)!;

describe('print mode: contents page numbers', () => {
  it('shows the given numbers and a hidden placeholder of fixed width for the others', async () => {
    const tree = await render('print', { 'get-started': 6, funding: 17 });
    const known = byClass(tocLink(tree, 'get-started'), 'hb-toc__page')[0]!;
    assert.equal(text(known), '6');
    assert.ok(!hasClass(known, 'hb-toc__page--unknown'));
    assert.equal(text(byClass(tocLink(tree, 'funding'), 'hb-toc__page')[0]!), '17');
    const unknown = byClass(tocLink(tree, 'reports'), 'hb-toc__page')[0]!;
    assert.ok(hasClass(unknown, 'hb-toc__page--unknown'));
    assert.equal(unknown.properties.ariaHidden, 'true');
    assert.match(styleText(tree), /\.hb-toc__page--unknown \{ visibility: hidden; \}/);
    // Every entry has exactly one page cell, so both passes lay out the same boxes.
    for (const a of byTag(byTag(tree, 'nav')[0]!, 'a')) {
      assert.equal(byClass(a, 'hb-toc__page').length, 1);
      assert.equal(byClass(a, 'hb-toc__leader').length, 1);
    }
  });

  it('has no page column on screen', async () => {
    const tree = await render('screen', { 'get-started': 6 });
    assert.equal(byClass(tree, 'hb-toc__page').length, 0);
    assert.equal(byClass(tree, 'hb-toc__leader').length, 0);
  });
});

describe('print mode: pages', () => {
  it('gives every chapter and appendix a named page with its title as running head', async () => {
    const tree = await render('print');
    const css = styleText(tree);
    const sections = byClass(tree, 'hb-chapter');
    assert.equal(sections.length, 4);
    for (const s of sections) {
      const name = String(s.properties.dataHbPage);
      const title = text(byTag(s, 'h1')[0]!);
      assert.match(name, /^(ch|app)-\d+$/);
      assert.ok(css.includes(`@page ${name} { @top-center { content: "${title}"; } }`), name);
      assert.ok(css.includes(`[data-hb-page="${name}"] { page: ${name}; }`), name);
    }
    assert.match(
      css,
      /@bottom-left \{ content: "Page " counter\(page\) " of " counter\(pages\); \}/,
    );
    assert.ok(css.includes('@bottom-right { content: "Version 1.2.0 · 1 March 2024"; }'));
    assert.match(css, /@page cover \{[^}]*@top-center \{ content: none; \}/);
    assert.match(css, /\.hb-cover \{[^}]*page: cover;/);
    assert.match(
      css,
      /\.hb-card, \.hb-inset, \.hb-step, tr, figure, img[^{]*\{[^}]*break-inside: avoid/,
    );
    assert.match(css, /orphans: 3; widows: 3/);
  });

  it('escapes chapter titles in generated CSS', async () => {
    const hb = sampleHandbook();
    hb.chapters[0]!.title = 'Say "hi" \\ </style><p>x';
    const tree = parse((await renderHtml(hb, { mode: 'print' })).html);
    const css = styleText(tree);
    assert.ok(css.includes('content: "Say \\"hi\\" \\\\ \\3c /style>\\3c p>x";'));
    assert.equal(byTag(tree, 'style').length, 1);
    assert.equal(text(byId(tree, 'introduction')[0]!), 'Say "hi" \\ </style><p>x');
  });

  it('has no generated page rules on screen', async () => {
    const css = styleText(await render('screen'));
    assert.doesNotMatch(css, /@page ch-/);
    assert.doesNotMatch(css, /@page \{/);
  });
});

describe('print mode: link notes', () => {
  it('numbers external links per chapter and lists their URLs at the chapter end', async () => {
    const tree = await render('print');
    const [intro, start, data, appendix] = byClass(tree, 'hb-chapter');
    const notes = (s: typeof intro) =>
      byClass(s!, 'hb-link-notes__item').map((li) => [
        text(byClass(li, 'hb-link-notes__text')[0]!),
        String(byTag(li, 'a')[0]?.properties.href),
      ]);
    assert.deepEqual(notes(intro), [
      [
        'GP IT Futures framework',
        'https://digital.nhs.uk/services/future-gp-it-systems-and-services',
      ],
    ]);
    assert.deepEqual(
      notes(start).map((n) => n[1]),
      [
        'https://digital.nhs.uk/services/future-gp-it-systems-and-services/gp-it-futures-catalogue-solution-migration-process',
        LONG_URL,
      ],
    );
    // Same URL twice in a chapter: one note; link text equal to URL: no note.
    assert.deepEqual(
      notes(data).map((n) => n[0]),
      ['GP IT Futures Data Migration Standard', 'Share feedback using our survey'],
    );
    const markers = byClass(data!, 'hb-note-ref').map(text);
    assert.deepEqual(markers, ['[1]', '[1]', '[2]']);
    assert.equal(byClass(appendix!, 'hb-note-ref').length, 0);
    assert.equal(byClass(appendix!, 'hb-link-notes').length, 0);
    // A marker follows its link and points to the note.
    const marker = byClass(start!, 'hb-note-ref')[1]!;
    const target = String(byTag(marker, 'a')[0]!.properties.href).slice(1);
    assert.equal(byId(tree, target).length, 1);
    assert.ok(text(byId(tree, target)[0]!).includes(LONG_URL));
    // No hidden words in the marker (stray text on paper); the PDF link description names it.
    assert.equal(byClass(marker, 'hb-visually-hidden').length, 0);
    const heading = byClass(start!, 'hb-link-notes__heading')[0]!;
    assert.equal(heading.tagName, 'h2');
    assert.equal(text(heading), 'Links in this chapter');
    assert.match(styleText(tree), /overflow-wrap: anywhere/);
  });

  it('adds no notes on screen', async () => {
    const tree = await render('screen');
    assert.equal(byClass(tree, 'hb-note-ref').length, 0);
    assert.equal(byClass(tree, 'hb-link-notes').length, 0);
  });
});
