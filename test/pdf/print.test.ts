/**
 * The contents-number passes of printHandbook on the real guide (content/): a correct guess
 * takes one print, a wrong one still converges, and neither changes a byte of the finished
 * PDF; later passes that only update the number cells in the loaded page print the same
 * document a fresh load of the re-rendered HTML would (up to Chromium's DOM node ids, which
 * only the in-place route keeps equal to a single-pass print). One browser for the file.
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

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));
const FINISH = { date: '2026-11-01', producer: 'handbook-press test' };

let session: BrowserSession;
let hb: Handbook;
let plain: PrintResult;
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
  it('without a guess takes two prints, and the numbers printed are the pages found', () => {
    assert.equal(plain.passes, 2);
    const ids = contentsIds(hb);
    assert.ok(ids.length > 20);
    for (const id of ids) assert.ok(plain.pageOf[id]! > 1, `${id} has a page`);
  });

  it('with a correct guess prints once, and the finished PDF has the same bytes', async () => {
    const r = await print({ guess: plain.pageOf });
    assert.equal(r.passes, 1);
    assert.deepEqual(r.passList, [1]);
    assert.deepEqual(r.pageOf, plain.pageOf);
    assert.equal(await finished(r), plainFinished);
  });

  it('with a wrong guess converges to the same numbers and bytes', async () => {
    const wrong = Object.fromEntries(Object.entries(plain.pageOf).map(([k, v]) => [k, v + 1]));
    const r = await print({ guess: { ...wrong, 'no-such-id': 3 } });
    assert.ok(r.passes >= 2, `passes ${r.passes}`);
    assert.deepEqual(r.pageOf, plain.pageOf);
    assert.equal(await finished(r), plainFinished);
  });

  it('a partial guess (one entry missing) is not taken as confirmed', async () => {
    const [first] = contentsIds(hb);
    const partial = { ...plain.pageOf };
    delete partial[first!];
    const r = await print({ guess: partial });
    assert.equal(r.passes, 2);
    assert.equal(await finished(r), plainFinished);
  });

  it('updating the cells in place prints what re-rendering prints, up to DOM node ids', async () => {
    const rerendered = await print({ reprint: 'render' });
    assert.equal(rerendered.passes, 2);
    assert.deepEqual(rerendered.pageOf, plain.pageOf);
    assert.equal(withoutNodeIds(rerendered.bytes), withoutNodeIds(plain.bytes));
    // The ids are why the in-place route is the default: a second load shifts them, so a
    // re-rendered build would differ from a one-pass (guessed) build of the same HTML.
    assert.notEqual(latin1(rerendered.bytes).match(/\(node\d+\)/)?.[0], undefined);
    assert.notEqual(await finished(rerendered), plainFinished);
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
