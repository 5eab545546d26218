/**
 * The one core function behind the library API and the CLI: sources in, handbooks out. Without
 * `out` everything stays in memory (`outputs`); with `out` the files are also written there,
 * atomically, once every format has rendered: a failed build writes nothing. `writeBuild`
 * writes a result elsewhere (a release stages its files its own way).
 */
import type { Diagnostics, Finding } from './diagnostics.js';
import type { Handbook, HtmlDocument } from './model.js';
import { resolveSettings, type BuildSettings, type Format } from './options.js';
import { prepare } from './prepare.js';
import { Timings, type ProgressSink } from './progress.js';
import { checkOutputTargets, recoverOutputSets, writeOutputSet } from './output-set.js';
import { collectGarbage } from './gc.js';
import type { BrowserSession } from './pdf/browser.js';
import type { BrowserSource } from './pdf/browser-finder.js';
import type { PrintRenderer } from './pdf/print.js';
import { PRODUCER } from './version.js';
import { stripControlCharacters } from './controls.js';
import { printProfile, type LargePrintOption, type PrintProfile } from './large-print.js';

export interface BuildOptions {
  /** The Jekyll site (default: the working directory when it has a `_config.yml`, else `content/`). */
  source?: string;
  /** When given, the handbooks are written into this folder (see `BuildResult.written`). */
  out?: string;
  formats?: Format[];
  /** Comma-separated formats, as the CLI's `--format`. */
  format?: string;
  version?: string;
  date?: string;
  chrome?: string;
  progress?: ProgressSink;
  /** A browser shared across builds (releases, benchmarks); otherwise one is launched and closed. */
  session?: BrowserSession;
  /** `false`: build from the sources alone, not from the build cache (releases do this). */
  cache?: boolean;
  /** Last change to the Handbook tree before rendering (a release adds itself to document control). */
  adjust?: (handbook: Handbook) => Handbook;
  /** An edition id of handbook.yml's `editions:` (src/editions/); absent or `default`: the main guide. */
  edition?: string;
  /** Large print PDF, DOCX and HTML (RNIB guidance, src/large-print.ts): `true` is 16 pt body text. */
  largePrint?: boolean | Partial<LargePrintOption>;
  /**
   * `false`: no full garbage collection before the print. Editions built in one run
   * (src/editions/build-all.ts) collect once: a full collection of a heap that holds the
   * editions already built cost ~0.6 s of CPU each.
   */
  collectGarbage?: boolean;
}

export interface BuildOutput {
  format: Format;
  /** File name inside the output directory: `handbook.<ext>`. */
  name: string;
  bytes: Uint8Array;
  pageCount?: number;
}

export interface BuildResult {
  settings: BuildSettings;
  handbook: Handbook;
  /** Whether the Handbook tree came from the build cache. */
  cached: boolean;
  findings: Finding[];
  outputs: BuildOutput[];
  timings: Timings;
  /** The browser that printed the PDF, and where the finder found it. */
  browser?: BuildBrowser;
  /** The files written (absolute paths) when `out` was given; otherwise empty. */
  written: string[];
}

export interface BuildBrowser {
  path: string;
  version: string;
  /** `--chrome` (`flag`), `CHROME_PATH`, a system install, or the embedded @sparticuz/chromium. */
  source: BrowserSource;
}

