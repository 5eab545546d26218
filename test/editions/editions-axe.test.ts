/**
 * Each edition's HTML in Chromium: no request, and axe-core (WCAG 2.1 A/AA) finds nothing, so
 * the brand colour, the logo and the organisation's blocks keep the handbook accessible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEditions } from '../../src/editions/build-all.js';
import { axeViolations, launchTestBrowser, loadDocument } from '../helpers/chromium.js';
import { tempDir } from '../release/tree.js';
import { editionsSource } from './fixture.js';

test('every edition passes axe in Chromium', { timeout: 300_000 }, async (t) => {
  const tmp = await tempDir(t, 'hb-editions-axe-');
  const source = await editionsSource(tmp);
  const builds = await buildEditions({ source, edition: 'all', formats: ['html'], cache: false });
  const chrome = await launchTestBrowser();
  t.after(() => chrome.close());
  for (const { edition, result } of builds.slice(1)) {
    await t.test(edition, async () => {
      const html = Buffer.from(result.outputs[0]!.bytes).toString('utf8');
      const { page, requests } = await loadDocument(chrome.browser, html);
      try {
        assert.deepEqual(requests, []);
        const { violations, passes } = await axeViolations(page);
        assert.deepEqual(violations, []);
        assert.ok(passes > 0);
      } finally {
        await page.close();
      }
    });
  }
});
