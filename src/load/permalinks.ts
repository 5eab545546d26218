/**
 * Matching the many ways a source writes a link to one of its pages onto that page:
 * `{{ site.baseurl }}/guide/x`, `/prm-practice-migration/guide/x/` (a hard-coded prefix that
 * need not equal baseurl), `https://site.example/prefix/guide/x#anchor`, `x.md` source paths …
 * Shared by the reading order (load) and link resolution (transform).
 */
import type { Page, SourceTree } from '../model.js';

export interface NormalisedUrl {
  /** Path without baseurl, trailing slash, `.html` or `/index`: `/guide/kick-off`, `/`. */
  path: string;
  anchor?: string;
}

export interface ResolvedUrl extends NormalisedUrl {
  page: Page;
}

const LIQUID_SITE_VAR = /\{\{-?\s*site\.(baseurl|url)\s*-?\}\}/g;
const LIQUID_URL_FILTER = /^\{\{-?\s*(['"])(.*?)\1\s*\|\s*(relative_url|absolute_url)\s*-?\}\}$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export class PermalinkIndex {
  private readonly byPermalink = new Map<string, Page>();
  private readonly byPath = new Map<string, Page>();
  private readonly baseurl: string;
  private readonly siteHost: string | undefined;

  constructor(pages: readonly Page[], site: Record<string, unknown> = {}) {
    this.baseurl = cleanPath(typeof site.baseurl === 'string' ? site.baseurl : '');
    this.siteHost = hostOf(typeof site.url === 'string' ? site.url : '');
    for (const page of pages) {
      const key = cleanPath(page.permalink);
      if (!this.byPermalink.has(key)) this.byPermalink.set(key, page);
      this.byPath.set(page.path, page);
    }
  }

  /** All normalised permalinks (for suggestions). */
  permalinks(): string[] {
    return [...this.byPermalink.keys()];
  }

  pageAtPath(sourcePath: string): Page | undefined {
    return this.byPath.get(sourcePath.replace(/^\.?\//, ''));
  }

  /**
   * The site-relative form of `url`, or undefined when it is not a link into this site
   * (another host, `mailto:` …). `from` resolves in-page anchors and relative paths.
   */
  normalise(url: string, from?: Page): NormalisedUrl | undefined {
    let text = url.trim().replace(/^<|>$/g, '');
    text = LIQUID_URL_FILTER.exec(text)?.[2] ?? text;
    text = text.replace(LIQUID_SITE_VAR, '').trim();
    if (text.startsWith('//')) text = `https:${text}`;
    if (SCHEME.test(text)) {
      if (!/^https?:/i.test(text)) return undefined;
      const parsed = safeUrl(text);
      if (!parsed || !this.siteHost || parsed.host.toLowerCase() !== this.siteHost)
        return undefined;
      text = parsed.pathname + parsed.search + parsed.hash;
    }
    const hashAt = text.indexOf('#');
    const anchor = hashAt >= 0 ? decode(text.slice(hashAt + 1)) : undefined;
    let path = (hashAt >= 0 ? text.slice(0, hashAt) : text).replace(/\?.*$/, '');
    if (path === '') {
      if (!from) return undefined;
      path = from.permalink;
    } else if (!path.startsWith('/')) {
      path = joinRelative(from ? cleanPath(from.permalink) : '/', path);
    }
    path = cleanPath(decode(path));
    if (this.baseurl !== '/' && (path === this.baseurl || path.startsWith(`${this.baseurl}/`))) {
      path = path.slice(this.baseurl.length) || '/';
    }
    return anchor ? { path, anchor } : { path };
  }

  /** The page `url` points to, or undefined (external, or no such page). */
  resolve(url: string, from?: Page): ResolvedUrl | undefined {
    const norm = this.normalise(url, from);
    if (!norm) return undefined;
    const page = this.lookup(norm.path) ?? this.lookupRelativeToSibling(url, from);
    return page ? { ...norm, page } : undefined;
  }

  /** A config reference: a source path (`guide/01-x.md`) or a permalink. */
  resolveRef(ref: string): Page | undefined {
    return this.pageAtPath(ref) ?? this.resolve(ref)?.page;
  }

  /** The closest known permalink to a path that resolved to nothing (for hints). */
  suggest(path: string): string | undefined {
    let best: string | undefined;
    let bestScore = Infinity;
    for (const candidate of this.byPermalink.keys()) {
      const score = editDistance(path, candidate);
      if (score < bestScore) [best, bestScore] = [candidate, score];
    }
    return best !== undefined && bestScore <= Math.max(3, Math.floor(path.length / 4))
      ? best
      : undefined;
  }

  private lookup(path: string): Page | undefined {
    const exact = this.byPermalink.get(path);
    if (exact) return exact;
    // A hard-coded path prefix (`/prm-practice-migration/guide/x` while baseurl is another):
    // drop up to two leading segments, but never match the home page that way.
    const segments = path.split('/').filter(Boolean);
    for (let drop = 1; drop <= 2 && drop < segments.length; drop++) {
      const rest = `/${segments.slice(drop).join('/')}`;
      const page = this.byPermalink.get(rest);
      if (page) return page;
    }
    return undefined;
  }

  /** `kick-off` written on `/guide/get-started` (no trailing slash) means `/guide/kick-off`. */
  private lookupRelativeToSibling(url: string, from: Page | undefined): Page | undefined {
    const text = url.trim().split('#')[0] ?? '';
    if (!from || text === '' || text.startsWith('/') || SCHEME.test(text) || text.includes('{{'))
      return undefined;
    const parent = cleanPath(from.permalink).replace(/\/[^/]*$/, '') || '/';
    return this.byPermalink.get(cleanPath(joinRelative(parent, text)));
  }
}

const indexes = new WeakMap<object, PermalinkIndex>();

/** The index of a tree's pages (built once per tree). */
export function permalinkIndex(tree: Pick<SourceTree, 'pages' | 'site'>): PermalinkIndex {
  let index = indexes.get(tree);
  if (!index) indexes.set(tree, (index = new PermalinkIndex(tree.pages, tree.site)));
  return index;
}

/** The page a url of the source points to (see `PermalinkIndex.resolve`). */
export function resolvePermalink(
  url: string,
  tree: Pick<SourceTree, 'pages' | 'site'>,
  from?: Page,
): ResolvedUrl | undefined {
  return permalinkIndex(tree).resolve(url, from);
}

/** Leading slash, no trailing slash, no `.html` / `/index`, no duplicate slashes. */
export function cleanPath(path: string): string {
  let p = `/${path.trim()}`.replace(/\/{2,}/g, '/');
  p = p.replace(/\/index(\.html?|\.md|\.markdown)?$/i, '/').replace(/\.html?$/i, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

function joinRelative(base: string, rel: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function hostOf(url: string): string | undefined {
  return url ? safeUrl(url)?.host.toLowerCase() : undefined;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Levenshtein distance (for "did you mean" hints). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}
