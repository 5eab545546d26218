import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPrevious } from '../../src/release/previous.js';
import { takeSnapshot } from '../../src/release/snapshot.js';
import { HandbookError } from '../../src/errors.js';
import { chapter, handbook } from './helpers.js';
import { tempDir } from './tree.js';

async function fakeRelease(dir: string, version: string, withSnapshot = true): Promise<void> {
  await mkdir(join(dir, version), { recursive: true });
  if (withSnapshot) {
    const snap = takeSnapshot(
      handbook([chapter('intro', 'Intro', `<p>${version}</p>`)], version),
      [],
    );
    await writeFile(join(dir, version, 'snapshot.json'), JSON.stringify(snap));
  }
}

test('the previous release is the highest version below this one that kept a snapshot', async (t) => {
  const dir = await tempDir(t);
  for (const v of ['0.9.0', '1.0.0', '1.10.0', '2.0.0']) await fakeRelease(dir, v);
  await fakeRelease(dir, '1.2.0', false); // not made by this tool
  await mkdir(join(dir, '.tmp-1.5.0-99999-abcd')); // staging, ignored
  await mkdir(join(dir, 'notes')); // not a version
  assert.equal((await findPrevious(dir, '1.5.0'))?.version, '1.0.0', '1.10.0 is above 1.5.0');
  assert.equal((await findPrevious(dir, '1.11.0'))?.version, '1.10.0');
  assert.equal(
    (await findPrevious(dir, '1.3.0'))?.version,
    '1.0.0',
    'skips 1.2.0, which has no snapshot',
  );
  assert.equal((await findPrevious(dir, '2.0.1-rc.1'))?.version, '2.0.0');
  assert.equal(await findPrevious(dir, '0.9.0'), undefined);
  assert.equal(await findPrevious(join(dir, 'missing'), '1.0.0'), undefined);
  const prev = await findPrevious(dir, '1.0.0-rc.1');
  assert.equal(prev?.version, '0.9.0');
  assert.equal(prev?.snapshot.chapters[0]?.sections[0]?.text, '0.9.0');
});

test('a damaged snapshot is reported rather than silently skipped', async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, '1.0.0'));
  await writeFile(join(dir, '1.0.0', 'snapshot.json'), '{"format": 1, "chapters": "oops"}');
  await assert.rejects(
    findPrevious(dir, '1.1.0'),
    (e: unknown) => e instanceof HandbookError && e.code === 'RELEASE_INVALID',
  );
});
