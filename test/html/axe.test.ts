/**
 * Both modes in real Chromium: no network request while loading, and axe-core (WCAG 2.0/2.1
 * A and AA rules) finds no violation. The document itself has no script; axe is injected
 * for the test only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { renderHtml } from '../../src/html/index.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from './sample-handbook.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

describe('HTML in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let profile: string;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'hb-html-chrome-'));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  for (const mode of ['screen', 'print'] as const) {
    it(`${mode}: loads without any request and has no WCAG A/AA violation`, async () => {
      const { html } = await renderHtml(sampleHandbook(), {
        mode,
        assetsRoot: SAMPLE_ASSETS_ROOT,
        ...(mode === 'print' ? { pageNumbers: { introduction: 4 } } : {}),
      });
      const page = await browser.newPage();
      try {
        const requests: string[] = [];
        await page.setRequestInterception(true);
        page.on('request', (req) => {
          // data: URIs (fonts, images) never leave the process; anything else would.
          if (!req.url().startsWith('data:')) requests.push(req.url());
          void req.abort();
        });
        await page.setJavaScriptEnabled(true);
        if (mode === 'print') await page.emulateMediaType('print');
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        assert.deepEqual(requests, []);
        assert.equal(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"')), true);
        assert.equal(await page.evaluate(() => document.scripts.length), 0);

        await page.addScriptTag({ content: AXE });
        const result = (await page.evaluate(() =>
          // @ts-expect-error axe is injected above, not typed in this context
          window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          }),
        )) as AxeResult;
        const summary = result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        assert.deepEqual(summary, []);
        assert.ok(result.passes.length > 0, 'axe ran its rules');
      } finally {
        await page.close();
      }
    });
  }
});
