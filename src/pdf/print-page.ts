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
};

export async function preparePrintPage(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('about:')) void req.continue();
    else void req.abort('blockedbyclient');
  });
}

/** Loads `html`, waits for its fonts and prints it. Throws PRINT_TIMEOUT after `timeoutMs`. */
export function printHtml(page: Page, html: string, timeoutMs: number): Promise<Uint8Array> {
  return printStep(timeoutMs, async () => {
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    return printLoaded(page);
  });
}

/**
 * Changes the loaded document with `script` (a page.evaluate expression), then prints it
 * again: no new HTML, no reload of the document and its fonts. Same timeout as printHtml.
 */
export function reprintAfter(page: Page, script: string, timeoutMs: number): Promise<Uint8Array> {
  return printStep(timeoutMs, async () => {
    await page.evaluate(script);
    return printLoaded(page);
  });
}

async function printLoaded(page: Page): Promise<Uint8Array> {
  // Page scripts are off, but puppeteer's evaluate still runs: wait for every web font,
  // otherwise a fallback font would be measured and embedded.
  await page.evaluate('document.fonts.ready.then(() => document.fonts.status)');
  return page.pdf({ ...PDF_OPTIONS, timeout: 0 });
}

/** Runs one print under the timeout; browser failures become BROWSER_FAILED. */
async function printStep(timeoutMs: number, run: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HandbookError(
            'PRINT_TIMEOUT',
            `printing the PDF took longer than ${Math.round(timeoutMs / 1000)} s`,
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
