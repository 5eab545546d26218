/**
 * The EPUBs judged by the two validators the issue names: W3C's epubcheck (0 errors and 0
 * warnings) and DAISY Ace (axe-core over every content document in Chromium, plus its package
 * and navigation checks: 0 violations). content/ is built with the PDF, so its EPUB carries the
 * real print page list; the other guide and a guide in parts (nav entries grouped under part
 * labels) without it; the sample handbook has images, inline components and a page list. One
 * Chromium-heavy step at a time (the PDF print, then each Ace run in turn).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from '../../src/build.js';
import { renderEpub } from '../../src/epub/index.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from '../html/sample-handbook.js';
import { ace, epubcheck, readEpub } from './epub-tools.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Pages of the PDF built beside the EPUB, by build (for the page-list check). */
const pdfPages = new Map<Uint8Array, number>();

async function built(source: string, formats: ('pdf' | 'epub')[]): Promise<Uint8Array> {
  const r = await build({ source, formats, version: '1.0.0', date: '2026-11-01', cache: false });
  const out = r.outputs.find((o) => o.format === 'epub');
  assert.ok(out);
  const pdf = r.outputs.find((o) => o.format === 'pdf');
  if (pdf?.pageCount) pdfPages.set(out.bytes, pdf.pageCount);
  return out.bytes;
}

const CASES: Record<string, () => Promise<Uint8Array>> = {
  'content/ (with the PDF: page list)': () => built(path.join(ROOT, 'content'), ['pdf', 'epub']),
  'other-guide': () => built(path.join(ROOT, 'test/fixtures/guides/other-guide'), ['epub']),
  'a guide in parts': () => built(path.join(ROOT, 'test/fixtures/load-config-parts'), ['epub']),
  'the sample handbook': async () =>
    (
      await renderEpub(sampleHandbook(), {
        assetsRoot: SAMPLE_ASSETS_ROOT,
        pageNumbers: { introduction: 4, 'overview-of-key-phases': 5, 'get-started': 7 },
      })
    ).bytes,
};

for (const [name, make] of Object.entries(CASES)) {
  describe(`EPUB of ${name} under epubcheck and Ace`, { timeout: 600_000 }, () => {
    let bytes: Uint8Array;
    before(async () => {
      bytes = await make();
    });

    it('epubcheck: 0 fatal errors, 0 errors, 0 warnings', async () => {
      const r = await epubcheck(bytes);
      assert.deepEqual(r.messages, []);
      assert.match(r.summary, /^Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
      assert.equal(r.code, 0);
    });

    it('has a page list of the PDF’s pages exactly when the PDF was built beside it', () => {
      const pages = pdfPages.get(bytes);
      const nav = readEpub(bytes).text('EPUB/nav.xhtml');
      if (pages === undefined && !name.includes('sample')) {
        assert.doesNotMatch(nav, /page-list/);
        return;
      }
      const list = /<nav epub:type="page-list"[^]*?<\/nav>/.exec(nav)?.[0] ?? '';
      const numbers = [...list.matchAll(/<a href="[^"]+">(\d+)<\/a>/g)].map((m) => Number(m[1]));
      assert.equal(numbers[0], 1, 'the cover');
      for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i]! > numbers[i - 1]!);
      if (pages === undefined) return; // the sample: its made-up numbers (structure.test.ts)
      assert.ok(numbers.length >= 10, `${numbers.length} pages listed`);
      assert.ok(numbers[numbers.length - 1]! <= pages, `at most ${pages}`);
    });

    it('DAISY Ace: 0 violations', async () => {
      const r = await ace(bytes);
      assert.deepEqual(r.violations, []);
      assert.equal(r.outcome, 'pass');
    });
  });
}

describe('the validators catch what they should', { timeout: 600_000 }, () => {
  it('epubcheck reports a broken package, Ace a missing alt', async () => {
    const { bytes } = await renderEpub(sampleHandbook(), { assetsRoot: SAMPLE_ASSETS_ROOT });
    const epub = readEpub(bytes);
    // Drop every img's alt and the nav document's property: both tools must say so.
    const { zipSync, strToU8 } = await import('fflate');
    const files: Record<string, Uint8Array> = {};
    for (const n of epub.names) {
      let data = epub.files[n]!;
      if (n.endsWith('.xhtml')) data = strToU8(epub.text(n).replace(/ alt="[^"]*"/g, ''));
      files[n] = data;
    }
    const broken = zipSync(files);
    const checked = await epubcheck(broken);
    assert.notEqual(checked.code, 0, 'mimetype not first and stored: epubcheck fails');
    const aced = await ace(broken);
    assert.ok(
      aced.violations.some((v) => v.includes('image-alt')),
      aced.violations.join('\n'),
    );
  });
});
