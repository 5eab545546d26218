/**
 * What a page's Liquid output depends on, as a memo key: the page's own file, the includes it
 * pulls in (transitively, the toolchain's print templates first, as the engine finds them) and,
 * when any of that text reads the parts of `site` made from other files (data, collections,
 * other pages), everything those are made of. `_config.yml` is always part of the key: it sets the front matter defaults
 * and the filters' base URLs, so a config change expands every page again.
 *
 * Conservative by construction: a dynamic include name (`{% include {{ x }} %}`) depends on
 * every include, and a page with `{% link %}` depends on every page and collection document
 * (their permalinks) and on the files on disk (static files), through `filesEpoch`.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Page, SourceTree } from '../model.js';

const INCLUDE = /\{%-?\s*include\s+((?:\{\{[\s\S]*?\}\}|[^\s%])+)/g;
const SITE = /\bsite\b(\s*\.\s*(\w+))?/g;
/** `site` members made from more than `_config.yml`. */
const DERIVED = new Set([
  'data',
  'pages',
  'collections',
  'documents',
  'posts',
  'static_files',
  'html_pages',
]);
const LINK_TAG = /\{%-?\s*link\s/;

export interface LiquidKeyContext {
  tree: SourceTree;
  toolchain: Record<string, string>;
  /** Hash of everything the `site` object is made of, computed once per tree. */
  siteHash: string;
  configHash: string;
  /** Changes whenever files other than text sources may have changed (see Pipeline). */
  filesEpoch: number;
  /** Keys made so far: a page object is replaced, never changed, when its file is edited. */
  keys: WeakMap<Page, string>;
}

export function liquidContext(
  tree: SourceTree,
  toolchain: Record<string, string>,
  filesEpoch = 0,
): LiquidKeyContext {
  const configHash = digest(JSON.stringify(tree.site));
  const siteHash = digest(
    JSON.stringify({
      data: tree.data,
      pages: tree.pages.map((p) => [p.path, p.permalink, p.title, p.frontMatter]),
      collections: Object.entries(tree.collections).map(([name, docs]) => [
        name,
        docs.map((d) => [d.path, d.raw]),
      ]),
    }),
  );
  return { tree, toolchain, siteHash, configHash, filesEpoch, keys: new WeakMap() };
}

/** The memo key of a page's expansion. */
export function liquidKey(ctx: LiquidKeyContext, page: Page): string {
  let key = ctx.keys.get(page);
  if (key === undefined) {
    key = pageKey(ctx, page);
    ctx.keys.set(page, key);
  }
  return key;
}

function pageKey(ctx: LiquidKeyContext, page: Page): string {
  const texts: string[] = [];
  const seen = new Set<string>();
  let all = false;
  const visit = (text: string): void => {
    for (const m of text.matchAll(INCLUDE)) {
      const raw = m[1] ?? '';
      if (raw.includes('{{')) {
        all = true;
        continue;
      }
      const name = posix.normalize(raw.trim());
      if (seen.has(name)) continue;
      seen.add(name);
      const body = ctx.toolchain[name] ?? ctx.tree.includes[name];
      texts.push(`${name}\0${body ?? '\0missing'}`);
      if (body !== undefined) visit(body);
    }
  };
  visit(page.body);
  const links = LINK_TAG.test(page.body) || texts.some((t) => LINK_TAG.test(t));
  const readsSite =
    all ||
    links ||
    readsDerived(page.body, ctx.tree) ||
    texts.some((t) => readsDerived(t, ctx.tree));
  return digest(
    [
      page.path,
      page.raw,
      ctx.configHash,
      readsSite ? ctx.siteHash : '',
      links ? `files:${ctx.filesEpoch}` : '',
      all ? JSON.stringify(ctx.tree.includes) : texts.join('\0'),
    ].join('\0\0'),
  );
}

/**
 * Whether the text reads a part of `site` that is not plain `_config.yml` (which is in every
 * key anyway): data, pages, collections, or `site` as a whole.
 */
function readsDerived(text: string, tree: SourceTree): boolean {
  for (const m of text.matchAll(SITE)) {
    const member = m[2];
    if (!member || DERIVED.has(member) || member in tree.collections) return true;
  }
  return false;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
