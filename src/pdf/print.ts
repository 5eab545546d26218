/**
 * Prints the handbook and makes the contents page numbers right. Chrome renders neither
 * `target-counter()` nor `string-set`, so the numbers are found by printing. The one print
 * shows every contents entry with a three-digit placeholder (contents-fill.ts): real tagged
 * text of the widest width, so that where the headings land does not depend on the numbers.
 * The destinations of that print are read, and the placeholders' glyphs replaced in the page
 * content by the real numbers' glyphs (same font, same box, right-aligned): one print, cold
 * or warm, and the same bytes either way.
 *
 * When the fill cannot be done (a number of four digits, a digit missing from the font's
 * subset, a browser that writes its text otherwise), the page is printed again with the
 * numbers put in, until nothing moves (the old route, kept as the fallback): a later pass
 * changes only the number cells of the already loaded page and prints again, instead of
 * rendering the HTML and loading it (and its fonts) once more. A print is returned only when
 * its numbers are the pages found in it (or at the pass cap).
 *
 * Why the cells are updated in place rather than the HTML loaded again: Chromium names
 * structure elements after Blink's DOM node ids (`/ID (node00000045)`, table `/Headers`), and
 * those keep counting across loads in one page. A second `setContent` shifts every id, so a
 * re-rendered print differs from a single-pass print of the same HTML in exactly those
 * strings; updating the cells keeps the nodes of the one load.
 */
import type { Handbook, HtmlDocument, PrintedPdf } from '../model.js';
import { PAGE_PLACEHOLDER } from '../html/contents.js';
import type { BrowserSession } from './browser.js';
import type { PDFDocument } from 'pdf-lib';
import { pageNumbersOf } from './destinations.js';
import { preparePrintPage, printHtml, reprintAfter } from './print-page.js';
import { HandbookError } from '../errors.js';
import { contentsCells, fillContentsNumbers, placeholderNumbers } from './contents-fill.js';
import { PRINT_DEADLINE_MS, PRINT_PASS_MS } from '../limits.js';

export type PrintRenderer = (
  hb: Handbook,
  pageNumbers: Record<string, number> | undefined,
) => Promise<HtmlDocument> | HtmlDocument;

export interface PrintOptions {
  /** Per pass (load + fonts + print). Default 120 s. */
  timeoutMs?: number;
  /** Every pass together (default PRINT_DEADLINE_MS). */
  deadlineMs?: number;
  onPass?: (pass: number, ms: number) => void;
  /**
   * Called once, when Chromium has laid the document out and starts printing it (the longest
   * stretch in which this process only waits): the time for the caller's own CPU-bound work.
   * Work done earlier delays the messages that load the page; work done during the print
   * does not.
   */
  onPrinting?: () => void;
  /** Directory that image paths in the sources are relative to (passed to the renderer). */
  assetsRoot?: string;
  /** The print HTML renderer; default: `renderHtml(hb, { mode: 'print', pageNumbers })`. */
  render?: PrintRenderer;
  /** Most passes before giving up on convergence (default 4). */
  maxPasses?: number;
  /**
   * No longer used: the first print shows placeholders and its numbers are filled in place,
   * so a guess (the previous build's numbers) could only make a build differ from a cold one.
   * Kept so that callers passing one still compile.
   */
  guess?: Record<string, number>;
  /**
   * How a pass after the first puts in its numbers: 'update' sets the number cells of the
   * loaded page (the markup of templates/contents.hbs); 'render' renders and loads the HTML
   * again. Default: 'update' with the default renderer, 'render' with a custom one (whose
   * markup this module cannot know).
   */
  reprint?: 'update' | 'render';
  /**
   * Fill the contents numbers into the first print (default true). false prints again with
   * the numbers instead (the fallback route), e.g. to compare the two.
   */
  fill?: boolean;
}

/** `passes`: how many times the handbook was printed. */
export type PrintResult = PrintedPdf & {
  pageOf: Record<string, number>;
  passes: number;
  /**
   * The final print, parsed (finishing edits it in place instead of parsing again). When
   * `filled`, its contents numbers were written in here: `bytes` is Chromium's print with
   * the placeholders, and `document` is the print to finish.
   */
  document: PDFDocument;
  /** The contents numbers were filled into `document` (one print) rather than printed. */
  filled: boolean;
};

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

