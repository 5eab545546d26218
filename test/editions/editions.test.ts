/**
 * Two editions of one guide (test/fixtures/editions) in HTML and Word: local pages where
 * configured, the left-out chapter and sections nowhere (links into them reported and printed
 * as text), variables, the organisation with its logo, the brand colour; the main guide's
 * bytes unchanged by having editions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { build, type BuildResult } from '../../src/build.js';
import { buildEditions } from '../../src/editions/build-all.js';
import { checkDocx, headingOutline } from '../docx/docx-check.js';
import { tempDir } from '../release/tree.js';
import { editionsSource, withoutEditions } from './fixture.js';

const FAST = { formats: ['html', 'docx'] as ('html' | 'docx')[], date: '2026-12-01', cache: false };

const text = (r: BuildResult, format: 'html' | 'docx'): Uint8Array =>
  r.outputs.find((o) => o.format === format)!.bytes;
const html = (r: BuildResult): string => Buffer.from(text(r, 'html')).toString('utf8');
const h1s = (page: string): string[] =>
  [...page.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
const docxPart = (r: BuildResult, part: string): string =>
  strFromU8(unzipSync(text(r, 'docx'))[part] ?? new Uint8Array());

test('every edition of the fixture, built in one process, in HTML and Word', async (t) => {
  const tmp = await tempDir(t, 'hb-editions-');
  const source = await editionsSource(tmp);
  const builds = await buildEditions({ ...FAST, source, edition: 'all' });
  assert.deepEqual(
    builds.map((b) => b.edition),
    ['default', 'north-icb', 'south-icb'],
  );
  const [main, north, south] = builds.map((b) => b.result) as [
    BuildResult,
    BuildResult,
    BuildResult,
  ];

  await t.test('north: local page after its chapter, left-out chapter and section gone', () => {
    const page = html(north);
    const chapters = h1s(page);
    const at = chapters.indexOf('Kick-off meeting');
    assert.equal(chapters[at + 1], 'Local support in the north');
    assert.ok(!chapters.includes('Training'), 'the left-out chapter is no chapter');
    assert.ok(h1s(html(main)).includes('Training'), 'the main guide keeps it');
    assert.ok(!page.includes('id="final-data-production"'), 'the left-out section is gone');
    assert.ok(html(main).includes('id="final-data-production"'));
    // Links into left-out text: plain text, each reported.
    assert.ok(!/href="#training"/.test(page));
    assert.match(page, /<span class="hb-broken-link">training chapter<\/span>/);
    const leftOut = north.findings.filter((f) => f.code === 'link-left-out');
    assert.ok(leftOut.some((f) => f.file === '_editions/north/local-support.md'));
    assert.ok(
      leftOut.some((f) => /final-data-production/.test(f.message)),
      'the section link',
    );
    assert.ok(leftOut.every((f) => f.severity === 'warning'));
  });

  await t.test('north: variables, organisation, logo and colour', () => {
    const page = html(north);
    assert.match(
      page,
      /NORTHMARK: this page is part of the North Example Integrated Care Board edition \(north-icb\)/,
    );
    assert.match(page, /Call the helpdesk on 0300 000 0001\./);
    assert.match(
      page,
      /<img class="hb-cover__logo" src="data:image\/svg\+xml;base64,[^"]+" alt="North Example ICB logo">/,
    );
    assert.match(
      page,
      /<p class="hb-cover__organisation">North Example Integrated Care Board<\/p>/,
    );
    assert.match(page, /North House, 2 Test Road<br>Northtown NE1 1AA/);
    assert.match(page, /--hb-blue: #6b2c91;/);
    assert.match(
      page,
      /<dt>Edition<\/dt><dd>North Example Integrated Care Board \(north-icb\)<\/dd>/,
    );
    assert.ok(!page.includes('SOUTHMARK'), "the south's line is not in the north");
  });

  await t.test('south: title, local page as Appendix B, a heading id left out', () => {
    const page = html(south);
    assert.match(page, /<title>South Example Migration Handbook<\/title>/);
    const chapters = h1s(page);
    assert.equal(chapters.at(-1), 'Appendix B: Contacts in the south');
    assert.equal(chapters.at(-2), 'Appendix A: Information Governance references');
    assert.match(page, /SOUTHPAGE: who to call in the South Example area\./);
    assert.match(page, /SOUTHMARK in the South Example area\./);
    assert.ok(!page.includes('id="during-cutover"'));
    assert.ok(chapters.includes('Training'), 'the south keeps what the north leaves out');
    assert.match(page, /--hb-blue: #0b6e4f;/);
  });

  await t.test('Word: each edition passes the package checks and shows its edition', () => {
    for (const r of [north, south]) {
      const bad = checkDocx(text(r, 'docx')).filter((c) => !c.ok);
      assert.deepEqual(bad, [], bad.map((c) => `${c.condition}: ${c.detail ?? ''}`).join('\n'));
    }
    const northOutline = headingOutline(text(north, 'docx')).map((h) => h.text);
    assert.ok(northOutline.includes('Local support in the north'));
    assert.ok(!northOutline.includes('Training'));
    assert.ok(
      headingOutline(text(south, 'docx')).some(
        (h) => h.text === 'Appendix B: Contacts in the south',
      ),
    );
    const doc = docxPart(north, 'word/document.xml');
    assert.match(doc, /Edition: North Example Integrated Care Board/);
    assert.match(doc, /North House, 2 Test Road/);
    assert.match(doc, /descr="North Example ICB logo"/, 'the logo is drawn with its alt text');
    assert.ok(
      Object.keys(unzipSync(text(north, 'docx'))).some((n) => /^word\/media\/.*\.svg$/.test(n)),
    );
    const styles = docxPart(north, 'word/styles.xml');
    assert.ok(
      styles.includes('6B2C91') && !styles.includes('005EB8'),
      'the brand colour replaces the blue',
    );
    assert.match(
      docxPart(north, 'word/footer1.xml') + docxPart(north, 'word/footer2.xml'),
      /North Example Integrated Care Board/,
    );
    assert.ok(!docxPart(main, 'word/document.xml').includes('Edition:'));
  });

  await t.test('the main guide is byte for byte the build without any editions', async () => {
    await withoutEditions(source);
    const plain = await build({ ...FAST, source });
    assert.ok(Buffer.from(text(plain, 'html')).equals(Buffer.from(text(main, 'html'))));
    assert.ok(Buffer.from(text(plain, 'docx')).equals(Buffer.from(text(main, 'docx'))));
  });
});
