/**
 * Source-relative paths with Windows semantics (`path.win32`: backslashes, drive letters): image
 * srcs name files inside the source tree and never outside it; URLs stay POSIX.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { assetCandidates, assetPath } from '../../src/assets.js';
import { userCacheDir } from '../../src/user-cache.js';

const ROOT = 'C:\\Users\\ann\\Documents\\guide';
const W = path.win32;

test('an image src names a file under a drive-letter root, in Windows syntax', () => {
  assert.equal(assetPath('assets/images/map.svg', ROOT, W), `${ROOT}\\assets\\images\\map.svg`);
  assert.equal(assetPath('/assets/images/map.svg', ROOT, W), `${ROOT}\\assets\\images\\map.svg`);
  assert.equal(assetPath('assets/my%20map.png?v=2#x', ROOT, W), `${ROOT}\\assets\\my map.png`);
  // `{{ site.baseurl }}/assets/…`: leading segments dropped one at a time.
  assert.deepEqual(assetCandidates('/prm-guide/assets/x.png', ROOT, W), [
    `${ROOT}\\prm-guide\\assets\\x.png`,
    `${ROOT}\\assets\\x.png`,
    `${ROOT}\\x.png`,
  ]);
});

test('no src reaches outside the tree on Windows: .., backslashes, drives, UNC', () => {
  for (const src of [
    '../secret.png',
    'assets/../../secret.png',
    'assets\\..\\..\\secret.png',
    '..\\secret.png',
    '%2e%2e%5csecret.png',
    'C:/Windows/win.ini',
    '/C:/Windows/win.ini',
    'D:secret.png',
    '//server/share/x.png',
    '\\\\server\\share\\x.png',
    'file:///C:/x.png',
  ]) {
    assert.equal(assetPath(src, ROOT, W), undefined, src);
    assert.deepEqual(assetCandidates(src, ROOT, W), [], src);
  }
  // A name that merely starts with two dots is a file like any other.
  assert.equal(assetPath('..notes.png', ROOT, W), `${ROOT}\\..notes.png`);
});

test('the same srcs behave alike with POSIX paths', () => {
  assert.equal(assetPath('/assets/x.png', '/home/ann/guide'), '/home/ann/guide/assets/x.png');
  assert.equal(assetPath('../x.png', '/home/ann/guide'), undefined);
});

test('the per-user cache on Windows is in Windows syntax whatever the machine', () => {
  const dir = userCacheDir({
    platform: 'win32',
    env: { LOCALAPPDATA: 'D:\\Profiles\\ann\\AppData\\Local' },
    home: 'D:\\Profiles\\ann',
  });
  assert.equal(dir, 'D:\\Profiles\\ann\\AppData\\Local\\handbook-press\\Cache');
  assert.ok(W.isAbsolute(dir));
});
