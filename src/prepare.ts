/**
 * The front half of the pipeline, shared by `build`, `check` and `release`:
 * load → Liquid → Markdown → transform, ending in the one Handbook tree.
 */
import { Diagnostics } from './diagnostics.js';
import type { Handbook, SourceTree } from './model.js';
import { loadSource } from './load/index.js';
import { expandPages } from './liquid/index.js';
import { parsePage } from './markdown/index.js';
import { buildHandbook } from './transform/index.js';
import type { Timings } from './progress.js';

export interface Prepared {
  tree: SourceTree;
  handbook: Handbook;
  diagnostics: Diagnostics;
}

export interface PrepareOptions {
  source: string;
  version: string;
  date: string;
  timings: Timings;
  /** Collect Liquid errors as findings and go on (for `check`) instead of stopping. */
  collect?: boolean;
}

export async function prepare(opts: PrepareOptions): Promise<Prepared> {
  const diagnostics = new Diagnostics();
  const { timings } = opts;
  const tree = await timings.time(
    'load',
    () => loadSource(opts.source, diagnostics),
    (t) => t.pages.length,
  );
  const pages = tree.order.map((o) => o.page);
  const expanded = await timings.time(
    'liquid',
    () => expandPages(tree, pages, diagnostics, { collect: opts.collect ?? false }),
    (p) => p.length,
  );
  const parsed = await timings.time(
    'markdown',
    () => expanded.map((p) => parsePage(p, diagnostics)),
    (p) => p.length,
  );
  const handbook = await timings.time(
    'transform',
    () => buildHandbook(tree, parsed, { version: opts.version, date: opts.date }, diagnostics),
    (h) => h.chapters.length + h.appendices.length,
  );
  return { tree, handbook, diagnostics };
}
