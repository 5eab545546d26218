/**
 * The guide's part of the site, for zero-configuration reading order: pages under the folders
 * the guide's navigation uses are chapters; the home page and pages elsewhere on the site
 * (feedback, contact) are site pages.
 */
import type { Page } from '../model.js';

function firstSegment(permalink: string): string {
  return permalink.replace(/^\/+/, '').split('/')[0] ?? '';
}

/**
 * The guide's part of the site: the first path segments of its pages (`/guide/…`,
 * `/glossary/`). The home page and pages elsewhere on the site (feedback, contact) are site
 * pages, not chapters, unless the configuration names them.
 */
export function guideScope(pages: Iterable<Page>): (p: Page) => boolean {
  const counts = new Map<string, number>();
  let total = 0;
  for (const p of pages) {
    const seg = firstSegment(p.permalink);
    if (!seg) continue;
    counts.set(seg, (counts.get(seg) ?? 0) + 1);
    total++;
  }
  const top = Math.max(0, ...counts.values());
  // A flat site (/one, /two, /glossary) has no guide folder: all but the home page count.
  if (top * 2 < total || top < 2) return notHome;
  const segments = new Set(counts.keys());
  return (p) => {
    const seg = firstSegment(p.permalink);
    return seg !== '' && segments.has(seg);
  };
}

export function notHome(p: Page): boolean {
  return firstSegment(p.permalink) !== '';
}

export function scopeLabel(pages: Page[]): string {
  const segs = [...new Set(pages.map((p) => firstSegment(p.permalink)).filter(Boolean))].sort();
  return segs.length ? segs.map((s) => `/${s}/`).join(', ') : 'the guide';
}