export async function build(given: BuildOptions = {}): Promise<BuildResult> {
  const base = resolveSettings(given);
  // Loaded only for an edition: the main guide's build never reads the editions' settings.
  const { edition, options } = given.edition
    ? await (await import('./editions/options.js')).withEdition(base.source, given)
    : { edition: undefined, options: given };
  // An edition may set options of its own (large print): settings are what it asks for.
  const settings = options === given ? base : resolveSettings(options);
  const timings = new Timings(options.progress);
  const wants = (f: Format): boolean => settings.formats.includes(f);
  // A build that could not write its files fails before it starts (and sets left by killed
  // runs are rolled back first).
  if (options.out !== undefined) await prepareOutput(settings.out, settings.formats);
  // Profiles left by killed builds go first (a readdir of the temp folder, beside the build).
  const sweeping = import('./pdf/stale-profiles.js').then((m) => m.removeStaleProfiles());
  sweeping.catch(() => undefined);

  // Chromium starts in its own processes while this one reads and parses the sources: on two
  // cores the launch (1–2 s) overlaps the front half instead of following it.
  const launching = wants('pdf') && !options.session ? launchBrowser(settings, timings) : undefined;
  launching?.catch(() => undefined);
  let prepared: Awaited<ReturnType<typeof prepare>>;
  let handbook: Handbook;
  try {
    prepared = await prepare({
      cache: options.cache === false ? false : undefined,
      source: settings.source,
      version: settings.version,
      date: settings.date,
      timings,
      ...(edition ? { edition } : {}),
    });
    // What the hook adds (a release's notes) is cleaned like the sources were.
    handbook = options.adjust
      ? stripControlCharacters(options.adjust(prepared.handbook), prepared.diagnostics)
      : prepared.handbook;
  } catch (e) {
    // A problem in the sources (or the adjust hook) wins over a browser problem; leave no
    // Chromium behind.
    await launching?.then(
      (s) => s.close(),
      () => undefined,
    );
    throw e;
  }
  const { diagnostics } = prepared;
  // A build from the sources leaves the parsers' garbage in the heap (~100 MB for a guide ten
  // times this one's size) just before Chromium's print peaks: collect it first.
  if (!prepared.cached && wants('pdf') && given.collectGarbage !== false) collectGarbage();
  const assetsRoot = settings.source;
  const profile = printProfile(settings.largePrint);

  const outputs: BuildOutput[] = [];
  let browser: BuildResult['browser'];
  let printedPages: Record<string, number> | undefined;

  // The PDF is printed by Chromium in another process; the DOCX is rendered here while
  // Chromium prints (not earlier: then it would hold up the messages that load the page).
  const session = options.session ?? launching;
  let printing: (() => void) | undefined;
  const printStarted = new Promise<void>((resolve) => (printing = resolve));
  const pdf = session
    ? renderPdf(handbook, settings, profile, timings, session, !options.session, printing).then(
        (r) => {
          browser = r.browser;
          printedPages = r.pageOf;
          return r.output;
        },
      )
    : undefined;
  // Keep the rejection handled while the other renderers run; it is re-awaited below.
  pdf?.catch(() => undefined);

  if (wants('html')) {
    const { renderHtml } = await import('./html/index.js');
    const doc = await timings.time('html', () =>
      renderHtml(handbook, { mode: 'screen', assetsRoot, profile }),
    );
    outputs.push({ format: 'html', name: 'handbook.html', bytes: Buffer.from(doc.html, 'utf8') });
  }
  if (wants('docx')) {
    const { renderDocx } = await import('./docx/index.js');
    if (pdf)
      await Promise.race([
        printStarted,
        pdf.then(
          () => undefined,
          () => undefined,
        ),
      ]);
    const doc = await timings.time('docx', () =>
      renderDocx(handbook, { assetsRoot, diagnostics, profile }),
    );
    outputs.push({ format: 'docx', name: 'handbook.docx', bytes: doc.bytes });
  }
  if (pdf) outputs.push(await pdf);
  if (wants('epub'))
    outputs.push(await renderEpubOutput(handbook, settings, timings, diagnostics, printedPages));

  outputs.sort((a, b) => settings.formats.indexOf(a.format) - settings.formats.indexOf(b.format));
  await sweeping.catch(() => undefined);
  const result: BuildResult = {
    settings,
    handbook,
    cached: prepared.cached,
    findings: diagnostics.sorted(),
    outputs,
    timings,
    browser,
    written: [],
  };
  if (options.out !== undefined) result.written = await writeBuild(result);
  return result;
}

/**
 * Lazy: an HTML-only, DOCX-only or `check` run never loads Puppeteer or pdf-lib. Only the
 * browser module here (not pdf/index.js, which also loads pdf-lib): Chromium starts without
 * waiting for pdf-lib's import, which then happens while it starts.
 */
async function launchBrowser(settings: BuildSettings, timings: Timings): Promise<BrowserSession> {
  const { openSession } = await import('./pdf/browser.js');
  return timings.time('browser', () => openSession({ chrome: settings.chrome }));
}

