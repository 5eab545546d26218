/**
 * The large print HTML handbook of content/ in real Chromium, both modes: every element that
 * shows text has a computed size of at least the body size, none is italic or justified, and
 * axe-core (WCAG 2.0/2.1 A and AA) finds no violation. The screen-reader labels
 * (`.hb-visually-hidden`) are not shown text and are left out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  axeViolations,
  launchTestBrowser,
  loadDocument,
  type TestBrowser,
} from '../helpers/chromium.js';
import { build } from '../../src/build.js';
import { renderHtml } from '../../src/html/index.js';
import { printProfile } from '../../src/large-print.js';

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));
const BODY_PT = 18;

describe('large print HTML in Chromium', { timeout: 240_000 }, () => {
  let chrome: TestBrowser;

  before(async () => {
    chrome = await launchTestBrowser();
  });

  after(async () => {
    await chrome?.close();
  });

  for (const mode of ['screen', 'print'] as const) {
    it(`${mode}: all text ${BODY_PT} pt or larger, upright, left aligned; no WCAG A/AA violation`, async () => {
      const { handbook } = await build({ source: SOURCE, formats: [], date: '2026-11-01' });
      const { html } = await renderHtml(handbook, {
        mode,
        assetsRoot: SOURCE,
        profile: printProfile({ bodyPt: BODY_PT }),
      });
      const { page } = await loadDocument(
        chrome.browser,
        html,
        mode === 'print' ? { media: 'print' } : {},
      );
      try {
        const found = await page.evaluate(
          (minPx: number) => {
            const bad: string[] = [];
            let shown = 0;
            for (const el of Array.from(document.body.querySelectorAll('*'))) {
              if (el.closest('.hb-visually-hidden, .hb-skip-link')) continue;
              const own = Array.from(el.childNodes).some(
                (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
              );
              if (!own) continue;
              const s = getComputedStyle(el);
              if (s.display === 'none' || s.visibility === 'hidden') continue;
              shown++;
              const what = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
              if (parseFloat(s.fontSize) < minPx - 0.01) bad.push(`${what}: ${s.fontSize}`);
              if (s.fontStyle !== 'normal') bad.push(`${what}: ${s.fontStyle}`);
              if (/justify/.test(s.textAlign)) bad.push(`${what}: ${s.textAlign}`);
            }
            return { bad, shown };
          },
          (BODY_PT * 4) / 3,
        );
        assert.ok(found.shown > 500, `${found.shown} elements with text`);
        assert.deepEqual(found.bad.slice(0, 10), []);
        const { violations } = await axeViolations(page);
        assert.deepEqual(violations, []);
      } finally {
        await page.close();
      }
    });
  }
});
