/**
 * The handbook's reading order. Configured (`chapters` / `parts` in handbook.yml) or, with zero
 * configuration, the guide's navigation list(s) combined with the `nextpage` chain. Every page
 * of the site ends up in the order, excluded by config, or reported: never dropped silently.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { NavigationList, Page, SourceTree } from '../model.js';
import type { LoadedConfig } from './config.js';
import { CONFIG_FILE, formatKeyPath } from './config.js';
import { frontMatterLine } from './front-matter.js';
import { chooseNavigation, listName, listStats } from './navigation-choice.js';
import type { PermalinkIndex } from './permalinks.js';
import { guideScope, notHome, scopeLabel } from './guide-scope.js';
import { frontMatterOrder, outsideNavigation, usesFrontMatterOrder } from './front-matter-order.js';

type Order = SourceTree['order'];

export interface OrderInput {
  pages: Page[];
  navigation: NavigationList[];
  loaded: LoadedConfig;
  index: PermalinkIndex;
  /** `_config.yml` (for the documentation theme's `sidebars` order). */
  site?: Record<string, unknown>;
}

export function decideOrder(input: OrderInput, diag: Diagnostics): Order {
  const { config } = input.loaded;
  const excluded = resolveRefs(config.exclude, ['exclude'], input, diag, 'warning');
  const order: Order = [];
  const seen = new Set<Page>(excluded.keys());
  const add = (page: Page, part?: string): void => {
    if (seen.has(page)) return;
    seen.add(page);
    order.push(part === undefined ? { page } : { part, page });
  };

  if (config.parts || config.chapters) {
    const groups = config.parts
      ? config.parts.map((p, i) => ({
          part: p.title as string | undefined,
          refs: p.chapters,
          at: ['parts', i, 'chapters'],
        }))
      : [{ part: undefined, refs: config.chapters ?? [], at: ['chapters'] }];
    for (const g of groups) {
      for (const page of resolveRefs(g.refs, g.at, input, diag, 'error').keys()) add(page, g.part);
    }
  } else {
    leaveOutOfNavigation(input, diag).forEach((p) => seen.add(p));
    zeroConfigOrder(input, diag, seen).forEach((p) => add(p));
  }

  appendUnreached(input, config.unreachable, seen, diag).forEach((p) => add(p));
  checkNextpages(order, input.index, diag);
  checkAppendixPage(input, diag);
  return order;
}

/** The appendix page is resolved by the transform; an unknown one is caught here, with its line. */
function checkAppendixPage(input: OrderInput, diag: Diagnostics): void {
  const ref = input.loaded.config.appendix?.page;
  if (ref === undefined || input.index.resolveRef(ref)) return;
  diag.error(
    CONFIG_FILE,
    input.loaded.lineOf(['appendix', 'page']),
    'config-unknown-page',
    `appendix.page: ${ref} is no page of the site`,
    'give the permalink or source path of the page holding the reference list',
  );
}

/** Config references → pages (in order); unknown ones are findings at their handbook.yml line. */
function resolveRefs(
  refs: string[],
  at: (string | number)[],
  input: OrderInput,
  diag: Diagnostics,
  severity: 'error' | 'warning',
): Map<Page, number> {
  const found = new Map<Page, number>();
  refs.forEach((ref, i) => {
    const page = input.index.resolveRef(ref);
    const line = input.loaded.lineOf([...at, i]);
    if (page) {
      if (found.has(page))
        diag.warning(
          CONFIG_FILE,
          line,
          'config-duplicate-page',
          `${formatKeyPath([...at, i])}: ${ref} is listed twice; the first place is kept`,
        );
      else found.set(page, i);
      return;
    }
    const norm = input.index.normalise(ref);
    const suggestion = norm && input.index.suggest(norm.path);
    diag.add({
      file: CONFIG_FILE,
      line,
      severity,
      code: 'config-unknown-page',
      message: `${formatKeyPath([...at, i])}: ${ref} is no page of the site`,
      hint: suggestion
        ? `did you mean ${suggestion}?`
        : 'give a permalink (/guide/kick-off) or a source path (guide/01-kick-off.md)',
    });
  });
  return found;
}

