/**
 * `handbook check`: every problem in the sources, with file and line. Runs the front half of
 * the pipeline in "collect" mode so that one bad page does not hide the others.
 */
import type { Finding } from './diagnostics.js';
import { defaultSource, resolveDate } from './options.js';
import { prepare } from './prepare.js';
import { Timings, type ProgressSink } from './progress.js';
import { resolve } from 'node:path';

export interface CheckOptions {
  source?: string;
  /** Warnings and GAP notes fail the check too. */
  strict?: boolean;
  progress?: ProgressSink;
  /** `false`: check the sources without the build cache. */
  cache?: boolean;
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
  const { diagnostics } = await prepare({
    source: options.source === undefined ? defaultSource() : resolve(options.source),
    version: 'check',
    date: resolveDate(undefined),
    timings,
    collect: true,
    cache: options.cache === false ? false : undefined,
  });
  return summarise(diagnostics.sorted(), options.strict ?? false);
}
