/**
 * The contents numbers of printHandbook on the real guide (content/): one print, cold, with the
 * numbers filled into the placeholders of that print (contents-fill.ts); the filled document
 * is, page content for page content, what printing the numbers themselves gives (the fallback
 * route, `fill: false`, which prints twice); a guess changes nothing; the fill is all or
 * nothing. One browser for the file.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Handbook } from '../../src/model.js';
import { renderHtml } from '../../src/html/index.js';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import { finishPdf, openSession, printHandbook, type BrowserSession } from '../../src/pdf/index.js';
import type { PrintOptions, PrintResult } from '../../src/pdf/print.js';
import { contentsIds, contentsNumbersScript, pickNumbers } from '../../src/pdf/print.js';
import { preparePrintPage } from '../../src/pdf/print-page.js';
import { contentsCells, fillContentsNumbers } from '../../src/pdf/contents-fill.js';
import { pageContent } from '../../src/pdf/finish/artifacts.js';
import { pageNumbersOf } from '../../src/pdf/destinations.js';
import type { PDFDocument } from 'pdf-lib';

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));
const FINISH = { date: '2026-11-01', producer: 'handbook-press test' };

let session: BrowserSession;
let hb: Handbook;
let plain: PrintResult & { passList: number[] };
let plainFinished: string;

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function print(opts: PrintOptions = {}): Promise<PrintResult & { passList: number[] }> {
  const passList: number[] = [];
  const r = await printHandbook(hb, session, {
    assetsRoot: SOURCE,
    onPass: (p) => passList.push(p),
    ...opts,
  });
  return { ...r, passList };
}

const finished = async (r: PrintResult): Promise<string> =>
  sha256((await finishPdf(r, hb, FINISH)).bytes);

/** Every page's decoded content, as text: what is drawn, independent of how it was compressed. */
const contentOf = (doc: PDFDocument): string[] =>
  doc.getPages().map((p) => Buffer.from(pageContent(doc, p)!.bytes).toString('latin1'));

/** The raw print without what differs between any two prints: dates and DOM node ids. */
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const withoutNodeIds = (b: Uint8Array): string =>
  latin1(b)
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '')
    .replace(/\(node\d+\)/g, '(node)');

before(async () => {
  ({ handbook: hb } = await prepare({
    source: SOURCE,
    version: '1.0',
    date: '2026-11-01',
    timings: new Timings(),
    cache: false,
  }));
  session = await openSession();
  plain = await print();
  plainFinished = await finished(plain);
});

after(async () => {
  await session?.close();
});

describe('printHandbook: contents numbers', () => {
  it('a cold print is one print: the numbers are filled into its placeholders', () => {
    assert.equal(plain.passes, 1);
    assert.deepEqual(plain.passList, [1]);
    assert.equal(plain.filled, true);
    const ids = contentsIds(hb);
    assert.ok(ids.length > 20);
    for (const id of ids) assert.ok(plain.pageOf[id]! > 1, `${id} has a page`);
  });

  it('the filled print draws what printing the numbers draws (the two-print route)', async () => {
    // (plain.document is finished by now: print again, and compare before finishing.)
    const once = await print();
    const twice = await print({ fill: false });
    assert.equal(twice.passes, 2);
    assert.equal(twice.filled, false);
    assert.deepEqual(twice.pageOf, plain.pageOf);
    // Glyph for glyph, position for position: the contents pages included.
    assert.deepEqual(contentOf(once.document), contentOf(twice.document));
    // And the fill changed the contents: the placeholders' print is not the result.
    const raw = (await pageNumbersOf(once.bytes)).document;
    assert.notDeepEqual(contentOf(raw), contentOf(once.document));
  });

  it('a guess changes nothing: one print, the same bytes', async () => {
    const wrong = Object.fromEntries(Object.entries(plain.pageOf).map(([k, v]) => [k, v + 1]));
    for (const guess of [plain.pageOf, { ...wrong, 'no-such-id': 3 }]) {
      const r = await print({ guess });
      assert.equal(r.passes, 1);
      assert.deepEqual(r.pageOf, plain.pageOf);
      assert.equal(await finished(r), plainFinished);
    }
  });

  it('updating the cells in place prints what re-rendering prints, up to DOM node ids', async () => {
    const updated = await print({ fill: false });
    const rerendered = await print({ fill: false, reprint: 'render' });
    assert.equal(rerendered.passes, 2);
    assert.deepEqual(rerendered.pageOf, plain.pageOf);
    assert.equal(withoutNodeIds(rerendered.bytes), withoutNodeIds(updated.bytes));
    // A second load shifts Chromium's ids; finishing renumbers them by rank
    // (pdf/finish/node-ids.ts), so both routes finish to the same bytes.
    assert.notEqual(latin1(rerendered.bytes).match(/\(node\d+\)/)?.[0], undefined);
    assert.notEqual(latin1(rerendered.bytes), latin1(updated.bytes));
    assert.equal(await finished(rerendered), await finished(updated));
  });
});

