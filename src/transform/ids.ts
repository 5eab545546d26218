/**
 * Ids are unique across the whole handbook (HTML anchors, PDF destinations and Word
 * bookmarks all share one namespace). An explicit id is kept when free, else suffixed; a
 * heading without one gets a GitHub-style slug of its text. Each chapter keeps a map from
 * the id a link could have used on the website to the final id, so `page#anchor` links
 * still land on the right heading after renaming.
 */
import GithubSlugger, { slug } from 'github-slugger';
import type { Root } from 'hast';
import { collapse, elements, headingRank, visibleText } from './hast.js';
import { isComponentHeading } from './headings.js';

/** Ids the handbook's own pages (cover, contents …) may use; never given to content. */
export const RESERVED_IDS = [
  'cover',
  'contents',
  'toc',
  'document-control',
  'title-page',
  'main',
  'content',
];

export class IdRegistry {
  private readonly used = new Set<string>();

  constructor(reserved: readonly string[] = RESERVED_IDS) {
    for (const id of reserved) this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** `base` when free, else `base-1`, `base-2` … */
  claim(base: string): string {
    const stem = base || 'section';
    let id = stem;
    for (let n = 1; this.used.has(id); n++) id = `${stem}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** kramdown's own auto id (without GFM quirks): some links were written against it. */
export function kramdownId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** Gives every body heading an id and makes every id unique; returns old id → final id. */
export function assignIds(root: Root, registry: IdRegistry): Map<string, string> {
  const map = new Map<string, string>();
  const siteSlugger = new GithubSlugger();
  const remember = (old: string, id: string) => {
    if (old && !map.has(old)) map.set(old, id);
  };
  for (const { node, ancestors } of elements(root)) {
    const existing = typeof node.properties.id === 'string' ? node.properties.id.trim() : '';
    if (existing) {
      const id = registry.claim(existing);
      node.properties.id = id;
      remember(existing, id);
      continue;
    }
    if (headingRank(node) === undefined || ancestors.length > 0 || isComponentHeading(node))
      continue;
    const text = collapse(visibleText(node));
    const id = registry.claim(slug(text));
    node.properties.id = id;
    // The id the website gave this heading (GitHub-style, unique within the page) …
    remember(siteSlugger.slug(text), id);
    // … and kramdown's plain form, for links written against an older site.
    remember(kramdownId(text), id);
  }
  return map;
}
