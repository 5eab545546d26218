/**
 * Finds a Chromium-family browser to print with, marp-cli style: an explicit path first, then
 * `CHROME_PATH`, then the usual install places (browser-places.ts) and PATH, and last the
 * Chromium shipped inside the `@sparticuz/chromium` npm package (unpacked once into the user's
 * cache), so that a fresh Linux machine with nothing but Node can still build the PDF.
 */
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { HandbookError } from '../errors.js';
import { envValue } from '../user-cache.js';
import { pathCandidates, systemCandidates } from './browser-places.js';
import { embeddedSupported, unpackEmbedded } from './embedded-chromium.js';

export { systemCandidates, pathCandidates } from './browser-places.js';

export type BrowserSource = 'flag' | 'CHROME_PATH' | 'system' | 'embedded';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export interface FindBrowserOptions {
  /** `--chrome PATH` from the command line. */
  chrome?: string;
  /** Environment to read `CHROME_PATH` and `PATH` from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Skip the system locations (tests use this to reach the embedded browser). */
  skipSystem?: boolean;
  /** Skip the embedded browser (tests use this to provoke BROWSER_NOT_FOUND). */
  skipEmbedded?: boolean;
  /** Platform whose usual places are searched (default: process.platform). */
  platform?: NodeJS.Platform;
  /** CPU architecture (default: process.arch): the embedded browser is Linux x64 only. */
  arch?: string;
  /** Home folder (default: os.homedir()): ~/Applications on macOS, the user's cache. */
  home?: string;
  /** Whether a path is an executable file (default: the file system's answer). */
  exists?: (path: string) => boolean;
  /** The embedded browser's executable (default: unpacked from @sparticuz/chromium). */
  embedded?: () => Promise<string | undefined>;
}

const HINT =
  'install Chrome, Edge or Chromium (on Debian/Ubuntu: apt-get install chromium), or set CHROME_PATH / --chrome';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function embedded(opts: FindBrowserOptions, exists: (p: string) => boolean) {
  if (opts.embedded) return opts.embedded();
  const platform = opts.platform ?? process.platform;
  if (!embeddedSupported(platform, opts.arch ?? process.arch)) return undefined;
  try {
    // Lazy: unpacking the bundled Chromium only when nothing else exists (once per version).
    const path = await unpackEmbedded({ platform, env: opts.env ?? process.env, home: opts.home });
    return exists(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findBrowser(opts: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const exists = opts.exists ?? isExecutable;
  if (opts.chrome !== undefined) {
    if (!exists(opts.chrome)) {
      throw new HandbookError(
        'BROWSER_NOT_FOUND',
        `--chrome ${opts.chrome}: no executable browser at that path`,
        {
          hint: HINT,
        },
      );
    }
    return { path: opts.chrome, source: 'flag' };
  }
  const fromEnv = envValue(env, 'CHROME_PATH', platform);
  if (fromEnv) {
    if (!exists(fromEnv)) {
      throw new HandbookError(
        'BROWSER_NOT_FOUND',
        `CHROME_PATH=${fromEnv}: no executable browser at that path`,
        {
          hint: HINT,
        },
      );
    }
    return { path: fromEnv, source: 'CHROME_PATH' };
  }
  if (!opts.skipSystem) {
    const home = opts.home ?? homedir();
    const found = [...systemCandidates(platform, env, home), ...pathCandidates(platform, env)].find(
      exists,
    );
    if (found) return { path: found, source: 'system' };
  }
  if (!opts.skipEmbedded) {
    const path = await embedded(opts, exists);
    if (path) return { path, source: 'embedded' };
  }
  throw new HandbookError(
    'BROWSER_NOT_FOUND',
    'no Chrome, Chromium or Edge found to print the PDF',
    { hint: HINT },
  );
}

/** Launch arguments the embedded build needs on top of ours (it is built for headless shells). */
export async function embeddedArgs(): Promise<string[]> {
  const chromium = (await import('@sparticuz/chromium')).default;
  return chromium.args;
}
