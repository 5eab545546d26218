/**
 * The one place the browser lives: launch, hand out pages, close. A session is closed in the
 * caller's `finally` and, while it is open, on SIGINT/SIGTERM too, so an interrupted build
 * leaves no Chromium process and no temp profile behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { HandbookError } from '../errors.js';
import { findBrowser, type FindBrowserOptions, type FoundBrowser } from './browser-finder.js';

export { findBrowser, type FindBrowserOptions, type FoundBrowser } from './browser-finder.js';

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const FAILED_HINT =
  'check that the browser runs (`chromium --headless --version`), or point CHROME_PATH / --chrome at another one';

export class BrowserSession {
  readonly executablePath: string;
  readonly source: FoundBrowser['source'];
  private readonly browser: Browser;
  private readonly profileDir: string;
  private closed = false;
  private readonly onSignal: (signal: NodeJS.Signals) => void;

  private constructor(found: FoundBrowser, browser: Browser, profileDir: string) {
    this.executablePath = found.path;
    this.source = found.source;
    this.browser = browser;
    this.profileDir = profileDir;
    // Close, then re-raise the signal so the process still ends the way the user asked.
    this.onSignal = (signal) => {
      void this.close().finally(() => process.kill(process.pid, signal));
    };
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  static async launch(
    found: FoundBrowser,
    opts: { timeoutMs?: number } = {},
  ): Promise<BrowserSession> {
    const profileDir = mkdtempSync(join(tmpdir(), 'handbook-chrome-'));
    try {
      const { default: puppeteer } = await import('puppeteer-core');
      const browser = await puppeteer.launch({
        executablePath: found.path,
        headless: true,
        args: [...LAUNCH_ARGS, `--user-data-dir=${profileDir}`],
        timeout: opts.timeoutMs ?? 30_000,
        // We own the signal handling (close in finally / on signal), not puppeteer.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return new BrowserSession(found, browser, profileDir);
    } catch (e) {
      rmSync(profileDir, { recursive: true, force: true });
      throw new HandbookError(
        'BROWSER_FAILED',
        `could not start the browser at ${found.path}: ${firstLine(e)}`,
        {
          hint: FAILED_HINT,
          cause: e,
        },
      );
    }
  }

  /** Runs `fn` with a fresh page, closed afterwards whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed || !this.browser.connected) {
      throw new HandbookError(
        'BROWSER_FAILED',
        'the browser is no longer running (it crashed or was closed)',
        {
          hint: FAILED_HINT,
        },
      );
    }
    let page: Page;
    try {
      page = await this.browser.newPage();
    } catch (e) {
      throw new HandbookError(
        'BROWSER_FAILED',
        `the browser did not open a page: ${firstLine(e)}`,
        {
          hint: FAILED_HINT,
          cause: e,
        },
      );
    }
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  version(): Promise<string> {
    return this.browser.version();
  }

  get connected(): boolean {
    return !this.closed && this.browser.connected;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    try {
      await this.browser.close();
    } catch {
      // Already gone (crashed or killed): make sure the process is not left behind.
      this.browser.process()?.kill('SIGKILL');
    } finally {
      rmSync(this.profileDir, { recursive: true, force: true });
    }
  }
}

/** Finds a browser and launches it: the usual way to start a PDF build. */
export async function openSession(opts: FindBrowserOptions = {}): Promise<BrowserSession> {
  return BrowserSession.launch(await findBrowser(opts));
}

export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
