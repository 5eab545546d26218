/**
 * Liquid that gives the same text on any machine, in any time zone, on any day: `now` and
 * `today` (in every date filter) and `site.time` are the build date (`--date` /
 * SOURCE_DATE_EPOCH); dates format in UTC; `sample` draws from a generator seeded by the
 * version, so a release always shows the same pick.
 */
import type { Liquid } from 'liquidjs';

const DATE_FILTERS = [
  'date',
  'date_to_xmlschema',
  'date_to_rfc822',
  'date_to_string',
  'date_to_long_string',
];

/** Midnight UTC of the build date (YYYY-MM-DD). */
export function buildTime(date: string): Date {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new JekyllTime(Number.isNaN(t) ? 0 : t);
}

/** `{{ site.time }}` prints as Jekyll prints a Time, in UTC, whatever the machine's zone. */
class JekyllTime extends Date {
  override toString(): string {
    return `${this.toISOString().slice(0, 19).replace('T', ' ')} +0000`;
  }
}

export function registerDeterministic(
  liquid: Liquid,
  build: { date: string; version: string },
): void {
  const now = buildTime(build.date);
  for (const name of DATE_FILTERS) {
    const original = liquid.filters[name];
    if (!original) continue;
    const impl = typeof original === 'function' ? original : original.handler;
    liquid.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
      const v = value === 'now' || value === 'today' ? now : value;
      // Ruby names the zone of a UTC time "UTC" (liquidjs would print +0000).
      const format = args[0];
      if (name === 'date' && typeof format === 'string')
        args[0] = format.replace(/(?<!%)%Z/g, 'UTC');
      return (impl as (...a: unknown[]) => unknown).call(this, v, ...args);
    });
  }
  const random = seeded(build.version);
  liquid.registerFilter('sample', (value: unknown, count: unknown = 1) => {
    const items = Array.isArray(value)
      ? [...(value as unknown[])]
      : typeof value === 'string'
        ? [...value]
        : [];
    // Fisher–Yates with the seeded generator.
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    const n = Number(count);
    return n === 1 || !Number.isFinite(n) ? items[0] : items.slice(0, Math.max(0, n));
  });
}

/** mulberry32, seeded by a string hash (FNV-1a): small, fast, and the same everywhere. */
function seeded(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
