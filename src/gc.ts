/**
 * Garbage collection on request without `node --expose-gc` (a flag on the bin's `#!` line
 * would break npm's Windows shims): the flag is set at run time and V8 installs `gc` on
 * contexts created after that, such as a fresh `vm` context. Collecting before Chromium's print
 * lowers the peak memory of a build from the sources (the parsers' garbage, ~100 MB for a guide
 * ten times this one's size).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full garbage collection when V8 allows it; otherwise does nothing. */
export function collectGarbage(): void {
  if (collect === undefined) {
    const own = (globalThis as { gc?: () => void }).gc;
    try {
      if (!own) setFlagsFromString('--expose-gc');
      collect = own ?? (runInNewContext('gc') as (() => void) | undefined) ?? null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