async function renderPdf(
  handbook: Handbook,
  settings: BuildSettings,
  profile: PrintProfile,
  timings: Timings,
  opening: BrowserSession | Promise<BrowserSession>,
  owned: boolean,
  onPrinting?: () => void,
): Promise<{ output: BuildOutput; browser: BuildBrowser; pageOf: Record<string, number> }> {
  // Everything that does not need the browser happens while Chromium starts: loading pdf-lib
  // and the HTML renderer, and rendering the first print (the launch takes a second or more).
  let session: BrowserSession | undefined;
  try {
    const [pdf, { renderHtml }] = await Promise.all([
      import('./pdf/index.js'),
      import('./html/index.js'),
    ]);
    const rendered = new Map<string, Promise<HtmlDocument>>();
    const render: PrintRenderer = (hb, pageNumbers) => {
      const key = JSON.stringify(pageNumbers ?? null);
      if (!rendered.has(key)) {
        rendered.set(
          key,
          renderHtml(hb, { mode: 'print', pageNumbers, assetsRoot: settings.source, profile }),
        );
      }
      return rendered.get(key)!;
    };
    // The first (usually the only) print shows the contents placeholders (pdf/contents-fill.ts).
    void Promise.resolve(render(handbook, pdf.placeholderNumbers(handbook))).catch(() => undefined);

    session = await opening;
    const printed = await pdf.printHandbook(handbook, session, {
      render,
      // The renderer is the standard one: later passes may update the numbers in place.
      reprint: 'update',
      onPass: (pass: number, ms: number) =>
        timings.record({ stage: `print pass ${pass}`, items: 1, ms }),
      ...(onPrinting ? { onPrinting } : {}),
    });
    const version = await session.version();
    // Chromium is done: a browser of our own is stopped (and its profile removed) while the
    // PDF is finished, not after.
    const closing = owned ? session.close() : undefined;
    closing?.catch(() => undefined);
    const finished = await timings.time(
      'finish',
      () => pdf.finishPdf(printed, handbook, { date: settings.date, producer: PRODUCER }),
      (f) => f.pageCount,
    );
    await closing;
    return {
      output: {
        format: 'pdf',
        name: 'handbook.pdf',
        bytes: finished.bytes,
        pageCount: finished.pageCount,
      },
      browser: { path: session.executablePath, version, source: session.source },
      pageOf: printed.pageOf,
    };
  } finally {
    if (owned) {
      // A launch that failed has nothing to close; one still starting is closed when it is up.
      const s = session ?? (await Promise.resolve(opening).catch(() => undefined));
      await s?.close();
    }
  }
}

/**
 * The EPUB is rendered after the PDF when both are built: its page list points at the pages of
 * that print (src/epub/pages.ts). Built without the PDF it has no page list.
 */
async function renderEpubOutput(
  handbook: Handbook,
  settings: BuildSettings,
  timings: Timings,
  diagnostics: Diagnostics,
  pageNumbers: Record<string, number> | undefined,
): Promise<BuildOutput> {
  const { renderEpub } = await import('./epub/index.js');
  const doc = await timings.time('epub', () =>
    renderEpub(handbook, {
      assetsRoot: settings.source,
      diagnostics,
      ...(pageNumbers ? { pageNumbers } : {}),
    }),
  );
  return { format: 'epub', name: 'handbook.epub', bytes: doc.bytes };
}

/** Writes every output of a build into `dir` as one set: all land or none (src/output-set.ts). */
export async function writeBuild(
  result: BuildResult,
  dir = result.settings.out,
): Promise<string[]> {
  return writeOutputSet(
    dir,
    result.outputs.map((o) => ({ name: o.name, data: o.bytes })),
  );
}

/**
 * Before a build: sets left by killed runs in `out` are rolled back, and every target is
 * checked, so that a build that could not write its files fails before it starts.
 */
export async function prepareOutput(out: string, formats: readonly Format[]): Promise<void> {
  await recoverOutputSets(out);
  await checkOutputTargets(
    out,
    formats.map((f) => `handbook.${f}`),
  );
}
