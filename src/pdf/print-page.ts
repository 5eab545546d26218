/**
 * The print page: JavaScript off, every request outside the document blocked (the HTML is
 * self-contained: fonts and images are data: URLs), fonts loaded before printing. One page
 * serves every pass of a print: the first loads the HTML, a later one may only change the
 * contents numbers in the loaded document (see print.ts) and print again.
 */
import type { Page, PDFOptions } from 'puppeteer-core';
import { HandbookError } from '../errors.js';
import { firstLine } from './browser.js';

export const PDF_OPTIONS: PDFOptions = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  // Chromium's outline lists every heading (cover, contents, headings inside care cards);
  // the finishing step builds the bookmarks from the handbook's own outline instead.
  outline: false,
  // Running heads and footers come from CSS margin boxes, not Chromium's header template.
  displayHeaderFooter: false,
  // printLoaded has waited for the fonts already (a second wait costs a round trip).
  waitForFonts: false,
};

/**
 * Every URL scheme that could reach outside the document. `data:` (the inlined fonts and
 * images) and `about:` are the only ones left out: they are never paused, so loading the
 * document does not wait on this process (which may be busy rendering the DOCX meanwhile);
 * anything else is paused in the browser and failed here.
 */
const BLOCKED_SCHEMES = [
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'file',
  'blob',
  'filesystem',
  'chrome',
  'chrome-extension',
  'chrome-untrusted',
  'devtools',
  'javascript',
  'view-source',
  'intent',
  'mailto',
  'tel',
];

/**
 * Sealed by the page itself (the sources are sanitised too, but the print must not rely on
 * it): a Content-Security-Policy put first in the document lets nothing load but its own
 * data: resources; navigation requests are aborted (no error page replaces the document);
 * and a document that navigated away anyway (a refresh to about:blank) is not printed.
 */
const PRINT_CSP = [
  "default-src 'none'",
  'img-src data:',
  'font-src data:',
  "style-src 'unsafe-inline' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `html` with the CSP as the first element of its head (before anything it could govern). */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const head = /<head[^>]*>/i.exec(html);
  return head
    ? `${html.slice(0, head.index + head[0].length)}${meta}${html.slice(head.index + head[0].length)}`
    : `${meta}${html}`;
}

interface PageState {
  /** Set once the document is loaded: any later main-frame navigation is content's doing. */
  loaded: boolean;
  navigated?: string;
}

const states = new WeakMap<Page, PageState>();

export async function preparePrintPage(page: Page): Promise<void> {
  const state: PageState = { loaded: false };
  states.set(page, state);
  await page.setJavaScriptEnabled(false);
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', (e: { requestId: string; resourceType?: string }) => {
    // An aborted navigation leaves the document in place; a failed one would show an error page.
    const errorReason = e.resourceType === 'Document' ? 'Aborted' : 'BlockedByClient';
    cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason }).catch(() => undefined);
  });
  page.on('framenavigated', (frame) => {
    if (state.loaded && frame === page.mainFrame() && !state.navigated)
      state.navigated = frame.url();
  });
  await cdp.send('Fetch.enable', {
    patterns: BLOCKED_SCHEMES.map((scheme) => ({ urlPattern: `${scheme}:*` })),
  });
}

/**
 * Loads `html`, waits for its fonts and prints it. Throws PRINT_TIMEOUT after `timeoutMs`.
 * `onPrinting` is called once Chromium has been asked to print (see PrintOptions.onPrinting).
 */
export function printHtml(
  page: Page,
  html: string,
  timeoutMs: number,
  onPrinting?: () => void,
): Promise<Uint8Array> {
  return printStep(page, timeoutMs, async () => {
    const state = states.get(page);
    if (!state) throw new Error('printHtml needs a page from preparePrintPage');
    state.loaded = false;
    state.navigated = undefined;
    try {
      await page.setContent(withPrintCsp(html), { waitUntil: 'load', timeout: 0 });
      state.loaded = true;
      return sealed(page, await printLoaded(page, onPrinting));
    } catch (e) {
      // A refresh at once replaces the document while it loads or waits for its fonts.
      if (!(e instanceof HandbookError) && /context was destroyed|navigat/i.test(firstLine(e)))
        throw navigatedAway(state.navigated ?? 'another document');
      throw e;
    }
  });
}

