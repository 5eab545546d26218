/**
 * Reading order from front matter, as just-the-docs builds its sidebar: top-level pages by
 * `nav_order` (numbers first, then the others by title), each followed by its children
 * (`parent` = its title, `grand_parent` = its parent's), recursively. Pages the site keeps out
 * of its navigation (`nav_exclude`, the 404 page) are no chapters.
 */
import type { Page } from '../model.js';

/** A page the site's own navigation never shows: `nav_exclude: true` or the 404 page. */
export function outsideNavigation(page: Page): 'nav_exclude' | '404' | undefined {
  if (page.frontMatter.nav_exclude === true) return 'nav_exclude';
  if (/^\/404(\.html?|\/)?$/i.test(page.permalink) || /(^|\/)404\.(md|markdown)$/i.test(page.path))
    return '404';
  return undefined;
}

/** Whether the site orders its pages by front matter (just-the-docs and its kin). */
export function usesFrontMatterOrder(pages: Page[]): boolean {
  return (
    pages.filter((p) => p.frontMatter.nav_order !== undefined || p.frontMatter.parent).length >= 2
  );
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** nav_order numbers first (ascending), then strings, then pages without one by title. */
function compare(a: Page, b: Page): number {
  const key = (p: Page): [number, number, string] => {
    const o = p.frontMatter.nav_order;
    if (typeof o === 'number') return [0, o, ''];
    if (typeof o === 'string') return [1, 0, o.toLowerCase()];
    return [2, 0, p.title.toLowerCase()];
  };
  const [x, y] = [key(a), key(b)];
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
}

export function frontMatterOrder(pages: Page[]): Page[] {
  const shown = pages.filter((p) => !outsideNavigation(p));
  const out: Page[] = [];
  const placed = new Set<Page>();
  const place = (level: Page[], ancestors: string[]): void => {
    for (const page of [...level].sort(compare)) {
      if (placed.has(page)) continue;
      placed.add(page);
      out.push(page);
      const children = shown.filter(
        (c) =>
          !placed.has(c) &&
          text(c.frontMatter.parent) === page.title &&
          (c.frontMatter.grand_parent === undefined ||
            text(c.frontMatter.grand_parent) === ancestors[ancestors.length - 1]),
      );
      place(children, [...ancestors, page.title]);
    }
  };
  place(
    shown.filter((p) => !p.frontMatter.parent),
    [],
  );
  return out;
}