/** The contents entries of `numbers` that are page numbers at all. */
export function pickNumbers(
  ids: string[],
  numbers: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const n = Object.hasOwn(numbers, id) ? numbers[id] : undefined;
    if (Number.isInteger(n) && n! > 0) out[id] = n!;
  }
  return out;
}

/**
 * A page.evaluate expression that makes each contents number cell what the renderer would
 * write for `numbers` (templates/contents.hbs): the number, or the hidden placeholder. The
 * text node is changed, not replaced: the nodes stay those of the one load, so the tagged PDF
 * is that of printing the final HTML once (see the module comment). A
 * string, not a function: nothing of the build's transpiled code reaches the page.
 */
export function contentsNumbersScript(numbers: Record<string, number>): string {
  return `((numbers, placeholder) => {
  for (const link of document.querySelectorAll('a.hb-toc__link')) {
    const cell = link.querySelector(':scope > .hb-toc__page');
    if (!cell) continue;
    const id = (link.getAttribute('href') || '').slice(1);
    const n = Object.prototype.hasOwnProperty.call(numbers, id) ? numbers[id] : undefined;
    if (n === undefined) {
      cell.className = 'hb-toc__page hb-toc__page--unknown';
      cell.setAttribute('aria-hidden', 'true');
    } else {
      cell.className = 'hb-toc__page';
      cell.removeAttribute('aria-hidden');
    }
    const value = n === undefined ? placeholder : String(n);
    const text = cell.firstChild;
    if (text && text.nodeType === 3 && !text.nextSibling) text.data = value;
    else cell.textContent = value;
  }
})(${JSON.stringify(numbers)}, ${JSON.stringify(PAGE_PLACEHOLDER)})`;
}

function printDeadline(ms: number): HandbookError {
  return new HandbookError(
    'PRINT_TIMEOUT',
    `printing the PDF (stage: print) passed its deadline of ${Math.round(ms / 1000)} s`,
    { hint: 'the handbook may be very large or the machine busy: try again' },
  );
}

export async function printHandbook(
  hb: Handbook,
  session: BrowserSession,
  opts: PrintOptions = {},
): Promise<PrintResult> {
  const render = opts.render ?? defaultRenderer(opts.assetsRoot);
  const reprint = opts.reprint ?? (opts.render ? 'render' : 'update');
  const timeoutMs = opts.timeoutMs ?? PRINT_PASS_MS;
  const maxPasses = opts.maxPasses ?? 4;
  // One deadline for the whole print, whatever the number of passes.
  const deadline = performance.now() + (opts.deadlineMs ?? PRINT_DEADLINE_MS);
  const passTimeout = (): number => {
    const left = deadline - performance.now();
    if (left <= 0) throw printDeadline(opts.deadlineMs ?? PRINT_DEADLINE_MS);
    return Math.min(timeoutMs, left);
  };
  const ids = contentsIds(hb);
  const cells = contentsCells(hb);
  return session.withPage(async (page) => {
    await preparePrintPage(page);
    let numbers: Record<string, number> | undefined = placeholderNumbers(hb);
    let printing = opts.onPrinting;
    const onPrinting = (): void => {
      printing?.();
      printing = undefined;
    };
    for (let pass = 1; ; pass++) {
      const started = performance.now();
      const bytes =
        pass === 1 || reprint === 'render' || !numbers
          ? await printHtml(page, (await render(hb, numbers)).html, passTimeout(), onPrinting)
          : await reprintAfter(page, contentsNumbersScript(numbers), passTimeout(), onPrinting);
      const { pageOf, pageCount, document } = await pageNumbersOf(bytes);
      // The one print: its destinations are final, its placeholders take the numbers found.
      const filled =
        pass === 1 && opts.fill !== false && fillContentsNumbers(document, cells, pageOf);
      opts.onPass?.(pass, Math.round(performance.now() - started));
      // Stable when the numbers printed are the numbers found; after the cap the last print
      // is kept (its numbers come from the pass before, which in practice is one page off at
      // most and only for a layout that oscillates).
      if (filled || (pass > 1 && sameNumbers(ids, pageOf, numbers)) || pass >= maxPasses) {
        return { bytes, pageCount, pageOf, passes: pass, document, filled };
      }
      numbers = pickNumbers(ids, pageOf);
    }
  });
}
