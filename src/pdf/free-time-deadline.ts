/**
 * A deadline that counts only the time this process was free to hear an answer. The browser
 * starts while the front half of the build runs on the same thread; a huge page can keep that
 * thread busy for longer than the whole deadline, and a plain timer would then fire before the
 * browser's answer, already waiting in the pipe, is read ("no answer within 30 s").
 */
const TICK_MS = 250;

export interface Deadline {
  /** Rejects once `ms` of free time has passed without `clear()`. */
  readonly expired: Promise<never>;
  clear(): void;
}

export function freeTimeDeadline(ms: number, message: string): Deadline {
  let counted = 0;
  let last = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = performance.now();
      // A late tick means the thread was busy: only about one tick of it counts.
      counted += Math.min(now - last, 2 * TICK_MS);
      last = now;
      if (counted >= ms) {
        clearInterval(timer);
        reject(new Error(message));
      }
    }, TICK_MS);
  });
  expired.catch(() => undefined);
  return { expired, clear: () => clearInterval(timer) };
}