/** 404 and `nav_exclude` pages: the site's navigation never shows them; no chapters. */
function leaveOutOfNavigation(input: OrderInput, diag: Diagnostics): Page[] {
  const out: Page[] = [];
  for (const page of input.pages) {
    const why = outsideNavigation(page);
    if (!why) continue;
    out.push(page);
    diag.note(
      page.path,
      frontMatterLine(page.raw, why === '404' ? 'permalink' : 'nav_exclude') ?? 1,
      'not-a-chapter',
      why === '404'
        ? `page ${page.permalink} is the site's "not found" page; it is not in the handbook`
        : `page ${page.permalink} has nav_exclude: true; it is not in the handbook`,
      'list it under chapters in handbook.yml to include it',
    );
  }
  return out;
}

/** Navigation entries in order, each followed by the pages its `nextpage` chain adds. */
function zeroConfigOrder(
  input: OrderInput,
  diag: Diagnostics,
  excluded: ReadonlySet<Page>,
): Page[] {
  const { index } = input;
  const nextOf = (p: Page): Page | undefined =>
    p.nextpage ? index.resolve(p.nextpage, p)?.page : undefined;
  const siteHasChains = input.pages.some((p) => nextOf(p) !== undefined);
  const chosen = pickLists(input, siteHasChains, diag);
  const navPages: Page[] = [];
  for (const stats of chosen) {
    diag.note(
      stats.list.file,
      stats.list.entries[0]?.line,
      'navigation-used',
      `reading order taken from ${listName(stats.list)}`,
    );
    for (const entry of stats.list.entries) {
      const page = index.resolve(entry.url)?.page;
      if (page) navPages.push(page);
      else reportDeadEntry(stats.list, entry, index, diag);
    }
  }
  // No navigation data and no chain: the site orders its pages by front matter (just-the-docs).
  if (navPages.length === 0 && !siteHasChains && usesFrontMatterOrder(input.pages)) {
    const ordered = frontMatterOrder(input.pages).filter((p) => !excluded.has(p));
    if (ordered[0])
      diag.note(
        ordered[0].path,
        1,
        'navigation-used',
        'reading order taken from the pages’ nav_order and parent front matter',
      );
    return ordered;
  }
  const navSet = new Set(navPages);
  const out: Page[] = [];
  const seen = new Set<Page>(excluded);
  const start = navPages.length > 0 ? undefined : chainStart(input.pages, nextOf, index);
  // Without navigation the chain itself defines the guide; only the home page is outside it.
  const scope = navPages.length > 0 ? guideScope(navPages) : notHome;
  const follow = (start: Page): void => {
    for (let p: Page | undefined = start; p && !seen.has(p); p = nextOf(p)) {
      if (p !== start && navSet.has(p)) break;
      // A nextpage that leaves the guide (to /feedback, /contact) ends the chain.
      if (p !== start && !scope(p)) break;
      seen.add(p);
      out.push(p);
    }
  };
  if (navPages.length > 0) navPages.forEach(follow);
  else if (start) follow(start);
  return out;
}

function pickLists(
  input: OrderInput,
  siteHasChains: boolean,
  diag: Diagnostics,
): ReturnType<typeof chooseNavigation> {
  const stems = input.loaded.config.navigation;
  const all = input.navigation.map((l) => listStats(l, input.index));
  const sidebars = input.site?.sidebars;
  if (!stems)
    return chooseNavigation(
      all,
      siteHasChains,
      Array.isArray(sidebars) ? sidebars.map(String) : [],
    );
  return stems.flatMap((stem, i) => {
    const lists = all.filter((s) => s.list.file.replace(/^_data\/|\.(ya?ml|json)$/g, '') === stem);
    if (lists.length === 0) {
      diag.error(
        CONFIG_FILE,
        input.loaded.lineOf(['navigation', i]),
        'config-unknown-navigation',
        `navigation[${i}]: _data/${stem}.yml holds no list of {title, url}`,
        'name a data file of _data/ without its extension',
      );
    }
    return lists;
  });
}

function reportDeadEntry(
  list: NavigationList,
  entry: NavigationList['entries'][number],
  index: PermalinkIndex,
  diag: Diagnostics,
): void {
  const norm = index.normalise(entry.url);
  const suggestion = norm && index.suggest(norm.path);
  diag.warning(
    list.file,
    entry.line,
    'navigation-dead-entry',
    `navigation entry "${entry.title}" links to ${entry.url}, which is no page of the site; the entry is skipped`,
    suggestion ? `did you mean ${suggestion}?` : 'fix the url or remove the entry',
  );
}

