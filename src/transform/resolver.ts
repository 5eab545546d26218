/**
 * Which page (and anchor) a link points to. The load stage may grow its own permalink
 * helper; this small interface is what the transform needs, with a default built from the
 * SourceTree. A link may carry the site's baseurl, another hard-coded prefix (a staging copy
 * of the site), the site's absolute url, a trailing slash or `index.html`, or be relative.
 */
import type { Page, SourceTree } from '../model.js';

export interface ResolvedLink {
  page: Page;
  anchor?: string;
}

export interface PageResolver {
  /** `from` is the page holding the link (for `#anchor` and relative links). */
  resolve(url: string, from?: Page): ResolvedLink | undefined;
}

/** A scheme (`https:`, `mailto:` …) or protocol-relative `//host`. */
export function hasScheme(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

export function siteString(site: Record<string, unknown>, key: string): string {
  const v = site[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** `/guide/x/`, `/guide/x/index.html`, `/guide/x.html` → `/guide/x`; `` → `/`. */
export function normalisePath(path: string): string {
  let p = path.replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '');
  if (!p.startsWith('/')) p = `/${p}`;
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

/** The path of a site-absolute URL (`https://site/prefix/guide/x`), or undefined for other hosts. */
export function sitePath(href: string, site: Record<string, unknown>): string | undefined {
  const url = siteString(site, 'url').replace(/\/+$/, '');
  if (!url) return undefined;
  const bare = (u: string) => u.replace(/^https?:/i, '');
  if (!bare(href).toLowerCase().startsWith(bare(url).toLowerCase())) return undefined;
  const rest = bare(href).slice(bare(url).length);
  return rest === '' || /^[/?#]/.test(rest) ? rest || '/' : undefined;
}

/**
 * The address the website serves a page at, against which the browser resolves its relative
 * links and images: its permalink; without one, Jekyll's from the file name (`pretty`:
 * `/docs/a/`, otherwise `/docs/a.html`; `index` files their folder).
 */
export function pageUrl(page: Page, site: Record<string, unknown>): string {
  const own = page.frontMatter.permalink;
  if (typeof own === 'string' && own.trim() !== '')
    return own.trim().startsWith('/') ? own.trim() : `/${own.trim()}`;
  const noExt = page.path.replace(/\.(md|markdown)$/i, '');
  if (noExt === 'index' || noExt.endsWith('/index'))
    return `/${noExt.replace(/\/?index$/, '')}/`.replace(/^\/\//, '/');
  return site.permalink === 'pretty' ? `/${noExt}/` : `/${noExt}.html`;
}

/** `href` (relative) resolved against the page's web address: a site path. */
export function resolveAgainstPage(
  href: string,
  page: Page,
  site: Record<string, unknown>,
): string | undefined {
  try {
    return decodeURIComponent(new URL(href, `http://site${pageUrl(page, site)}`).pathname);
  } catch {
    return undefined;
  }
}

export function createPageResolver(tree: SourceTree): PageResolver {
  const byPermalink = new Map<string, Page>();
  const bySource = new Map<string, Page>();
  for (const page of tree.pages) {
    byPermalink.set(normalisePath(page.permalink), page);
    bySource.set(page.path.replace(/^\/+/, ''), page);
  }
  const baseurl = normalisePath(siteString(tree.site, 'baseurl') || '/');

  const lookup = (path: string): Page | undefined => {
    const source = bySource.get(path.replace(/^\/+/, ''));
    if (source) return source;
    const p = normalisePath(path);
    const direct = byPermalink.get(p);
    if (direct) return direct;
    if (baseurl !== '/' && (p === baseurl || p.startsWith(`${baseurl}/`))) {
      return byPermalink.get(normalisePath(p.slice(baseurl.length)));
    }
    // A prefix other than baseurl: drop leading segments until the rest is a permalink.
    const segments = p.split('/').filter(Boolean);
    for (let i = 1; i < segments.length; i++) {
      const hit = byPermalink.get(`/${segments.slice(i).join('/')}`);
      if (hit) return hit;
    }
    return undefined;
  };

  return {
    resolve(url: string, from?: Page): ResolvedLink | undefined {
      let href = url.trim();
      if (hasScheme(href)) {
        const path = sitePath(href, tree.site);
        if (path === undefined) return undefined;
        href = path;
      }
      const hash = href.indexOf('#');
      const anchor = hash >= 0 ? safeDecode(href.slice(hash + 1)) : undefined;
      const path = safeDecode((hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, ''));
      const withAnchor = (page: Page): ResolvedLink => (anchor ? { page, anchor } : { page });
      if (path === '') return from ? withAnchor(from) : undefined;
      const candidates = path.startsWith('/')
        ? [path]
        : [from && resolveAgainstPage(path, from, tree.site), relativeTo(path, from), `/${path}`];
      for (const c of candidates) {
        const page = c === undefined ? undefined : lookup(c);
        if (page) return withAnchor(page);
      }
      return undefined;
    },
  };
}

function relativeTo(path: string, from?: Page): string | undefined {
  if (!from) return undefined;
  try {
    return new URL(path, `http://site${from.permalink.startsWith('/') ? '' : '/'}${from.permalink}`)
      .pathname;
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
