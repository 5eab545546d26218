/**
 * The front half of the pipeline, shared by `build`, `check` and `release`:
 * load → Liquid → Markdown → transform, ending in the one Handbook tree.
 *
 * The result is cached by a fingerprint of the sources and the toolchain (src/cache.ts): an
 * unchanged rebuild or check skips parsing, and does not even load the parser modules.
 */
import { BuildCache, cacheKey } from './cache.js';
import { assertSourceDir } from './load/files.js';
import { stripControlCharacters } from './controls.js';
import { Diagnostics, type Finding } from './diagnostics.js';
import type { Handbook } from './model.js';
import type { Timings } from './progress.js';
import type { ResolvedEdition } from './editions/resolve.js';

export interface Prepared {
  handbook: Handbook;
  diagnostics: Diagnostics;
  /** Whether the tree came from the build cache. */
  cached: boolean;
}

export interface PrepareOptions {
  source: string;
  version: string;
  date: string;
  timings: Timings;
  /** Collect Liquid errors as findings and go on (for `check`) instead of stopping. */
  collect?: boolean;
  /** The build cache; `false` builds from the sources alone (releases do). */
  cache?: BuildCache | false;
  /** An edition of the guide (src/editions/): applied to the trees here, once. */
  edition?: ResolvedEdition;
}

interface CachedTree {
  handbook: Handbook;
  findings: Finding[];
}

export async function prepare(opts: PrepareOptions): Promise<Prepared> {
  const { timings } = opts;
  // A missing source is an error every time: never answered from the cache (whose key for a
  // folder that is not there would be the key of an empty one).
  await assertSourceDir(opts.source);
  const cache = opts.cache === false ? undefined : (opts.cache ?? BuildCache.open());
  const key = cache
    ? await timings.time('fingerprint', () =>
        cacheKey(opts.source, {
          version: opts.version,
          date: opts.date,
          collect: opts.collect ?? false,
          ...(opts.edition ? { edition: opts.edition.config.id } : {}),
        }),
      )
    : undefined;
  if (cache && key) {
    const hit = await cache.get<CachedTree>(key, 'prepare');
    if (hit) {
      const diagnostics = new Diagnostics();
      hit.findings.forEach((f) => diagnostics.add(f));
      timings.record({ stage: 'cache hit', items: hit.handbook.chapters.length, ms: 0 });
      return { handbook: hit.handbook, diagnostics, cached: true };
    }
  }
  const { handbook, diagnostics } = await fromSources(opts);
  if (cache && key) await cache.set(key, 'prepare', { handbook, findings: diagnostics.findings });
  return { handbook, diagnostics, cached: false };
}

async function fromSources(
  opts: PrepareOptions,
): Promise<{ handbook: Handbook; diagnostics: Diagnostics }> {
  // Loaded here, not at the top: a cache hit needs none of the parsers. Only the loader is
  // awaited before the sources are read; the other stages (liquidjs, micromark, parse5:
  // three quarters of the code a cold run compiles) load while the files are read.
  const { loadSource } = await import('./load/index.js');
  const stages = Promise.all([
    import('./liquid/index.js'),
    import('./markdown/index.js'),
    import('./transform/index.js'),
  ]);
  stages.catch(() => undefined);
  const diagnostics = new Diagnostics();
  const { timings } = opts;
  const editionAt = opts.edition
    ? (await import('./editions/stages.js')).editionStages(opts.edition, diagnostics)
    : undefined;
  const loaded = await timings.time(
    'load',
    () => loadSource(opts.source, diagnostics),
    (t) => t.pages.length,
  );
  const [
    { expandPages },
    { parsePage, reportEditorialNotes, kramdownOptions, handbookBudget },
    { buildHandbook },
  ] = await stages;
  const tree = editionAt ? await editionAt.source(loaded) : loaded;
  const pages = tree.order.map((o) => o.page);
  // Pages report their own notes when parsed; steps and partials hold editors' notes too.
  for (const doc of Object.values(tree.collections).flat()) reportEditorialNotes(doc, diagnostics);
  for (const [name, raw] of Object.entries(tree.includes)) {
    reportEditorialNotes({ path: `_includes/${name}`, raw }, diagnostics);
  }
  const expanded = await timings.time(
    'liquid',
    () =>
      expandPages(tree, pages, diagnostics, {
        collect: opts.collect ?? false,
        stamp: { date: opts.date, version: opts.version },
      }),
    (p) => p.length,
  );
  const parsed = await timings.time(
    'markdown',
    () => {
      const kramdown = kramdownOptions(tree.site);
      const budget = handbookBudget();
      // An edition reuses the trees of pages another edition parsed (src/editions/parse-memo.ts).
      const parse = editionAt ? editionAt.memoParse(parsePage) : parsePage;
      const pages = expanded.map((p) => budget(parse(p, diagnostics, kramdown)));
      return editionAt ? editionAt.parsed(pages) : pages;
    },
    (p) => p.length,
  );
  const handbook = await timings.time(
    'transform',
    () => {
      const hb = buildHandbook(
        tree,
        parsed,
        { version: opts.version, date: opts.date },
        diagnostics,
      );
      return stripControlCharacters(editionAt ? editionAt.handbook(hb) : hb, diagnostics);
    },
    (h) => h.chapters.length + h.appendices.length,
  );
  return { handbook, diagnostics };
}
