/**
 * Real Chromium for the HTML tests: a throwaway profile, a page that records every request it
 * would make (and aborts it), and axe-core's WCAG 2.0/2.1 A and AA rules. axe is injected for
 * the test only; the documents themselves carry no script.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { LAUNCH_ARGS } from '../../src/pdf/chromium-process.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchTestBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'hb-test-chrome-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...LAUNCH_ARGS, `--user-data-dir=${profile}`],
  });
  return {
    browser,
    async close() {
      try {
        await browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Loads `html` into a new page; returns the page and every URL it tried to fetch (data: URIs
 * never leave the process and are not counted). The caller closes the page.
 */
export async function loadDocument(
  browser: Browser,
  html: string,
  opts: { media?: 'print' } = {},
): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (!req.url().startsWith('data:') && req.url() !== 'about:blank') requests.push(req.url());
    void req.abort();
  });
  if (opts.media) await page.emulateMediaType(opts.media);
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, requests };
}

/** axe-core's WCAG 2.0/2.1 A+AA violations, one line each; and how many rules passed. */
export async function axeViolations(page: Page): Promise<{ violations: string[]; passes: number }> {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(() =>
    // @ts-expect-error axe is injected above, not typed in this context
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[];
    passes: unknown[];
  };
  return {
    violations: result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    passes: result.passes.length,
  };
}
