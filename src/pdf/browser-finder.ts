/**
 * Finds a Chromium-family browser to print with, marp-cli style: an explicit path first, then
 * `CHROME_PATH`, then the usual install places and `which`, and last the Chromium shipped
 * inside the `@sparticuz/chromium` npm package, so that a fresh machine with nothing but
 * Node can still build the PDF.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { HandbookError } from '../errors.js';

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
}

const LINUX_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
];

const MAC_PLACES = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_SUFFIXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

const WHICH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge',
];

const HINT = 'install chromium (apt-get install chromium) or set CHROME_PATH / --chrome';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The usual install places for the platform, in order of preference. */
export function systemCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return MAC_PLACES;
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (r): r is string => Boolean(r),
    );
    return roots.flatMap((r) => WINDOWS_SUFFIXES.map((s) => `${r}\\${s}`));
  }
  return LINUX_PLACES;
}

/** `which` without a child process: the first executable of `names` on PATH. */
function which(names: string[], env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (isExecutable(p)) return p;
    }
  }
  return undefined;
}

async function embedded(): Promise<string | undefined> {
  try {
    // Lazy: extracting the bundled Chromium (~65 MB to /tmp) only when nothing else exists.
    const chromium = (await import('@sparticuz/chromium')).default;
    const path = await chromium.executablePath();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findBrowser(opts: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = opts.env ?? process.env;
  if (opts.chrome !== undefined) {
    if (!isExecutable(opts.chrome)) {
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
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
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
    const found =
      systemCandidates(opts.platform ?? process.platform, env).find(isExecutable) ??
      which(WHICH_NAMES, env);
    if (found) return { path: found, source: 'system' };
  }
  if (!opts.skipEmbedded) {
    const path = await embedded();
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
