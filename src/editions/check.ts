/**
 * `check` of every edition: the main guide's findings, then what each edition adds to them
 * (its local pages' problems, links into the text it leaves out), each marked with the edition.
 * Findings the main guide already has are not repeated once per edition.
 */
import { formatFinding, type Finding } from '../diagnostics.js';
import { prepare } from '../prepare.js';
import type { Timings } from '../progress.js';
import { resolveEdition, selectEditions, DEFAULT_EDITION } from './resolve.js';

export interface EditionCheckOptions {
  source: string;
  date: string;
  timings: Timings;
  cache: false | undefined;
  /** An edition id or `all`. */
  edition: string;
}

export async function editionFindings(
  base: Finding[],
  opts: EditionCheckOptions,
): Promise<Finding[]> {
  const ids = (await selectEditions(opts.source, opts.edition)).filter(
    (id) => id !== DEFAULT_EDITION,
  );
  const known = new Set(base.map((f) => formatFinding(f)));
  const out: Finding[] = [];
  for (const id of ids) {
    const edition = await resolveEdition(opts.source, id);
    const { diagnostics } = await prepare({
      source: opts.source,
      version: 'check',
      date: opts.date,
      timings: opts.timings,
      collect: true,
      cache: opts.cache,
      edition,
    });
    for (const f of diagnostics.sorted()) {
      if (known.has(formatFinding(f))) continue;
      out.push({ ...f, message: `edition ${id}: ${f.message}` });
    }
  }
  return out;
}
