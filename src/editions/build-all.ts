/**
 * `build --edition ID|all`: each edition built from the same source tree in this one process,
 * sharing one browser, into `<out>/<edition>/handbook.*`. Every edition is rendered before any
 * is written, and every target checked first, so a failing edition writes nothing.
 */
import { join, resolve } from 'node:path';
import { build, prepareOutput, writeBuild, type BuildOptions, type BuildResult } from '../build.js';
import { resolveSettings } from '../options.js';
import type { BrowserSession } from '../pdf/browser.js';
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
  const builds: EditionBuild[] = [];
  try {
    for (const edition of ids) {
      // Rendered in memory; written below once every edition has built.
      const result = await build({ ...opts, out: undefined, edition, session });
      builds.push({ edition, result });
    }
  } finally {
    await owned?.close();
  }
  if (out !== undefined)
    for (const b of builds) b.result.written = await writeBuild(b.result, join(out, b.edition));
  return builds;
}

async function openShared(chrome: string | undefined): Promise<BrowserSession> {
  const { openSession } = await import('../pdf/browser.js');
  return openSession({ chrome });
}
