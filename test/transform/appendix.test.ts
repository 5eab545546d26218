import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { build, findingsWith, type PageSpec } from './helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transform-appendix-seed-002');
const raw = readFileSync(join(DIR, 'index.md'), 'utf8');
const seed: PageSpec = {
  path: 'guide/index.md',
  permalink: '/guide',
  title: 'Introduction',
  // The fixture file is the whole page; helpers add front matter of their own around `source`.
  source: raw.replace(/^---\n[\s\S]*?\n---\n/, ''),
  markdown: readFileSync(join(DIR, 'expanded.md'), 'utf8'),
};
const other: PageSpec = {
  path: 'guide/01-get-started.md',
  permalink: '/guide/get-started',
  title: 'Get started',
  source: '## Information\n\nx\n',
};

function normalise(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
}

function entries(body: Element['children'] | undefined): Element[] {
  const ol = body?.find((n): n is Element => n.type === 'element' && n.tagName === 'ol');
  return ol?.children.filter((n): n is Element => n.type === 'element') ?? [];
}

test('the appendix lists all 9 Information Governance references with their URLs', () => {
  const { handbook, findings } = build({
    pages: [other, seed],
    config: {
      appendix: {
        page: '/guide',
        section: 'information-governance',
        title: 'Information Governance references',
      },
    },
  });
  assert.deepEqual(findingsWith(findings, 'no-appendix-source'), []);
  const [app, ...more] = handbook.appendices;
  assert.equal(more.length, 0);
  assert.ok(app);
  assert.equal(app.kind, 'appendix');
  assert.equal(app.label, 'Appendix A');
  assert.equal(app.id, 'appendix-a');
  assert.equal(app.title, 'Information Governance references');
  assert.equal(app.source, 'guide/index.md');

  const items = entries(app.body.children as Element['children']);
  assert.equal(items.length, 9);
  const html = toHtml(app.body);
  const hrefs = [...raw.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1] ?? '');
  assert.equal(hrefs.length, 9, 'eight entries with a link, one of them with a second link');
  for (const url of hrefs) {
    const escaped = url.replace(/&/g, '&#x26;');
    assert.match(
      html,
      new RegExp(
        `<span class="hb-ref__url"><span class="hb-ref__for">[^<]+: </span>${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</span>`,
      ),
      `URL printed on its own line, named: ${url}`,
    );
  }
  // An entry with two links: title, note, then each address named by the title it belongs to.
  const gdpr = toHtml(items.find((i) => toHtml(i).includes('GDPR'))!);
  assert.match(
    gdpr,
    /^<li class="hb-ref"><a [^>]*>General Data Protection Regulation \(GDPR\)<\/a> <span class="hb-ref__note">\(see <a [^>]*>NHS Digital guidance on GDPR<\/a>\)<\/span> <span class="hb-ref__url"><span class="hb-ref__for">General Data Protection Regulation \(GDPR\): <\/span>https:\/\/ico\.org\.uk[^<]*<\/span> <span class="hb-ref__url"><span class="hb-ref__for">NHS Digital guidance on GDPR: <\/span>https:\/\/digital\.nhs\.uk[^<]*<\/span><\/li>$/,
  );
  const encryption = items[7]!;
  assert.deepEqual(encryption.properties.className, ['hb-ref', 'hb-ref--nolink']);
  assert.match(
    toHtml(encryption),
    /^<li class="hb-ref hb-ref--nolink">Encryption guidance for health and care organisations <span class="hb-ref__missing">\(no link available\)<\/span><\/li>$/,
  );
  assert.match(
    toHtml(items[2]!),
    /<span class="hb-ref__note">\(previously Section 60 of the Health and Social Care Act 2001\)<\/span>/,
  );

  const want = join(DIR, 'expected.html');
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(want)) writeFileSync(want, `${html}\n`);
  assert.equal(normalise(html), normalise(readFileSync(want, 'utf8')));
});

test('the section stays in its chapter; the appendix only adds', () => {
  const { handbook } = build({ pages: [seed] });
  const intro = toHtml(handbook.chapters[0]!.body);
  assert.match(intro, /<h2 id="information-governance">Information Governance<\/h2>/);
  assert.equal((intro.match(/<li>/g) ?? []).length, 9);
  assert.equal(handbook.appendices.length, 1, 'found by heading text with the default config');
  assert.match(
    toHtml(handbook.appendices[0]!.body),
    /<a href="#information-governance">Information Governance<\/a>/,
  );
});

test('no such section: no appendix; a warning only when the appendix is configured', () => {
  const { handbook, findings } = build({ pages: [other] });
  assert.deepEqual(handbook.appendices, []);
  assert.deepEqual(findingsWith(findings, 'no-appendix-source'), [], 'not configured: silent');
  const asked = build({
    pages: [other],
    config: { appendix: { section: 'Information Governance' } },
  });
  const [f] = findingsWith(asked.findings, 'no-appendix-source');
  assert.equal(f?.severity, 'warning');
  const cfg = build({ pages: [other, seed], config: { appendix: { page: '/guide/missing' } } });
  assert.deepEqual(cfg.handbook.appendices, []);
  assert.match(
    findingsWith(cfg.findings, 'no-appendix-source')[0]?.message ?? '',
    /\/guide\/missing/,
  );
});
