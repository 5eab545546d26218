/**
 * `build --edition ID|all`: each edition built from the same source tree in this one process,
 * sharing one browser, two at a time (one prints while the next renders), into
 * `<out>/<edition>/handbook.*`. Every edition is rendered before any
 * is written, and every target checked first, so a failing edition writes nothing.
 */
import { join, resolve } from 'node:path';
import { build, prepareOutput, writeBuild, type BuildOptions, type BuildResult } from '../build.js';
import { resolveSettings } from '../options.js';
import type { BrowserSession } from '../pdf/browser.js';
import { EDITIONS_IN_FLIGHT } from '../limits.js';
import { selectEditions } from './resolve.js';

export interface EditionBuild {
  edition: string;
  result: BuildResult;
}

export interface BuildEditionsOptions extends Omit<BuildOptions, 'edition'> {
  /** An edition id, `default` (the main guide) or `all`. */
  edition: string;
}

export async function buildEditions(opts: BuildEditionsOptions): Promise<EditionBuild[]> {
  const settings = resolveSettings(opts);
  const ids = await selectEditions(settings.source, opts.edition);
  const out = opts.out === undefined ? undefined : resolve(opts.out);
  if (out !== undefined) for (const id of ids) await prepareOutput(join(out, id), settings.formats);
  // One browser for every edition: its launch is paid once, not per edition.
  const owned =
    !opts.session && settings.formats.includes('pdf') && ids.length > 1
      ? await openShared(settings.chrome)
      : undefined;
  const session = opts.session ?? owned;
  let builds: EditionBuild[];
  try {
    // Rendered in memory; written below once every edition has built.
    builds = await inFlight(ids, EDITIONS_IN_FLIGHT, async (edition) => ({
      edition,
      // The first edition's collection clears the parsers' garbage; later ones would only
      // walk the editions already built, and cost more than they save.
      result: await build({
        ...opts,
        out: undefined,
        edition,
        session,
        ...(edition === ids[0] ? {} : { collectGarbage: false }),
      }),
    }));
  } finally {
    await owned?.close();
  }
  if (out !== undefined)
    for (const b of builds) b.result.written = await writeBuild(b.result, join(out, b.edition));
  return builds;
}

/**
 * `run` over `items`, at most `limit` at a time, results in the order of `items`: an edition's
 * bytes do not depend on what else is building (each has its own tab and its own trees; the
 * shared memos hold only what does not change). After a failure no further item starts, the
 * ones running are awaited (no print left in the browser), and the first failure is thrown.
 */
async function inFlight<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await run(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

async function openShared(chrome: string | undefined): Promise<BrowserSession> {
  const { openSession } = await import('../pdf/browser.js');
  return openSession({ chrome });
}