describe('fillContentsNumbers', () => {
  const fresh = async (): Promise<PDFDocument> => (await pageNumbersOf(plain.bytes)).document;
  const cells = (): ReturnType<typeof contentsCells> => contentsCells(hb);

  it('cycles four placeholders per level, which hold all ten digits', () => {
    const digits = new Set(
      cells()
        .slice(0, 40)
        .flatMap((c) => [...String(c.placeholder)]),
    );
    assert.equal(digits.size, 10);
    for (const c of cells()) assert.equal(String(c.placeholder).length, 3);
  });

  it('is all or nothing: a number of four digits, or cells out of order, change nothing', async () => {
    for (const [list, numbers] of [
      [cells(), { ...plain.pageOf, [cells().at(-1)!.id]: 1000 }],
      [[...cells()].reverse(), plain.pageOf],
      [cells().slice(1), plain.pageOf],
      [[...cells(), { id: 'extra', placeholder: 120 }], { ...plain.pageOf, extra: 5 }],
    ] as const) {
      const doc = await fresh();
      const before = contentOf(doc);
      assert.equal(fillContentsNumbers(doc, [...list], numbers), false);
      assert.deepEqual(contentOf(doc), before);
    }
  });
});

describe('contentsNumbersScript', () => {
  it('turns the placeholder contents into the contents rendered with the numbers', async () => {
    const numbers = pickNumbers(contentsIds(hb), plain.pageOf);
    const toc = async (html: string, script?: string): Promise<string> =>
      session.withPage(async (page) => {
        await preparePrintPage(page);
        await page.setContent(html, { waitUntil: 'load' });
        if (script) await page.evaluate(script);
        return page.evaluate('document.querySelector("nav.hb-toc").outerHTML') as Promise<string>;
      });
    const rendered = async (pn?: Record<string, number>): Promise<string> =>
      (
        await renderHtml(hb, {
          mode: 'print',
          assetsRoot: SOURCE,
          ...(pn ? { pageNumbers: pn } : {}),
        })
      ).html;
    const withPlaceholders = await rendered();
    const withNumbers = await rendered(numbers);
    const placeholders = await toc(withPlaceholders);
    const expected = await toc(withNumbers);
    assert.notEqual(placeholders, expected);
    assert.equal(await toc(withPlaceholders, contentsNumbersScript(numbers)), expected);
    // And back: an entry without a number gets the hidden placeholder again.
    assert.equal(await toc(withNumbers, contentsNumbersScript({})), placeholders);
  });
});

describe('pickNumbers', () => {
  it('keeps only contents ids with positive whole page numbers', () => {
    assert.deepEqual(
      pickNumbers(['a', 'b', 'c', 'd', 'e', 'toString'], {
        a: 3,
        b: 0,
        c: 2.5,
        d: Number.NaN,
        x: 7,
      }),
      { a: 3 },
    );
  });
});
