/**
 * `handbook check`: every problem in the sources, with file and line. Runs the front half of
 * the pipeline in "collect" mode so that one bad page does not hide the others.
 */
import type { Finding } from './diagnostics.js';
import { defaultSource, resolveDate } from './options.js';
import { prepare } from './prepare.js';
import { Timings, type ProgressSink } from './progress.js';
import { resolve } from 'node:path';
import { mayHaveEditions } from './editions/detect.js';

export interface CheckOptions {
  source?: string;
  /** Warnings and GAP notes fail the check too. */
  strict?: boolean;
  progress?: ProgressSink;
  /** `false`: check the sources without the build cache. */
  cache?: boolean;
  /** The editions checked besides the main guide: an id, `all` (the default) or `default` (none). */
  edition?: string;
}

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  notes: number;
  gaps: number;
  /** Whether the check passes under the given strictness. */
  ok: boolean;
}

export function summarise(findings: Finding[], strict: boolean): CheckResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.filter((f) => f.severity === 'note').length;
  const gaps = findings.filter((f) => f.code === 'gap-note').length;
  const ok = errors === 0 && (!strict || (warnings === 0 && gaps === 0));
  return { findings, errors, warnings, notes, gaps, ok };
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const timings = new Timings(options.progress);
  const source = options.source === undefined ? defaultSource() : resolve(options.source);
  const date = resolveDate(undefined);
  const cache = options.cache === false ? false : undefined;
  const { diagnostics } = await prepare({
    source,
    version: 'check',
    date,
    timings,
    collect: true,
    cache,
  });
  const findings = diagnostics.sorted();
  const edition = options.edition ?? 'all';
  // Every edition is checked too (src/editions/check.ts): links into what it leaves out, its pages.
  if (edition !== 'default' && (edition !== 'all' || (await mayHaveEditions(source)))) {
    const { editionFindings } = await import('./editions/check.js');
    findings.push(...(await editionFindings(findings, { source, date, timings, cache, edition })));
  }
  return summarise(findings, options.strict ?? false);
}
