/**
 * Where Chrome, Edge and Chromium are usually installed, per platform, in order of preference,
 * and the names to look for on PATH. Pure functions of platform and environment (tests pass
 * Windows and macOS environments on any machine).
 */
import path from 'node:path';
import { envValue } from '../user-cache.js';

const LINUX_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
  '/snap/bin/chromium',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

/** Below Program Files, Program Files (x86) and %LOCALAPPDATA% (per-user installs). */
const WINDOWS_SUFFIXES = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
];

const WINDOWS_ROOTS = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'];

/** The usual install places for the platform, in order of preference. */
export function systemCandidates(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home?: string,
): string[] {
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return roots.flatMap((r) => MAC_APPS.map((a) => path.posix.join(r, a)));
  }
  if (platform === 'win32') {
    const roots = WINDOWS_ROOTS.map((name) => envValue(env, name, platform)).filter(
      (r): r is string => Boolean(r),
    );
    return [...new Set(roots)].flatMap((r) =>
      WINDOWS_SUFFIXES.map((s) => path.win32.join(r, ...s)),
    );
  }
  return LINUX_PLACES;
}

const PATH_NAMES: Partial<Record<NodeJS.Platform, string[]>> = {
  win32: ['chrome.exe', 'msedge.exe', 'chromium.exe'],
  darwin: ['chromium', 'google-chrome', 'microsoft-edge'],
};
const UNIX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
];

/** Every `dir/name` on PATH to try, in order (PATH split with the platform's delimiter). */
export function pathCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (envValue(env, 'PATH', platform) ?? '').split(p.delimiter).filter(Boolean);
  const names = PATH_NAMES[platform] ?? UNIX_NAMES;
  return names.flatMap((name) => dirs.map((dir) => p.join(dir, name)));
}
