import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import { renderHtml } from '../../src/html/index.js';
import type { Handbook, OutlineEntry } from '../../src/model.js';
import { all, byClass, byId, byTag, parse, styleText, text } from './html-query.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from './sample-handbook.js';

const PAGES = {
  introduction: 4,
  'get-started': 6,
  'decision-to-migrate-and-funding': 6,
  funding: 7,
};

function outlineIds(entries: OutlineEntry[]): string[] {
  return entries.flatMap((e) => [e.id, ...outlineIds(e.children)]);
}

function targetIds(hb: Handbook): string[] {
  return [...hb.chapters, ...hb.appendices].flatMap((c) => [c.id, ...outlineIds(c.outline)]);
}

for (const mode of ['screen', 'print'] as const) {
  describe(`renderHtml (${mode})`, () => {
    let html: string;
    let tree: Root;
    before(async () => {
      ({ html } = await renderHtml(sampleHandbook(), {
        mode,
        assetsRoot: SAMPLE_ASSETS_ROOT,
        pageNumbers: PAGES,
      }));
      tree = parse(html);
    });

    it('is self-contained: no script, no remote resource, all CSS and images inlined', () => {
      assert.doesNotMatch(html, /<script/i);
      for (const el of all(tree, (e) =>
        ['link', 'script', 'img', 'source', 'iframe', 'object', 'style'].includes(e.tagName),
      )) {
        for (const attr of ['src', 'href', 'data', 'srcSet']) {
          const v = el.properties[attr];
          if (v !== undefined)
            assert.doesNotMatch(String(v), /^(https?:)?\/\//i, `${el.tagName} ${attr}`);
        }
      }
      assert.equal(byTag(tree, 'link').length, 0);
      const css = styleText(tree);
      assert.doesNotMatch(css, /@import/);
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]*)/g)) assert.match(m[1] ?? '', /^data:/);
      assert.equal((css.match(/@font-face/g) ?? []).length, 6); // 400, 600, 700, each upright and italic
      assert.match(css, /font\/woff;base64,[A-Za-z0-9+/]{1000}/);
      for (const img of byTag(tree, 'img'))
        assert.match(String(img.properties.src), /^data:image\//);
      assert.ok(
        byTag(tree, 'img').some((i) =>
          String(i.properties.src).startsWith('data:image/svg+xml;base64,'),
        ),
      );
    });

    it('has lang, title, charset, viewport, landmarks and a skip link to main', () => {
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.equal(byTag(tree, 'html')[0]?.properties.lang, 'en-GB');
      assert.equal(text(byTag(tree, 'title')[0]!), 'GP Clinical System Migration Guide');
      assert.ok(byTag(tree, 'meta').some((m) => m.properties.charSet === 'utf-8'));
      assert.ok(byTag(tree, 'meta').some((m) => m.properties.name === 'viewport'));
      const body = byTag(tree, 'body')[0]!;
      const top = body.children
        .filter((c) => c.type === 'element')
        .map((c) => (c as { tagName: string }).tagName);
      assert.deepEqual(top, ['a', 'header', 'nav', 'main', 'footer']);
      const skip = byClass(tree, 'hb-skip-link')[0]!;
      assert.equal(skip.properties.href, '#main');
      assert.equal(byId(tree, 'main')[0]?.tagName, 'main');
      const nav = byTag(tree, 'nav')[0]!;
      const label = byId(tree, String(nav.properties.ariaLabelledBy))[0];
      assert.equal(label && text(label), 'Contents');
    });

    it('links the contents to every chapter and outline entry, each target existing once', () => {
      const hb = sampleHandbook();
      const nav = byTag(tree, 'nav')[0]!;
      const hrefs = byTag(nav, 'a').map((a) => String(a.properties.href));
      for (const id of targetIds(hb)) {
        assert.ok(hrefs.includes(`#${id}`), `contents link to ${id}`);
        assert.equal(byId(tree, id).length, 1, `one element with id ${id}`);
      }
      assert.equal(hrefs.length, targetIds(hb).length);
      // Nested: the sections of "Get started" are in a list inside its item.
      const item = byTag(nav, 'li').find(
        (li) => byTag(li, 'a')[0]?.properties.href === '#get-started',
      )!;
      assert.ok(byTag(item, 'a').some((a) => a.properties.href === '#business-case'));
    });

    it('keeps every id unique and every internal link resolvable', () => {
      const ids = all(tree, (e) => e.properties.id !== undefined).map((e) =>
        String(e.properties.id),
      );
      assert.equal(new Set(ids).size, ids.length);
      for (const a of byTag(tree, 'a')) {
        const href = String(a.properties.href);
        if (href.startsWith('#')) assert.ok(ids.includes(href.slice(1)), href);
      }
    });

    it('renders chapters and appendices with h1 = chapter id, subtitle and body', () => {
      const main = byTag(tree, 'main')[0]!;
      const h1s = byTag(main, 'h1');
      assert.deepEqual(
        h1s.map((h) => [h.properties.id, text(h)]),
        [
          ['introduction', 'Introduction'],
          ['get-started', 'Get started'],
          ['initial-data-production', 'Initial data production and data checking'],
          ['information-governance-references', 'Appendix A: Information Governance references'],
        ],
      );
      assert.equal(text(byClass(tree, 'hb-chapter__subtitle')[0]!), 'How to start your migration');
      assert.equal(byClass(tree, 'hb-chapter__subtitle').length, 1, 'no empty subtitle');
    });

    it('renders components with their classes and accessible tables', () => {
      assert.equal(byClass(tree, 'hb-card').length, 1);
      assert.equal(byClass(tree, 'hb-inset').length, 1);
      const steps = byClass(tree, 'hb-steps')[0]!;
      assert.equal(steps.tagName, 'ol');
      assert.equal(byClass(steps, 'hb-step').length, 5);
      assert.equal(byClass(tree, 'hb-references')[0]?.tagName, 'ol');
      assert.equal(byClass(tree, 'hb-broken-link')[0]?.tagName, 'span');
      const th = byTag(byTag(tree, 'thead')[1]!, 'th');
      assert.deepEqual(
        th.map((t) => t.properties.scope),
        ['col', 'col', 'col'],
      );
      assert.equal(byTag(tree, 'figure').length, 1);
      assert.equal(byTag(byTag(tree, 'figure')[0]!, 'figcaption').length, 1);
      for (const img of byTag(tree, 'img')) assert.ok(String(img.properties.alt).length > 0);
      assert.match(styleText(tree), /\.hb-visually-hidden \{[^}]*clip-path: inset\(50%\)/);
    });

    it('has a document control table and version and date up front', () => {
      const dc = byClass(tree, 'hb-doc-control')[0]!;
      assert.equal(byTag(dc, 'tbody')[0] && byTag(byTag(dc, 'tbody')[0]!, 'tr').length, 3);
      assert.deepEqual(byTag(dc, 'th').map(text), [
        'Version',
        'Date',
        'Summary of changes',
        'Author',
        'Approver',
      ]);
      const cover = text(byClass(tree, 'hb-cover')[0]!);
      assert.match(cover, /1\.2\.0/);
      assert.match(cover, /1 March 2024/);
      assert.match(text(byTag(tree, 'footer')[0]!), /Generated by handbook-press/);
    });

    it('has a heading outline without empty headings or skipped levels', () => {
      const headings = all(tree, (e) => /^h[1-6]$/.test(e.tagName));
      let previous = 1;
      for (const h of headings) {
        const level = Number(h.tagName[1]);
        assert.ok(text(h).length > 0, 'empty heading');
        assert.ok(level <= previous + 1, `${h.tagName} "${text(h)}" after h${previous}`);
        previous = level;
      }
      assert.equal(byClass(tree, 'hb-cover__title')[0]?.tagName, 'p');
    });

    it('leaves no template, Liquid or comment residue', () => {
      for (const residue of ['{%', '{{', '{#', '[GAP]', '[UPLIFT]', '<!--']) {
        assert.ok(!html.includes(residue), residue);
      }
    });
  });
}
