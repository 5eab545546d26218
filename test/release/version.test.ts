import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, isReleaseVersion, validateVersion } from '../../src/release/version.js';
import { HandbookError } from '../../src/errors.js';

test('accepts strict SemVer 2.0 with optional pre-release and build suffixes', () => {
  for (const v of [
    '0.0.0',
    '1.2.3',
    '2.0.0-rc.1',
    '1.0.0-beta',
    '1.0.0+build.5',
    '1.0.0-0A.is.legal',
  ]) {
    assert.ok(isReleaseVersion(v), v);
  }
});

test('refuses what SemVer refuses, with a hint saying what to write', () => {
  const hints: [string, RegExp][] = [
    ['1', /use 1\.0\.0/],
    ['1.0', /use 1\.0\.0/],
    ['1.0-beta', /use 1\.0\.0-beta/],
    ['01.0.0', /leading zeros/],
    ['1.02.0', /leading zeros/],
    ['1.0.0-01', /SemVer/],
    ['10.20.30.40', /SemVer/],
    ['v1.0.0', /leave out the "v"/],
  ];
  for (const [v, hint] of hints) {
    assert.equal(isReleaseVersion(v), false, v);
    assert.throws(
      () => validateVersion(v),
      (e: unknown) => e instanceof HandbookError && e.code === 'USAGE' && hint.test(e.hint ?? ''),
      v,
    );
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
    '1.2.0',
    '1.10.0',
    '2.0.0',
  ];
  const shuffled = [...sorted].reverse();
  shuffled.sort(compareVersions);
  assert.deepEqual(shuffled, sorted);
});

test('build metadata is ignored; long numeric pre-release ids compare as numbers', () => {
  assert.equal(compareVersions('1.0.0+b1', '1.0.0'), 0);
  assert.equal(compareVersions('1.0.0+a', '1.0.0+b'), 0);
  assert.ok(compareVersions('0.9.0', '1.0.0') < 0);
  assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
  assert.ok(compareVersions('1.0.0-rc.99999999999999999999', '1.0.0-rc.99999999999999999998') > 0);
});
