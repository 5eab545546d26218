/**
 * Issue 11 item 2: the print page is sealed by itself. Hostile HTML goes straight to the
 * print function (no sanitiser in between): prefetch, preconnect, DNS prefetch, preload,
 * stylesheets, @import, images, iframes, a refresh to the listener and one to about:blank.
 * The local listener must see no connection at all; a refresh that replaces the document is
 * a clear error naming the stage, never a hang; a print has a deadline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type BrowserSession } from '../../src/pdf/browser.js';
import { preparePrintPage, printHtml } from '../../src/pdf/print-page.js';
import { HandbookError } from '../../src/errors.js';
import { listen, type Listener } from './hostile.js';

let session: BrowserSession;
let listener: Listener;

before(async () => {
  listener = await listen();
  session = await openSession();
});

after(async () => {
  await session?.close();
  await listener?.close();
});

function hostileHead(u: string): string {
  return [
    `<link rel="prefetch" href="${u}/prefetch">`,
    `<link rel="preconnect" href="${u}/">`,
    `<link rel="dns-prefetch" href="//localhost:${new URL(u).port}/">`,
    `<link rel="preload" as="image" href="${u}/preload.png">`,
    `<link rel="stylesheet" href="${u}/style.css">`,
    `<style>@import url(${u}/import.css); body { background: url(${u}/bg.png) }</style>`,
    `<meta http-equiv="refresh" content="0;url=${u}/refresh">`,
    `<base href="${u}/">`,
  ].join('');
}

const print = (html: string, timeoutMs = 30_000): Promise<Uint8Array> =>
  session.withPage(async (page) => {
    await preparePrintPage(page);
    const bytes = await printHtml(page, html, timeoutMs);
    // Anything the document started late (a refresh, a prefetch) has had time to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    return bytes;
  });

describe('the print page is sealed', () => {
  it('the listener sees a connection when one is made', async () => {
    await fetch(`http://127.0.0.1:${listener.port}/probe`).then((r) => r.text());
    assert.equal(listener.connections(), 1);
  });

  it('prints hostile HTML with no connection to anything', async () => {
    const u = `http://127.0.0.1:${listener.port}`;
    const html = `<!doctype html><html><head>${hostileHead(u)}</head><body><p>Sealed text</p><img src="${u}/img.png" alt=""><iframe src="${u}/frame"></iframe><a href="${u}/link">link</a><video src="${u}/v.mp4"></video></body></html>`;
    const bytes = await print(html);
    assert.match(Buffer.from(bytes).toString('latin1'), /^%PDF-/);
    assert.equal(listener.connections(), 1, listener.seen.join('\n'));
  });

  it('a refresh to about:blank is a clear error, not a hang', async () => {
    const started = Date.now();
    await assert.rejects(
      print(
        '<html><head><meta http-equiv="refresh" content="0;url=about:blank"></head><body>x</body></html>',
      ),
      (e: unknown) =>
        e instanceof HandbookError &&
        /print page/.test(e.message) &&
        /stage: print/.test(e.message),
    );
    assert.ok(Date.now() - started < 20_000);
    assert.equal(listener.connections(), 1);
  });

  it('a print that cannot finish in time is PRINT_TIMEOUT naming the stage', async () => {
    await assert.rejects(
      print('<html><body><p>x</p></body></html>', 1),
      (e: unknown) =>
        e instanceof HandbookError && e.code === 'PRINT_TIMEOUT' && /stage: print/.test(e.message),
    );
  });
});