/** The bytes, unless content moved the page away from the document while it was printed. */
function sealed(page: Page, bytes: Uint8Array): Uint8Array {
  const state = states.get(page);
  const url = state?.navigated;
  if (url !== undefined) throw navigatedAway(url);
  return bytes;
}

function navigatedAway(url: string): HandbookError {
  return new HandbookError(
    'BROWSER_FAILED',
    `printing the PDF (stage: print): the document left the print page (to ${url.slice(0, 80)}); nothing is printed`,
    { hint: 'remove the <meta http-equiv="refresh"> or other redirect from the sources' },
  );
}

/**
 * Changes the loaded document with `script` (a page.evaluate expression), then prints it
 * again: no new HTML, no reload of the document and its fonts. Same timeout as printHtml.
 */
export function reprintAfter(
  page: Page,
  script: string,
  timeoutMs: number,
  onPrinting?: () => void,
): Promise<Uint8Array> {
  return printStep(page, timeoutMs, async () => {
    await page.evaluate(script);
    return sealed(page, await printLoaded(page, onPrinting));
  });
}

async function printLoaded(page: Page, onPrinting?: () => void): Promise<Uint8Array> {
  // Page scripts are off, but puppeteer's evaluate still runs: wait for every web font,
  // otherwise a fallback font would be measured and embedded.
  await page.evaluate('document.fonts.ready.then(() => document.fonts.status)');
  // page.pdf sends Page.printToPDF before its first await: Chromium is printing from here.
  const printing = page.pdf({ ...PDF_OPTIONS, timeout: 0 });
  onPrinting?.();
  return printing;
}

/** The last print asked of each browser: the next one waits for it. */
const lastPrint = new WeakMap<object, Promise<unknown>>();

/**
 * Editions build two at a time in one browser (src/editions/build-all.ts); their print steps
 * (load, fonts, print) are queued per browser, each timed from its own start, so two tabs never
 * lay out at once (on 2 cores that only slows both, and it keeps Chromium's work as in a build
 * alone). Rendering the HTML, the DOCX, finishing the PDF and the EPUB overlap another's print.
 */
function onePrintAtATime(page: Page, print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const browser = page.browser();
  const before = lastPrint.get(browser) ?? Promise.resolve();
  const mine = before.then(print, print);
  lastPrint.set(
    browser,
    mine.catch(() => undefined),
  );
  return mine;
}

/** Runs one print, after any other of the browser's, under the timeout. */
function printStep(
  page: Page,
  timeoutMs: number,
  run: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  return onePrintAtATime(page, () => timedStep(timeoutMs, run));
}

/** Runs one print under the timeout; browser failures become BROWSER_FAILED. */
async function timedStep(timeoutMs: number, run: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HandbookError(
            'PRINT_TIMEOUT',
            `printing the PDF (stage: print) took longer than ${Math.round(timeoutMs / 1000)} s`,
            {
              hint: 'the handbook may be very large or the machine busy: try again, or raise the print timeout',
            },
          ),
        ),
      timeoutMs,
    );
  });
  const work = run();
  try {
    return await Promise.race([work, timeout]);
  } catch (e) {
    if (e instanceof HandbookError) {
      work.catch(() => undefined);
      throw e;
    }
    throw new HandbookError(
      'BROWSER_FAILED',
      `the browser failed while printing: ${firstLine(e)}`,
      {
        hint: 'the browser may have crashed (out of memory?): try again, or point CHROME_PATH / --chrome at another browser',
        cause: e,
      },
    );
  } finally {
    clearTimeout(timer);
  }
}
