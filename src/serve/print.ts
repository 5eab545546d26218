/**
 * The print preview: the PDF exactly as `build --format pdf` prints and finishes it (the same
 * stages with the same options), printed by one browser kept for the whole session. Prints
 * run one at a time, after the HTML view is up to date; a burst of saves gives one print of
 * the latest handbook.
 */
import type { Handbook, HtmlDocument } from '../model.js';
import type { BrowserSession } from '../pdf/browser.js';
import { PRODUCER } from '../version.js';

/** Quiet time after the last rebuild before printing: typing does not start a print per key. */
export const PRINT_DELAY_MS = 300;

export interface PrintState {
  state: 'waiting' | 'printing' | 'ready' | 'failed' | 'off';
  /** Handbook version of the PDF on offer. */
  version?: number;
  /** When that PDF was printed (ISO time). */
  printedAt?: string;
  /** How long that print took (render, print passes, finish). */
  ms?: number;
  pages?: number;
  /** The PDF on offer shows the handbook now served. */
  current: boolean;
  error?: string;
}

export class PrintPreview {
  private session: Promise<BrowserSession> | undefined;
  private wanted: { handbook: Handbook; version: number } | undefined;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  pdf: Uint8Array | undefined;
  status: PrintState = { state: 'waiting', current: false };

  constructor(
    private readonly opts: {
      source: string;
      date: string;
      chrome?: string;
      onState: (s: PrintState) => void;
    },
  ) {}

  /** A new handbook is served: print it once things are quiet. */
  request(handbook: Handbook, version: number): void {
    if (this.stopped) return;
    this.wanted = { handbook, version };
    this.update({ current: this.status.version === version });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.kick(), PRINT_DELAY_MS);
  }

  /** Whether a browser is running or starting (its own signal handler then ends the process). */
  get hasBrowser(): boolean {
    return this.session !== undefined;
  }

  /** No more prints; the browser is left to its own signal handler. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const session = this.session;
    this.session = undefined;
    await session?.then((s) => s.close()).catch(() => undefined);
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopped) {
      const job = this.wanted;
      this.wanted = undefined;
      this.update({ state: 'printing' });
      const started = performance.now();
      try {
        const { bytes, pageCount } = await this.print(job.handbook);
        this.pdf = bytes;
        this.status = {
          state: 'ready',
          version: job.version,
          printedAt: new Date().toISOString(),
          ms: Math.round(performance.now() - started),
          pages: pageCount,
          current: this.wanted === undefined,
        };
        this.opts.onState(this.status);
      } catch (e) {
        if (this.stopped) return;
        // A crashed browser is started again for the next print.
        const s = await this.session?.catch(() => undefined);
        if (s && !s.connected) this.session = undefined;
        this.update({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  private async print(handbook: Handbook): Promise<{ bytes: Uint8Array; pageCount: number }> {
    const [pdf, { renderHtml }, { openSession }] = await Promise.all([
      import('../pdf/index.js'),
      import('../html/index.js'),
      import('../pdf/browser.js'),
    ]);
    if (!this.session) {
      this.session = openSession({ chrome: this.opts.chrome });
      this.session.catch(() => (this.session = undefined));
    }
    const session = await this.session;
    // As build's renderPdf: one rendering per set of page numbers, updated in place after
    // the first pass, then finished with the build date and producer.
    const rendered = new Map<string, Promise<HtmlDocument>>();
    const render = (hb: Handbook, pageNumbers: Record<string, number> | undefined) => {
      const key = JSON.stringify(pageNumbers ?? null);
      if (!rendered.has(key)) {
        rendered.set(
          key,
          renderHtml(hb, { mode: 'print', pageNumbers, assetsRoot: this.opts.source }),
        );
      }
      return rendered.get(key)!;
    };
    const printed = await pdf.printHandbook(handbook, session, {
      render,
      reprint: 'update',
    });
    const finished = await pdf.finishPdf(printed, handbook, {
      date: this.opts.date,
      producer: PRODUCER,
    });
    return { bytes: finished.bytes, pageCount: finished.pageCount };
  }

  private update(patch: Partial<PrintState>): void {
    this.status = { ...this.status, ...patch };
    this.opts.onState(this.status);
  }
}
