/**
 * Chromium as a child process that speaks the DevTools protocol over a pipe
 * (`--remote-debugging-pipe`: fd 3 in, fd 4 out). Puppeteer is then only *connected* to it:
 * `puppeteer.launch` would load its whole launcher (browser downloads, proxy agents, a
 * WebSocket client; ~2 MB of code a build never uses) and talk through a WebSocket, whose
 * framing costs this process CPU on every message while Chromium prints.
 *
 * The process is started in a group of its own, so that stopping it (`kill`) takes its
 * zygote, renderers and GPU process with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * What `puppeteer.launch({ headless: true })` passes Chromium (puppeteer-core 24), so that
 * pages lay out and print exactly as under Puppeteer's own launcher (tagged PDF, sRGB, no
 * scrollbars …). test/pdf/browser.test.ts compares it with `puppeteer.defaultArgs()`.
 */
export const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/**
 * Features of the full (new headless) Chrome a print never uses, switched off on top of
 * Puppeteer's list: the omnibox popup pages (WebUI renderers Chrome preloads at start, a
 * process and ~75 MB each) and the spare renderer it keeps ready for a next navigation. With
 * them off, the print page's renderer is the only one: less memory, and less CPU at start.
 */
const DISABLED_FEATURES = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'SpareRendererForSitePerProcess',
];

/**
 * Ours on top of Puppeteer's: no sandbox (containers and root), no GPU (a print needs none),
 * no component updates, and glyph outlines without hinting (the same text at any resolution).
 */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-component-update',
  '--font-render-hinting=none',
];

/**
 * The print browser reaches no host: every name (IP literals included) resolves to nothing,
 * and every connection would go through a proxy that does not exist, loopback included. The
 * page blocks its requests itself (print-page.ts); this also stops what never becomes a
 * request there: preconnect, DNS prefetch, prefetch from the browser's own predictor.
 */
export const SEAL_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://255.255.255.255:9',
  '--proxy-bypass-list=<-loopback>',
  '--dns-prefetch-disable',
  '--disable-background-networking',
];

/**
 * The command line a print browser gets (before its profile): Puppeteer's arguments, ours
 * added to its `--disable-features` (Chromium reads only the last of several), then
 * LAUNCH_ARGS.
 */
export function chromiumArgs(): string[] {
  const disabled = DISABLED_FEATURES.join(',');
  return [
    ...PUPPETEER_ARGS.map((a) => (a.startsWith('--disable-features=') ? `${a},${disabled}` : a)),
    ...LAUNCH_ARGS,
    ...SEAL_ARGS,
  ];
}

export interface ChromiumProcess {
  readonly process: ChildProcess;
  /** The protocol pipe: write to Chromium, read from Chromium. */
  readonly pipeWrite: Writable;
  readonly pipeRead: Readable;
  /** Settles when the process has exited (or could not be spawned at all). */
  readonly exited: Promise<void>;
  /** Settles when its stderr is read to the end (after `exited`, its last words may still be on the way). */
  readonly stderrRead: Promise<void>;
  /** The end of what Chromium wrote on stderr, for error messages. */
  stderrTail(): string;
  /** Kills the whole process group and waits for the browser process to exit. */
  kill(): Promise<void>;
}

const TAIL = 4096;

/**
 * `profileDir` also becomes the browser's temp folder: Chromium's own temporary files
 * (`org.chromium.Chromium.*`) then live inside the profile, which is removed when the session
 * closes and swept when a killed build left it, so a build leaves nothing in $TMPDIR.
 */
export function spawnChromium(
  executable: string,
  args: string[],
  profileDir?: string,
): ChromiumProcess {
  const env = profileDir
    ? { ...process.env, TMPDIR: profileDir, TMP: profileDir, TEMP: profileDir }
    : process.env;
  const child = spawn(executable, [...args, '--remote-debugging-pipe', 'about:blank'], {
    detached: true,
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let tail = '';
  const stderrRead = new Promise<void>((resolve) => {
    if (!child.stderr) return resolve();
    child.stderr.once('close', () => resolve());
    child.stderr.once('error', () => resolve());
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    tail = (tail + s).slice(-TAIL);
  });
  let done = false;
  const exited = new Promise<void>((resolve) => {
    const finish = (): void => {
      done = true;
      resolve();
    };
    child.once('exit', finish);
    child.once('error', (e) => {
      tail += `\n${e.message}`;
      finish();
    });
  });
  return {
    process: child,
    pipeWrite: child.stdio[3] as Writable,
    pipeRead: child.stdio[4] as Readable,
    exited,
    stderrRead,
    stderrTail: () => tail.trim(),
    async kill() {
      if (!done && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
      await exited;
    },
  };
}