/** Without navigation: the longest chain that starts at a page nothing precedes. */
function chainStart(
  pages: Page[],
  nextOf: (p: Page) => Page | undefined,
  index: PermalinkIndex,
): Page | undefined {
  const length = (p: Page): number => {
    const seen = new Set<Page>();
    for (let q: Page | undefined = p; q && !seen.has(q); q = nextOf(q)) seen.add(q);
    return seen.size;
  };
  const pointedTo = new Set(pages.map(nextOf).filter((p): p is Page => p !== undefined));
  const heads = pages.filter(
    (p) => !pointedTo.has(p) && !(p.previouspage && index.resolve(p.previouspage, p)),
  );
  const candidates = (heads.length ? heads : pages).filter((p) => nextOf(p) !== undefined);
  return candidates.sort((a, b) => length(b) - length(a))[0];
}

/** Pages no navigation or chain reached: appended (following their own chains) or excluded. */
function appendUnreached(
  input: OrderInput,
  mode: 'append' | 'exclude',
  seen: ReadonlySet<Page>,
  diag: Diagnostics,
): Page[] {
  const inScope = guideScope([...seen]);
  const outside = input.pages.filter((p) => !seen.has(p) && !inScope(p));
  for (const page of outside) {
    diag.note(
      page.path,
      frontMatterLine(page.raw, 'permalink') ?? 1,
      'site-page-left-out',
      `page ${page.permalink} is a page of the site outside the guide (not under ${scopeLabel([...seen])}); it is not in the handbook`,
      'list it under chapters in handbook.yml to include it',
    );
  }
  const rest = input.pages.filter((p) => !seen.has(p) && inScope(p));
  const restSet = new Set(rest);
  const nextOf = (p: Page): Page | undefined => {
    const n = p.nextpage ? input.index.resolve(p.nextpage, p)?.page : undefined;
    return n && restSet.has(n) ? n : undefined;
  };
  const pointedTo = new Set(rest.map(nextOf));
  const ordered: Page[] = [];
  const done = new Set<Page>();
  for (const head of [...rest.filter((p) => !pointedTo.has(p)), ...rest]) {
    for (let p: Page | undefined = head; p && !done.has(p); p = nextOf(p)) {
      done.add(p);
      ordered.push(p);
    }
  }
  for (const page of ordered) {
    const what =
      mode === 'append'
        ? 'appended at the end of the handbook'
        : 'left out of the handbook (unreachable: exclude)';
    diag.warning(
      page.path,
      frontMatterLine(page.raw, 'permalink') ?? 1,
      'unreachable-page',
      `page ${page.permalink} is reached by no navigation entry or nextpage; ${what}`,
      'link it from the navigation data or a nextpage, or list it under exclude in handbook.yml',
    );
  }
  return mode === 'append' ? ordered : [];
}

/** A `nextpage` that leads nowhere, or out of the handbook, is worth an editor's look. */
function checkNextpages(order: Order, index: PermalinkIndex, diag: Diagnostics): void {
  const inOrder = new Set(order.map((o) => o.page));
  for (const { page } of order) {
    if (!page.nextpage) continue;
    const line = frontMatterLine(page.raw, 'nextpage');
    const norm = index.normalise(page.nextpage, page);
    const target = index.resolve(page.nextpage, page)?.page;
    if (!norm) {
      diag.note(
        page.path,
        line,
        'nextpage-outside-guide',
        `nextpage ${page.nextpage} points outside the site; the handbook does not follow it`,
      );
    } else if (!target) {
      const suggestion = index.suggest(norm.path);
      diag.warning(
        page.path,
        line,
        'nextpage-dead',
        `nextpage ${page.nextpage} is no page of the site`,
        suggestion ? `did you mean ${suggestion}?` : 'fix or remove the nextpage',
      );
    } else if (!inOrder.has(target)) {
      diag.note(
        page.path,
        line,
        'nextpage-outside-guide',
        `nextpage ${page.nextpage} points to a page that is not part of the handbook`,
      );
    }
  }
}
