/**
 * The HTML handbook of real guide trees, built through the library exactly as the CLI does:
 * content/ (the guide) and other-guide (a guide of another shape, zero configuration, with
 * deliberate flaws). Checked in real Chromium: no network request, axe-core WCAG 2.1 A/AA,
 * every internal link resolves, no template or editorial residue, no skipped heading level,
 * chapters present and in navigation order, components rendered as components.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { build, type BuildResult } from '../../src/build.js';
import {
  axeViolations,
  launchTestBrowser,
  loadDocument,
  type TestBrowser,
} from '../helpers/chromium.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Guide {
  name: string;
  source: string;
  /** Navigation titles in reading order, read straight from the data file (not via the loader). */
  navigation: () => string[];
  /** References the appendix must list (count, and the title of the one without a link). */
  references: { count: number; noLink: string };
}

const guides: Guide[] = [
  {
    name: 'content',
    source: join(ROOT, 'content'),
    navigation: () =>
      (
        parseYaml(readFileSync(join(ROOT, 'content/_data/navigation.yml'), 'utf8')) as {
          links: { title: string }[];
        }
      ).links.map((l) => l.title),
    references: { count: 9, noLink: 'Encryption guidance for health and care organisations' },
  },
  {
    name: 'other-guide',
    source: join(ROOT, 'test/fixtures/guides/other-guide'),
    navigation: () =>
      (
        parseYaml(
          readFileSync(join(ROOT, 'test/fixtures/guides/other-guide/_data/guide_nav.yml'), 'utf8'),
        ) as {
          sections: { pages: { title: string; url: string }[] }[];
        }
      ).sections
        .flatMap((s) => s.pages)
        // The navigation typo (/guide/stafing) is still reached through the nextpage chain.
        .map((p) => p.title),
    references: { count: 9, noLink: 'Local data sharing agreement template' },
  },
];

let chrome: TestBrowser;

before(async () => {
  chrome = await launchTestBrowser();
});

after(async () => {
  await chrome?.close();
});

