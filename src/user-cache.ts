/**
 * The per-user cache folder, where things worth keeping between runs but not worth keeping in a
 * project live (the unpacked embedded Chromium): XDG_CACHE_HOME when set, else the platform's
 * own place: %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS, ~/.cache elsewhere.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export interface UserCacheOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** Environment lookups are case-insensitive on Windows (`LocalAppData` is `LOCALAPPDATA`). */
export function envValue(
  env: NodeJS.ProcessEnv,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'win32') return env[name] || undefined;
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && env[key]) || undefined;
}

/** `<cache>/handbook-press`: absolute, in the platform's own path syntax. */
export function userCacheDir(opts: UserCacheOptions = {}): string {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const home = opts.home ?? homedir();
  const xdg = envValue(env, 'XDG_CACHE_HOME', platform);
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  if (xdg && p.isAbsolute(xdg)) return p.join(xdg, 'handbook-press');
  if (platform === 'win32') {
    const local = envValue(env, 'LOCALAPPDATA', platform) ?? p.join(home, 'AppData', 'Local');
    return p.join(local, 'handbook-press', 'Cache');
  }
  if (platform === 'darwin') return p.join(home, 'Library', 'Caches', 'handbook-press');
  return p.join(home, '.cache', 'handbook-press');
}
