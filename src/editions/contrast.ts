/**
 * WCAG 2.1 contrast (1.4.3, AA): text needs 4.5:1 against what it stands on. A brand colour is
 * used both as text on white (headings, links) and as the ground of text (the cover band, card
 * headings), so both pairs are checked before the colour reaches any renderer.
 */
export const AA_CONTRAST = 4.5;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down, so that 4.49 never prints as 4.5. */
export function formatRatio(r: number): string {
  return `${Math.floor(r * 100) / 100}:1`;
}
