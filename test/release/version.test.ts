import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, isReleaseVersion, validateVersion } from '../../src/release/version.js';
import { HandbookError } from '../../src/errors.js';

test('accepts dotted numbers with optional pre-release and build suffixes', () => {
  for (const v of ['1', '1.0', '1.2.3', '2.0.0-rc.1', '1.0-beta', '1.0.0+build.5', '10.20.30.40']) {
    assert.ok(isReleaseVersion(v), v);
  }
});

test('rejects names that are not versions, above all paths', () => {
  for (const v of [
    '',
    '.',
    '..',
    '../1.0',
    '1.0/..',
    'v1.0',
    '1.0/',
    'a/b',
    '1..0',
    '1.0.',
    '1.0 ',
    '1.0\\x',
    '-1',
  ]) {
    assert.equal(isReleaseVersion(v), false, JSON.stringify(v));
    assert.throws(
      () => validateVersion(v),
      (e: unknown) => e instanceof HandbookError && e.code === 'USAGE',
    );
  }
});

test('orders versions like semver', () => {
  const sorted = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.2',
    '1.10',
    '2',
  ];
  const shuffled = [...sorted].reverse();
  shuffled.sort(compareVersions);
  assert.deepEqual(shuffled, sorted);
});

test('missing parts count as zero and build metadata is ignored', () => {
  assert.equal(compareVersions('1.0', '1.0.0'), 0);
  assert.equal(compareVersions('1.0.0+a', '1.0.0+b'), 0);
  assert.ok(compareVersions('0.9', '1.0') < 0);
  assert.ok(compareVersions('1.10', '1.9') > 0);
});
