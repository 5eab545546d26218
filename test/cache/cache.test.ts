/**
 * The build cache: a warm build gives the same bytes and findings as a cold one, and any
 * change to a source file is a miss.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build.js';
import { check } from '../../src/check.js';

const OTHER = fileURLToPath(new URL('../fixtures/guides/other-guide', import.meta.url));
let saved: string | undefined;
let cacheDir: string;

before(() => {
  saved = process.env.HANDBOOK_CACHE_DIR;
  cacheDir = mkdtempSync(join(tmpdir(), 'hb-cache-'));
  process.env.HANDBOOK_CACHE_DIR = cacheDir;
});

after(() => {
  if (saved === undefined) delete process.env.HANDBOOK_CACHE_DIR;
  else process.env.HANDBOOK_CACHE_DIR = saved;
});

test('a warm build gives the same bytes and findings as a cold one', async () => {
  const source = mkdtempSync(join(tmpdir(), 'hb-cache-src-'));
  cpSync(OTHER, source, { recursive: true });
  const opts = {
    source,
    formats: ['html', 'docx'] as ('html' | 'docx')[],
    version: '2.0',
    date: '2026-10-01',
  };
  const cold = await build(opts);
  assert.equal(cold.cached, false);
  assert.ok(
    readdirSync(cacheDir).some((n) => n.startsWith('prepare-')),
    'the tree was cached',
  );
  const warm = await build(opts);
  assert.equal(warm.cached, true);
  assert.deepEqual(warm.findings, cold.findings);
  for (const [i, out] of cold.outputs.entries()) {
    assert.ok(
      Buffer.from(out.bytes).equals(Buffer.from(warm.outputs[i]!.bytes)),
      `${out.name} differs`,
    );
  }
  assert.ok(!warm.timings.stages.some((s) => s.stage === 'markdown'), 'a hit parses nothing');

  // One changed byte in one page: a miss, and the change shows.
  appendFileSync(join(source, 'guide/04-patients.md'), '\nA sentence added by an editor.\n');
  const changed = await build(opts);
  assert.equal(changed.cached, false);
  assert.match(
    Buffer.from(changed.outputs[0]!.bytes).toString('utf8'),
    /A sentence added by an editor\./,
  );
  // Another version or date is another tree (the cover and footers carry them).
  assert.equal((await build({ ...opts, version: '2.1' })).cached, false);
});

test('check findings are the same from the cache; --no-cache reads the sources', async () => {
  const first = await check({ source: OTHER });
  const second = await check({ source: OTHER });
  const fresh = await check({ source: OTHER, cache: false });
  assert.deepEqual(second.findings, first.findings);
  assert.deepEqual(fresh.findings, first.findings);
  assert.ok(first.findings.length > 5);
});

test('HANDBOOK_CACHE=0 turns the cache off', async () => {
  process.env.HANDBOOK_CACHE = '0';
  try {
    const r = await build({ source: OTHER, formats: ['html'], date: '2026-10-01' });
    const again = await build({ source: OTHER, formats: ['html'], date: '2026-10-01' });
    assert.equal(r.cached, false);
    assert.equal(again.cached, false);
  } finally {
    delete process.env.HANDBOOK_CACHE;
  }
});
