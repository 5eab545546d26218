/**
 * The one place the browser lives: launch, hand out pages, close. A session is closed in the
 * caller's `finally` and, from the moment Chromium is spawned, on SIGINT/SIGTERM too, so an
 * interrupted build leaves no Chromium process and no temp profile behind.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { HandbookError } from '../errors.js';
import { findBrowser, type FindBrowserOptions, type FoundBrowser } from './browser-finder.js';
import { chromiumArgs, spawnChromium, type ChromiumProcess } from './chromium-process.js';
import { freeTimeDeadline } from './free-time-deadline.js';
import { profilePrefix } from './stale-profiles.js';
import { PAGE_CLOSE_MS } from '../limits.js';

/** How long a browser whose connection failed at start is given to show that it exited. */
const EXIT_GRACE_MS = 1_000;

export { LAUNCH_ARGS } from './chromium-process.js';
export { findBrowser, type FindBrowserOptions, type FoundBrowser } from './browser-finder.js';

const FAILED_HINT =
  'check that the browser runs (`chromium --headless --version`), or point CHROME_PATH / --chrome at another one';

/** Re-raise a signal once our handlers are gone, so the process ends the way the user asked. */
function raise(signal: NodeJS.Signals): void {
  process.kill(process.pid, signal);
}

export class BrowserSession {
  readonly executablePath: string;
  readonly source: FoundBrowser['source'];
  private readonly browser: Browser;
  private readonly profileDir: string;
  private closed = false;
  private readonly release: () => void;
  /** Whether the tab Chromium opens at start was handed out (a new tab costs ~0.2 s). */
  private firstTabUsed = false;

  private constructor(
    found: FoundBrowser,
    browser: Browser,
    private readonly chromium: ChromiumProcess,
    profileDir: string,
    release: () => void,
  ) {
    this.executablePath = found.path;
    this.source = found.source;
    this.browser = browser;
    this.profileDir = profileDir;
    this.release = release;
  }

