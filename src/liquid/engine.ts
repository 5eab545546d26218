/**
 * One Liquid engine per source tree (Jekyll mode), with parsed templates cached, the `site`
 * and `page` objects Jekyll would pass, and the collection documents' own Liquid rendered once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import type { CollectionDoc, Page, SourceTree } from '../model.js';
import { frontMatterDefaults } from '../load/pages.js';
import { registerJekyllFilters } from './filters.js';
import { makeIncludeTag, makeLinkTag, type IncludeSource, type TagState } from './tags.js';
import { toolchainTemplates } from './templates.js';
import { makeHighlightTag, makeIncludeRelativeTag, makePostUrlTag } from './jekyll-tags.js';
import { NO_FILES, refusedTag } from './confined.js';
import { buildTime, registerDeterministic } from './deterministic.js';
import { MAX_LOOP_ITERATIONS } from '../limits.js';

export interface Engine {
  tree: SourceTree;
  liquid: Liquid;
  /** Parses a page (or document) body; cached by file and text. */
  parse(text: string, file: string): Template[];
  /** The `site` object, with collection documents' `content` as rendered by `renderDocs`. */
  site: Record<string, unknown>;
  /** Collection documents rendered: promise of the failures, shared by every call. */
  docs?: Promise<unknown>;
}

const engines = new WeakMap<SourceTree, Map<string, Engine>>();

/** What a build stamps: `now`, `site.time` and `sample` follow it (deterministic.ts). */
export interface BuildStamp {
  date: string;
  version: string;
}

const NO_STAMP: BuildStamp = { date: '1970-01-01', version: '' };

export function engineFor(tree: SourceTree, templatesDir?: string, stamp = NO_STAMP): Engine {
  let byDir = engines.get(tree);
  if (!byDir) engines.set(tree, (byDir = new Map()));
  const key = `${templatesDir ?? ''}\0${stamp.date}\0${stamp.version}`;
  let engine = byDir.get(key);
  if (!engine) byDir.set(key, (engine = createEngine(tree, templatesDir, stamp)));
  return engine;
}

function createEngine(
  tree: SourceTree,
  templatesDir: string | undefined,
  stamp: BuildStamp,
): Engine {
  const liquid = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    strictVariables: false,
    // An unknown filter is an error naming it (Jekyll would silently print the input).
    strictFilters: true,
    relativeReference: false,
    greedy: true,
    // No file is read by liquidjs itself: includes come from the loaded tree (tags.ts).
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    // Loops and strings count against this: `for i in (1..100000000)` fails at once.
    memoryLimit: MAX_LOOP_ITERATIONS * 100,
    // Dates in UTC, English names: the same on every machine (deterministic.ts does `now`).
    timezoneOffset: 0,
    locale: 'en-US',
  });
  liquid.registerTag('render', refusedTag('render'));
  liquid.registerTag('layout', refusedTag('layout'));
  const toolchain = toolchainTemplates(templatesDir);
  const parsedIncludes = new Map<string, Template[]>();
  const parsedPages = new Map<string, Template[]>();
  const state: TagState = {
    findInclude(name): IncludeSource | undefined {
      const own = toolchain[name];
      if (own !== undefined) return { name, text: own, origin: 'toolchain' };
      const site = tree.includes[name];
      return site === undefined ? undefined : { name, text: site, origin: 'site' };
    },
    includeNames: () =>
      [...new Set([...Object.keys(toolchain), ...Object.keys(tree.includes)])].sort(),
    parseInclude(source) {
      const key = `${source.origin}:${source.name}`;
      let tpl = parsedIncludes.get(key);
      if (!tpl) parsedIncludes.set(key, (tpl = liquid.parse(source.text, key)));
      return tpl;
    },
    linkTarget: (p) => linkTarget(tree, p),
  };
  liquid.registerTag('include', makeIncludeTag(state));
  liquid.registerTag('link', makeLinkTag(state));
  const jekyllState = {
    root: tree.root,
    // post_url as GitHub Pages (Jekyll 3) renders it, without the baseurl, like `link`.
    baseurl: '',
    permalink: tree.site.permalink,
    parseFile: (text: string, file: string) => liquid.parse(text, file),
  };
  liquid.registerTag('highlight', makeHighlightTag());
  liquid.registerTag('include_relative', makeIncludeRelativeTag(jekyllState));
  liquid.registerTag('post_url', makePostUrlTag(jekyllState));
  registerJekyllFilters(liquid, tree.site);
  registerDeterministic(liquid, stamp);
  return {
    tree,
    liquid,
    site: { ...siteObject(tree), time: buildTime(stamp.date) },
    parse(text, file) {
      const key = `${file}\0${text}`;
      let tpl = parsedPages.get(key);
      if (!tpl) parsedPages.set(key, (tpl = liquid.parse(text, file)));
      return tpl;
    },
  };
}

/**
 * `link` as GitHub Pages (Jekyll 3) renders it: the url of the page or document at a source
 * path, without the baseurl (Jekyll 4 prepends it; guides written for Pages write
 * `{{ site.baseurl }}{% link … %}`).
 */
function linkTarget(tree: SourceTree, sourcePath: string): string | undefined {
  const rel = sourcePath.replace(/^\.?\/+/, '');
  const page = tree.pages.find((p) => p.path === rel);
  if (page) return page.permalink;
  for (const docs of Object.values(tree.collections)) {
    const doc = docs.find((d) => d.path === rel);
    if (doc) return String(doc.data.url ?? '');
  }
  // A static file (PDF, image): Jekyll links it at its own path.
  if (
    !/\.(md|markdown)$/i.test(rel) &&
    // Either separator: Windows reads a backslash as one, so `..\\x.pdf` would climb out.
    !rel.split(/[\\/]/).includes('..') &&
    existsSync(path.join(tree.root, rel))
  ) {
    return `/${rel}`;
  }
  return undefined;
}

export function pageObject(tree: SourceTree, page: Page): Record<string, unknown> {
  const name = page.path.split('/').pop() ?? page.path;
  return {
    ...frontMatterDefaults(tree.site, page.path, 'pages'),
    ...page.frontMatter,
    title: page.title,
    url: page.permalink,
    path: page.path,
    name,
    dir: page.permalink.replace(/[^/]*$/, '') || '/',
  };
}

function siteObject(tree: SourceTree): Record<string, unknown> {
  const lists = Object.entries(tree.collections).map(([label, docs]) => ({
    label,
    docs: docList(docs),
  }));
  const site: Record<string, unknown> = {
    ...tree.site,
    data: tree.data,
    pages: tree.pages.map((p) => pageObject(tree, p)),
    collections: lists,
  };
  for (const { label, docs } of lists) site[label] = docs;
  return site;
}

/** The documents as Liquid sees them; copies, so rendering their content never edits the tree. */
function docList(docs: CollectionDoc[]): Record<string, unknown>[] {
  return docs.map((d) => ({ ...d.data }));
}