for (const guide of guides) {
  describe(`HTML handbook of ${guide.name}`, { timeout: 180_000 }, () => {
    let result: BuildResult;
    let html: string;

    before(async () => {
      result = await build({
        source: guide.source,
        formats: ['html'],
        version: '1.0',
        date: '2026-11-01',
      });
      html = Buffer.from(result.outputs[0]!.bytes).toString('utf8');
    });

    it('keeps no template, kramdown or editorial residue', () => {
      const text = html.replace(/<style>[\s\S]*?<\/style>/g, '');
      for (const residue of ['{%', '{{', '{#', '{:', '[GAP]', '[UPLIFT]', '<!--', 'endcapture']) {
        assert.ok(!text.includes(residue), `"${residue}" survives in the HTML`);
      }
      assert.ok(!text.includes('Retired text'), 'commented-out include output leaks');
      const srcs = [...text.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!);
      assert.ok(srcs.length > 0 || guide.name !== 'content', 'content/ has an image');
      for (const src of srcs) assert.match(src, /^data:image\//, 'every image is inlined');
    });

    it('loads with no network request, no script, and 0 axe-core WCAG 2.1 A/AA violations', async () => {
      const { page, requests } = await loadDocument(chrome.browser, html);
      try {
        assert.deepEqual(requests, []);
        assert.equal(await page.evaluate(() => document.scripts.length), 0);
        const { violations } = await axeViolations(page);
        assert.deepEqual(violations, []);

        const facts = await page.evaluate(() => {
          const ids = new Set([...document.querySelectorAll('[id]')].map((e) => e.id));
          const internal = [...document.querySelectorAll('a[href^="#"]')].map((a) =>
            a.getAttribute('href')!.slice(1),
          );
          const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) =>
            Number(h.tagName[1]),
          );
          const chapters = [...document.querySelectorAll('main h1')].map((h) =>
            h.textContent!.trim(),
          );
          const contents = [...document.querySelectorAll('nav a[href^="#"]')].map((a) =>
            a.getAttribute('href')!.slice(1),
          );
          const dup = [...document.querySelectorAll('[id]')].length - ids.size;
          return {
            dead: internal.filter((id) => !ids.has(id)),
            levels,
            chapters,
            contents,
            dup,
            lang: document.documentElement.lang,
            title: document.title,
            landmarks: ['main', 'nav', 'header, [role=banner]'].map(
              (s) => document.querySelectorAll(s).length > 0,
            ),
            skip: document.querySelector('a[href="#main"]') !== null,
          };
        });
        assert.deepEqual(facts.dead, [], 'every internal link resolves');
        assert.equal(facts.dup, 0, 'ids are unique');
        assert.equal(facts.lang, 'en-GB');
        assert.ok(facts.title.length > 0);
        assert.deepEqual(facts.landmarks, [true, true, true]);
        assert.ok(facts.skip, 'skip link to main');
        for (let i = 1; i < facts.levels.length; i++) {
          assert.ok(
            facts.levels[i]! <= facts.levels[i - 1]! + 1,
            `heading level skips at heading ${i}`,
          );
        }
        // Navigation order: every navigation title appears as a chapter, in the same order.
        const nav = guide.navigation();
        const positions = nav.map((t) =>
          facts.chapters.findIndex((c) => c === t || c.endsWith(`: ${t}`)),
        );
        const missing = nav.filter((_, i) => positions[i] === -1);
        // A navigation title may differ from the page title; the page title is the chapter's.
        assert.ok(missing.length <= 1, `chapters missing from the handbook: ${missing.join(', ')}`);
        const found = positions.filter((p) => p >= 0);
        assert.deepEqual(
          found,
          [...found].sort((a, b) => a - b),
          'chapters in navigation order',
        );
        // The contents lists every chapter and section of the handbook tree.
        for (const ch of [...result.handbook.chapters, ...result.handbook.appendices]) {
          assert.ok(facts.contents.includes(ch.id), `contents misses chapter ${ch.id}`);
          for (const s of ch.outline)
            assert.ok(facts.contents.includes(s.id), `contents misses ${s.id}`);
        }
      } finally {
        await page.close();
      }
    });

    it('renders steps, care cards and insets as components, and the IG appendix', () => {
      assert.match(html, /<ol class="hb-steps"/);
      assert.match(html, /<aside class="hb-card"/);
      assert.match(html, /class="hb-inset"/);
      const appendix = result.handbook.appendices[0];
      assert.ok(appendix, 'an appendix');
      assert.equal(appendix.label, 'Appendix A');
      assert.match(appendix.title, /Information Governance/);
      const refs = html.slice(html.indexOf('class="hb-references"'));
      const items = refs.slice(0, refs.indexOf('</ol>')).split('<li').length - 1;
      assert.equal(items, guide.references.count);
      assert.match(
        refs,
        new RegExp(`${guide.references.noLink}[^<]*<span class="hb-ref__missing">`),
      );
    });
  });
}

describe('handbook check names every flaw of other-guide with file:line', () => {
  it('reports the navigation typo, broken links, orphan, skipped heading, missing alt and GAP', async () => {
    const { check } = await import('../../src/check.js');
    const result = await check({ source: join(ROOT, 'test/fixtures/guides/other-guide') });
    const at = (file: string, line: number, code: string): boolean =>
      result.findings.some((f) => f.file === file && f.line === line && f.code === code);
    assert.ok(at('_data/guide_nav.yml', 10, 'navigation-dead-entry'), 'navigation typo');
    assert.ok(at('guide/04-patients.md', 20, 'broken-link'), 'missing anchor');
    assert.ok(at('guide/01-deciding.md', 19, 'broken-link'), 'missing page');
    assert.ok(at('guide/old-checklist.md', 3, 'unreachable-page'), 'orphan page');
    assert.ok(
      at('guide/05-merger-day.md', 7, 'nextpage-outside-guide'),
      'nextpage out of the guide',
    );
    assert.ok(at('guide/03-systems.md', 20, 'heading-skip'), 'skipped heading level');
    assert.ok(at('guide/01-deciding.md', 12, 'image-no-alt'), 'image without alt');
    assert.ok(at('guide/04-patients.md', 16, 'gap-note'), 'GAP note');
    assert.ok(at('guide/02-staffing.md', 29, 'include-in-comment'), 'include inside a comment');
  });
});
