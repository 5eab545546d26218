import { slug } from 'github-slugger';
import type { Page } from '../model.js';

/**
 * A chapter's id from its permalink's last segment (`/guide/get-started` → `get-started`).
 * A one-segment permalink names the section, not the page (`/guide` is the introduction),
 * so the title is used there.
 */
export function chapterIdBase(page: Page): string {
  const segments = page.permalink
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/\.html?$/i, ''));
  const last = segments.length >= 2 ? segments.at(-1) : undefined;
  return slug(last ?? '') || slug(page.title) || slug(segments[0] ?? '') || 'chapter';
}
