/**
 * Zero configuration: which of the `_data` navigation lists describe the guide's reading order.
 * The guide's sidebar links pages that follow each other through `nextpage`; a site menu or a
 * list of home-page promotions links the home page, other sites, or pages in no chain.
 */
import type { NavigationList, Page } from '../model.js';
import type { PermalinkIndex } from './permalinks.js';

export interface ListStats {
  list: NavigationList;
  /** Entries whose url is a page of the site. */
  resolved: number;
  /** Entries pointing to another site. */
  external: number;
  /** Entries pointing to the home page (`/`). */
  home: number;
  /** Consecutive entries that are also consecutive in the `nextpage` chain. */
  chainPairs: number;
}

export function listStats(list: NavigationList, index: PermalinkIndex): ListStats {
  const pages = list.entries.map((e) => index.resolve(e.url)?.page);
  const stats: ListStats = { list, resolved: 0, external: 0, home: 0, chainPairs: 0 };
  list.entries.forEach((e, i) => {
    const norm = index.normalise(e.url);
    if (!norm) stats.external++;
    else if (norm.path === '/') stats.home++;
    if (pages[i]) stats.resolved++;
  });
  for (let i = 0; i + 1 < pages.length; i++) {
    const [a, b] = [pages[i], pages[i + 1]];
    if (a && b && (linksTo(a.nextpage, b, index) || linksTo(b.previouspage, a, index)))
      stats.chainPairs++;
  }
  return stats;
}

function linksTo(url: string | undefined, page: Page, index: PermalinkIndex): boolean {
  return url !== undefined && index.resolve(url)?.page === page;
}

const SIDEBARS = /^_data\/sidebars\/(.+)\.(ya?ml|json)$/i;

/**
 * The lists to follow, in data-file order. The documentation theme's `_data/sidebars/` in the
 * order `_config.yml`'s `sidebars` names them. With `nextpage` chains in the site, the lists
 * that follow them; otherwise the largest list of site pages that is not a menu (no external
 * link, the home page at most once). Either way with the other page lists of the same data
 * file (a sidebar in several sections: "Checklists by role" after the guide's phases).
 */
export function chooseNavigation(
  all: ListStats[],
  siteHasChains: boolean,
  sidebarNames: readonly string[] = [],
): ListStats[] {
  const mostlyPages = all.filter(
    (s) => s.resolved * 2 >= s.list.entries.length && s.external * 2 < s.list.entries.length,
  );
  const sidebars = mostlyPages.filter((s) => SIDEBARS.test(s.list.file));
  if (sidebars.length > 0) return inSidebarOrder(sidebars, sidebarNames);
  // In the order the data files hold them: a sidebar split into sections is read top to bottom.
  const chained = mostlyPages.filter(
    (s) => s.chainPairs >= 1 && (s.home === 0 || s.chainPairs >= 2),
  );
  if (chained.length > 0) return withCompanions(chained, mostlyPages);
  if (siteHasChains) return chained;
  const plain = mostlyPages.filter((s) => s.home <= 1 && s.external === 0 && s.resolved >= 2);
  const best = [...plain].sort((a, b) => b.resolved - a.resolved)[0];
  return best ? withCompanions([best], mostlyPages) : [];
}

/** The chosen lists plus the other lists of pages in their data files, in file order. */
function withCompanions(chosen: ListStats[], candidates: ListStats[]): ListStats[] {
  const files = new Set(chosen.map((s) => s.list.file));
  return candidates.filter(
    (s) =>
      chosen.includes(s) ||
      (files.has(s.list.file) && s.home === 0 && s.external === 0 && s.resolved >= 1),
  );
}

function inSidebarOrder(lists: ListStats[], names: readonly string[]): ListStats[] {
  const rank = (s: ListStats): number => {
    const i = names.indexOf(SIDEBARS.exec(s.list.file)?.[1] ?? '');
    return i < 0 ? names.length : i;
  };
  // A stable sort: lists of one file, and files the config does not name, keep their order.
  return [...lists].sort((a, b) => rank(a) - rank(b));
}

export function listName(list: NavigationList): string {
  return list.key ? `${list.file} (${list.key})` : list.file;
}
