/**
 * Both modes in real Chromium: no network request while loading, and axe-core (WCAG 2.0/2.1
 * A and AA rules) finds no violation. The document itself has no script; axe is injected
 * for the test only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  launchTestBrowser,
  loadDocument,
  type TestBrowser,
} from '../helpers/chromium.js';
import { renderHtml } from '../../src/html/index.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from './sample-handbook.js';

describe('HTML in Chromium', { timeout: 120_000 }, () => {
  let chrome: TestBrowser;

  before(async () => {
    chrome = await launchTestBrowser();
  });

  after(async () => {
    await chrome?.close();
  });

  for (const mode of ['screen', 'print'] as const) {
    it(`${mode}: loads without any request and has no WCAG A/AA violation`, async () => {
      const { html } = await renderHtml(sampleHandbook(), {
        mode,
        assetsRoot: SAMPLE_ASSETS_ROOT,
        ...(mode === 'print' ? { pageNumbers: { introduction: 4 } } : {}),
      });
      const { page, requests } = await loadDocument(
        chrome.browser,
        html,
        mode === 'print' ? { media: 'print' } : {},
      );
      try {
        assert.deepEqual(requests, []);
        assert.equal(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"')), true);
        assert.equal(await page.evaluate(() => document.scripts.length), 0);
        const { violations, passes } = await axeViolations(page);
        assert.deepEqual(violations, []);
        assert.ok(passes > 0, 'axe ran its rules');
      } finally {
        await page.close();
      }
    });
  }
});
