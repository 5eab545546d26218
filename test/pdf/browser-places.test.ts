/**
 * The browser finder on Windows, macOS and Linux, from any machine: platform, environment,
 * home and the file system's answer are injected.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findBrowser } from '../../src/pdf/browser-finder.js';
import { userCacheDir } from '../../src/user-cache.js';

const only =
  (...paths: string[]) =>
  (p: string): boolean =>
    paths.includes(p);
const noEmbedded = () => Promise.resolve(undefined);

const WIN_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
  Path: 'C:\\Windows\\system32;D:\\tools\\chrome',
};

describe('findBrowser on Windows', () => {
  const find = (exists: (p: string) => boolean, env: NodeJS.ProcessEnv = WIN_ENV) =>
    findBrowser({ platform: 'win32', env, exists, embedded: noEmbedded });

  for (const path of [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Users\\ann\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    'D:\\tools\\chrome\\chrome.exe',
  ]) {
    it(`finds ${path}`, async () => {
      assert.deepEqual(await find(only(path)), { path, source: 'system' });
    });
  }

  it('prefers Program Files over (x86) over the per-user install, Chrome over Edge', async () => {
    const all = [
      'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ];
    assert.equal((await find(only(...all))).path, all[2]);
    assert.equal((await find(only(all[0]!, all[1]!))).path, all[1]);
  });

  it('reads CHROME_PATH whatever its case; a missing one is an error, not a fallback', async () => {
    const edge = 'E:\\Edge\\msedge.exe';
    assert.deepEqual(await find(only(edge), { ...WIN_ENV, Chrome_Path: edge }), {
      path: edge,
      source: 'CHROME_PATH',
    });
    await assert.rejects(
      find(only(), { ...WIN_ENV, CHROME_PATH: 'E:\\nothing.exe' }),
      /CHROME_PATH=/,
    );
  });

  it('no browser: BROWSER_NOT_FOUND saying what to install or set', async () => {
    await assert.rejects(find(only()), /no Chrome, Chromium or Edge found/);
  });
});

describe('findBrowser on macOS and Linux', () => {
  it('finds the apps in /Applications and ~/Applications', async () => {
    for (const path of [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]) {
      const found = await findBrowser({
        platform: 'darwin',
        env: { PATH: '/usr/bin' },
        home: '/Users/ann',
        exists: only(path),
        embedded: noEmbedded,
      });
      assert.deepEqual(found, { path, source: 'system' });
    }
  });

  it('finds the Linux packages and PATH entries', async () => {
    for (const path of [
      '/usr/bin/chromium',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/usr/bin/microsoft-edge-stable',
      '/snap/bin/chromium',
      '/home/ann/bin/chromium-browser',
    ]) {
      const found = await findBrowser({
        platform: 'linux',
        env: { PATH: '/usr/local/bin:/home/ann/bin' },
        exists: only(path),
        embedded: noEmbedded,
      });
      assert.deepEqual(found, { path, source: 'system' });
    }
  });

  it('falls back to the embedded browser, and says so', async () => {
    const found = await findBrowser({
      platform: 'linux',
      env: {},
      exists: only('/cache/chromium'),
      embedded: () => Promise.resolve('/cache/chromium'),
    });
    assert.deepEqual(found, { path: '/cache/chromium', source: 'embedded' });
  });

  it('on macOS and Windows there is no embedded browser to fall back to', async () => {
    for (const platform of ['darwin', 'win32'] as const)
      await assert.rejects(
        findBrowser({ platform, env: {}, home: '/h', exists: only(), skipSystem: true }),
        /no Chrome, Chromium or Edge found/,
      );
  });
});

describe('the per-user cache folder', () => {
  it('XDG_CACHE_HOME first, then the platform’s own place', () => {
    assert.equal(
      userCacheDir({ platform: 'linux', env: { XDG_CACHE_HOME: '/x/cache' }, home: '/home/ann' }),
      '/x/cache/handbook-press',
    );
    assert.equal(
      userCacheDir({ platform: 'linux', env: { XDG_CACHE_HOME: 'relative' }, home: '/home/ann' }),
      '/home/ann/.cache/handbook-press',
    );
    assert.equal(
      userCacheDir({ platform: 'darwin', env: {}, home: '/Users/ann' }),
      '/Users/ann/Library/Caches/handbook-press',
    );
    assert.equal(
      userCacheDir({
        platform: 'win32',
        env: { LocalAppData: 'C:\\Users\\ann\\AppData\\Local' },
        home: 'C:\\Users\\ann',
      }),
      'C:\\Users\\ann\\AppData\\Local\\handbook-press\\Cache',
    );
    assert.equal(
      userCacheDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ann' }),
      'C:\\Users\\ann\\AppData\\Local\\handbook-press\\Cache',
    );
  });
});
