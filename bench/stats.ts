/** Small numeric helpers for the benchmark: medians, ratios, targets and formatting. */

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
}

export function mb(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return '–';
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export function ratio(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(2)}×`;
}

/** A measured value against a target: PASS/MISS, SKIP when it could not be measured, INFO when there is no target. */
export interface TargetResult {
  name: string;
  value: number | undefined;
  /** How the value is shown ("1.23×", "0.21 s", "512 MB"). */
  shown: string;
  target: string;
  status: 'PASS' | 'MISS' | 'SKIP' | 'INFO';
  note?: string;
}

export function target(
  name: string,
  value: number | undefined,
  limit: number,
  show: (v: number | undefined) => string,
  targetText: string,
  note?: string,
): TargetResult {
  const status =
    value === undefined || Number.isNaN(value)
      ? 'SKIP'
      : limit === Infinity
        ? 'INFO'
        : value <= limit
          ? 'PASS'
          : 'MISS';
  return { name, value, shown: show(value), target: targetText, status, ...(note ? { note } : {}) };
}

/** Renders rows as a GitHub Markdown table (also readable in a terminal). */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
