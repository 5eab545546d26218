/**
 * The garbage of a burst of rebuilds, collected once the edits stop, so that a long session
 * stays at the size of one handbook. Two full collections, a moment apart: the first frees the
 * old trees, but V8 picks the pages to compact by how full they were at the previous
 * collection, so the pages those trees half-filled stay mapped (measured: old space 20 MB after
 * 10 edits, 36 to 40 MB after 50 to 200, with the same 16 MB live). The second, after the
 * first's sweep, sees them nearly empty and compacts them away (old space stays at 19 MB).
 */
import { collectGarbage } from '../gc.js';

/** Quiet time after a rebuild before the garbage is collected. */
export const IDLE_GC_MS = 1000;
/** Between the two collections: the first one's concurrent sweep has finished. */
export const COMPACT_GC_MS = 200;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  /** (Re)starts the quiet period: a rebuild has just finished. */
  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      collectGarbage();
      this.timer = setTimeout(() => collectGarbage(), COMPACT_GC_MS);
      this.timer.unref();
    }, IDLE_GC_MS);
    this.timer.unref();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