  /**
   * The SIGINT/SIGTERM handlers go in BEFORE Chromium is spawned: a signal while puppeteer is
   * still launching would otherwise end this process by the default action and leave the
   * browser (its own process group) running. During the launch a signal aborts it (the
   * process group is killed) and is re-raised once the profile is removed; afterwards it
   * closes the session first.
   */
  static async launch(
    found: FoundBrowser,
    opts: { timeoutMs?: number } = {},
  ): Promise<BrowserSession> {
    const profileDir = mkdtempSync(profilePrefix());
    let interrupted: (signal: NodeJS.Signals) => void = () => undefined;
    const interruption = new Promise<never>((_, reject) => {
      interrupted = (signal) => reject(new Error(`interrupted by ${signal}`));
    });
    interruption.catch(() => undefined);
    // Read by the handler, which may run at any await below.
    const state: { session?: BrowserSession; caught?: NodeJS.Signals } = {};
    const onSignal = (signal: NodeJS.Signals): void => {
      release();
      if (state.session) {
        void state.session.close().finally(() => raise(signal));
      } else {
        state.caught = signal;
        interrupted(signal);
      }
    };
    const release = (): void => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const chromium = spawnChromium(
      found.path,
      [...chromiumArgs(), `--user-data-dir=${profileDir}`],
      profileDir,
    );
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const deadline = freeTimeDeadline(
      timeoutMs,
      `no answer within ${Math.round(timeoutMs / 1000)} s`,
    );
    let browser: Browser;
    try {
      const connecting = (async () => {
        const [{ connect }, { PipeTransport }] = await Promise.all([
          import('puppeteer-core/internal/puppeteer-core-browser.js'),
          import('puppeteer-core/internal/node/PipeTransport.js'),
        ]);
        const connected = await connect({
          transport: new PipeTransport(chromium.pipeWrite, chromium.pipeRead),
          // What puppeteer.launch uses too: the print lays out the same.
          defaultViewport: { width: 800, height: 600 },
        });
        // The same class as the package's public Browser, declared by another .d.ts.
        return connected as unknown as Browser;
      })();
      connecting.catch(() => undefined);
      // What a browser that exits at once said: its pipe may close (failing the connection)
      // before its exit is seen, and its last stderr may arrive after both.
      const exitedAtStart = async (): Promise<never> => {
        await within(chromium.stderrRead, EXIT_GRACE_MS);
        throw new Error(`the browser exited at start${detail(chromium.stderrTail())}`);
      };
      const connected = connecting.catch(async (e: unknown) => {
        if (await within(chromium.exited, EXIT_GRACE_MS)) return exitedAtStart();
        throw e;
      });
      browser = await Promise.race([
        connected,
        interruption,
        chromium.exited.then(exitedAtStart),
        deadline.expired,
      ]);
    } catch (e) {
      release();
      await chromium.kill();
      await rm(profileDir, { recursive: true, force: true });
      if (state.caught) raise(state.caught);
      throw new HandbookError(
        'BROWSER_FAILED',
        `could not start the browser at ${found.path}: ${firstLine(e)}`,
        { hint: FAILED_HINT, cause: e },
      );
    } finally {
      deadline.clear();
    }
    const session = new BrowserSession(found, browser, chromium, profileDir, release);
    const caught = state.caught;
    if (caught) {
      // The signal came while the launch was finishing: nobody will use this browser.
      await session.close();
      raise(caught);
      throw new HandbookError(
        'BROWSER_FAILED',
        `interrupted by ${caught} while starting the browser`,
        {
          hint: FAILED_HINT,
        },
      );
    }
    state.session = session;
    return session;
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
      // Taken before the await: two pages asked for at once must not both get the first tab.
      const takeFirst = !this.firstTabUsed;
      this.firstTabUsed = true;
      const first = takeFirst ? (await this.browser.pages())[0] : undefined;
      page = first ?? (await this.browser.newPage());
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
      await this.closePage(page);
    }
  }

  /**
   * Closes a page without ever waiting on it for good. A page whose document navigated away
   * while it was printed (a refresh to about:blank) sometimes never answers puppeteer's close:
   * after PAGE_CLOSE_MS the browser itself is asked to close the tab; if that does not answer
   * either, the page is left to the browser, which the session kills at its end.
   */
  private async closePage(page: Page): Promise<void> {
    if ((await within(page.close(), PAGE_CLOSE_MS)) || !this.browser.connected) return;
    const targetId = (page.target() as unknown as { _targetId?: string })._targetId;
    const cdp = (await within(this.browser.target().createCDPSession(), PAGE_CLOSE_MS))?.value;
    if (!cdp || !targetId) return;
    await within(cdp.send('Target.closeTarget', { targetId }), PAGE_CLOSE_MS);
    await within(cdp.detach(), PAGE_CLOSE_MS);
  }

  version(): Promise<string> {
    return this.browser.version();
  }

  /** The browser process (the leader of its process group), while it runs. */
  get pid(): number | undefined {
    return this.closed ? undefined : this.chromium.process.pid;
  }

  get connected(): boolean {
    return !this.closed && this.browser.connected;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.release();
    try {
      await this.stop();
    } finally {
      // Off the main thread: Chromium's profile is a few hundred files.
      await rm(this.profileDir, { recursive: true, force: true });
    }
  }

  /**
   * The profile is thrown away, so nothing needs Chromium's orderly shutdown (a quarter of a
   * second of every build): the whole process group (browser, zygote, renderers, GPU) is
   * killed and its exit awaited.
   */
  private async stop(): Promise<void> {
    await this.chromium.kill();
    await this.browser.disconnect().catch(() => undefined);
  }
}

/** Finds a browser and launches it: the usual way to start a PDF build. */
export async function openSession(opts: FindBrowserOptions = {}): Promise<BrowserSession> {
  return BrowserSession.launch(await findBrowser(opts));
}

/**
 * Waits for `p` at most `ms`: `{ value }` once it fulfils, `{}` once it rejects, undefined
 * when it has not settled in time (it is then left to settle unobserved).
 */
async function within<T>(p: Promise<T>, ms: number): Promise<{ value?: T } | undefined> {
  let cancel = (): void => undefined;
  const late = new Promise<undefined>((resolve) => {
    const timer = setTimeout(resolve, ms);
    cancel = () => clearTimeout(timer);
  });
  try {
    return await Promise.race([
      p.then(
        (value) => ({ value }),
        () => ({}),
      ),
      late,
    ]);
  } finally {
    cancel();
  }
}

function detail(stderr: string): string {
  const last = stderr.split('\n').filter(Boolean).slice(-3).join(' / ');
  return last ? `: ${last}` : '';
}

export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
