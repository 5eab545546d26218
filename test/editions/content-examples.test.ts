/**
 * The example editions content/handbook.yml ships (README "Editions"): example-icb with its
 * logo, colour, local page and left-out chapter, and large-print mapped onto the build's
 * large print option.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../../src/build.js';
import { withEdition } from '../../src/editions/options.js';
import { editionIds } from '../../src/editions/resolve.js';
import { resolveSettings } from '../../src/options.js';
import { CONTENT } from '../release/tree.js';

test('content/ ships example-icb and large-print', async () => {
  assert.deepEqual(await editionIds(CONTENT), ['example-icb', 'large-print']);
  const r = await build({
    source: CONTENT,
    edition: 'example-icb',
    formats: ['html'],
    cache: false,
  });
  const html = Buffer.from(r.outputs[0]!.bytes).toString('utf8');
  const h1s = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!.trim());
  assert.equal(h1s[h1s.indexOf('Kick-off meeting') + 1], 'Local contacts and escalation');
  assert.ok(!h1s.includes('Training'));
  assert.match(html, /alt="Example Valley ICB logo"/);
  assert.match(html, /Example Digital Services supports every practice in the Example Valley/);
  assert.equal(r.handbook.meta.edition?.colour?.brand, '#00594c');
});

test('an edition with largePrint: true asks the build for 16 pt body text', async () => {
  const { options } = await withEdition(CONTENT, { edition: 'large-print' });
  assert.deepEqual(resolveSettings(options).largePrint, { bodyPt: 16 });
  const given = await withEdition(CONTENT, { edition: 'large-print', largePrint: { bodyPt: 20 } });
  assert.deepEqual(given.options.largePrint, { bodyPt: 20 }, 'the caller wins');
  const none = await withEdition(CONTENT, { edition: 'example-icb' });
  assert.equal(none.options.largePrint, undefined);
});
