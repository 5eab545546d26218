/**
 * What Jekyll would accept silently but the handbook must not: a `_config.yml` that is not a
 * set of settings, two pages at one permalink (the site would publish one over the other and
 * links go to whichever won), and a source with nothing to publish.
 */
import type { Page, SourceTree } from '../model.js';
import { HandbookError } from '../errors.js';
import { frontMatterLine } from './front-matter.js';
import { cleanPath } from './permalinks.js';

/** `_config.yml` as parsed: a map, or nothing at all (an empty file). */
export function siteSettings(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const what = Array.isArray(value) ? 'a list' : `a single value (${JSON.stringify(value)})`;
  throw new HandbookError('CONFIG', `_config.yml is ${what}, not a set of "key: value" settings`, {
    file: '_config.yml',
    line: 1,
    hint: 'write _config.yml as key: value lines, e.g. title: My guide',
  });
}

/** Throws DUPLICATE_PERMALINK naming both files when two pages share a permalink. */
export function assertUniquePermalinks(pages: readonly Page[]): void {
  const seen = new Map<string, Page>();
  for (const page of pages) {
    const key = cleanPath(page.permalink);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, page);
      continue;
    }
    throw new HandbookError(
      'DUPLICATE_PERMALINK',
      `${page.path} and ${first.path} both have the permalink ${key}`,
      {
        file: page.path,
        line: frontMatterLine(page.raw, 'permalink') ?? 1,
        hint: `give each page its own permalink (Jekyll would publish one over the other)`,
      },
    );
  }
}

/** Throws NO_PAGES when the source has no page, or none that is in the reading order. */
export function assertHasChapters(tree: Pick<SourceTree, 'root' | 'pages' | 'order'>): void {
  if (tree.order.length > 0) return;
  const message =
    tree.pages.length === 0
      ? `no pages in ${tree.root}: there is nothing to make a handbook of`
      : `none of the ${tree.pages.length} page(s) in ${tree.root} is in the reading order`;
  throw new HandbookError('NO_PAGES', message, {
    file: tree.root,
    hint:
      tree.pages.length === 0
        ? 'a page is a Markdown file that starts with front matter (--- lines), e.g. guide/index.md; check --source'
        : 'list the chapters in handbook.yml (order:) or link them from the navigation data',
  });
}
