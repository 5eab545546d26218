/**
 * Prints the handbook and makes the contents page numbers right. Chrome renders neither
 * `target-counter()` nor `string-set`, so the numbers are found by printing: print with
 * placeholders, read which page each heading's destination landed on, render the HTML again
 * with those numbers, print again, until nothing moves (placeholders have the width of real
 * numbers, so two passes are the rule).
 */
import type { Handbook, HtmlDocument, PrintedPdf } from '../model.js';
import type { BrowserSession } from './browser.js';
import { pageNumbersOf } from './destinations.js';
import { preparePrintPage, printHtml } from './print-page.js';

export type PrintRenderer = (
  hb: Handbook,
  pageNumbers: Record<string, number> | undefined,
) => Promise<HtmlDocument> | HtmlDocument;

export interface PrintOptions {
  /** Per pass (load + fonts + print). Default 120 s. */
  timeoutMs?: number;
  onPass?: (pass: number, ms: number) => void;
  /** Directory that image paths in the sources are relative to (passed to the renderer). */
  assetsRoot?: string;
  /** The print HTML renderer; default: `renderHtml(hb, { mode: 'print', pageNumbers })`. */
  render?: PrintRenderer;
  /** Most passes before giving up on convergence (default 4). */
  maxPasses?: number;
}

export type PrintResult = PrintedPdf & { pageOf: Record<string, number>; passes: number };

function defaultRenderer(assetsRoot: string | undefined): PrintRenderer {
  return async (hb, pageNumbers) => {
    const { renderHtml } = await import('../html/index.js');
    return renderHtml(hb, {
      mode: 'print',
      ...(pageNumbers ? { pageNumbers } : {}),
      ...(assetsRoot ? { assetsRoot } : {}),
    });
  };
}

/** Only the ids the contents list: other destinations (in-text links) do not matter here. */
export function contentsIds(hb: Handbook): string[] {
  const ids: string[] = [];
  const walk = (entries: { id: string; children: { id: string }[] }[]): void => {
    for (const e of entries) {
      ids.push(e.id);
      walk(e.children as typeof entries);
    }
  };
  for (const c of [...hb.chapters, ...hb.appendices]) {
    ids.push(c.id);
    walk(c.outline);
  }
  return ids;
}

function sameNumbers(
  ids: string[],
  a: Record<string, number>,
  b: Record<string, number> | undefined,
): boolean {
  return b !== undefined && ids.every((id) => a[id] === b[id]);
}

export async function printHandbook(
  hb: Handbook,
  session: BrowserSession,
  opts: PrintOptions = {},
): Promise<PrintResult> {
  const render = opts.render ?? defaultRenderer(opts.assetsRoot);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const maxPasses = opts.maxPasses ?? 4;
  const ids = contentsIds(hb);
  return session.withPage(async (page) => {
    await preparePrintPage(page);
    let numbers: Record<string, number> | undefined;
    for (let pass = 1; ; pass++) {
      const started = performance.now();
      const { html } = await render(hb, numbers);
      const bytes = await printHtml(page, html, timeoutMs);
      const { pageOf, pageCount } = await pageNumbersOf(bytes);
      opts.onPass?.(pass, Math.round(performance.now() - started));
      // Stable when the numbers printed are the numbers found; after the cap the last print
      // is kept (its numbers come from the pass before, which in practice is one page off at
      // most and only for a layout that oscillates).
      if (sameNumbers(ids, pageOf, numbers) || pass >= maxPasses) {
        return { bytes, pageCount, pageOf, passes: pass };
      }
      numbers = pageOf;
    }
  });
}
