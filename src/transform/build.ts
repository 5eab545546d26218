/**
 * The transform: parsed pages → the one Handbook tree that every renderer reads. Shared
 * decisions are made here, once: chapter ids, heading levels, unique ids, which links are
 * internal, component markup and the appendix. Pure: the parsed trees are not modified.
 */
import type { Root } from 'hast';
import type { Diagnostics } from '../diagnostics.js';
import type { Chapter, Handbook, Page, ParsedPage, SourceTree } from '../model.js';
import { buildAppendix } from './appendix.js';
import { chapterIdBase } from './chapter-id.js';
import { normaliseComponents } from './components.js';
import { dropRepeatedTitle, normaliseHeadings } from './headings.js';
import { assignIds, IdRegistry } from './ids.js';
import { rewriteLinks, type ChapterTarget } from './links.js';
import { handbookMeta } from './meta.js';
import { buildOutline } from './outline.js';
import { createPageResolver, type PageResolver } from './resolver.js';
import { checkResolvedLinks, sanitizeBody, type SanitizeContext } from './sanitize.js';

export interface BuildHandbookOptions {
  /** How links find their page; default: built from the SourceTree's pages. */
  resolver?: PageResolver;
}

interface Draft {
  page: Page;
  part?: string;
  id: string;
  body: Root;
  ids: Map<string, string>;
}

export function buildHandbook(
  tree: SourceTree,
  pages: ParsedPage[],
  meta: { version: string; date: string },
  diag: Diagnostics,
  options: BuildHandbookOptions = {},
): Handbook {
  const registry = new IdRegistry();
  const unsafe = { tree, diag, reported: new Set<string>() };
  const drafts = prepare(tree, pages, registry, unsafe);
  const appendixId = registry.claim('appendix-a');
  for (const d of drafts) d.ids = assignIds(d.body, registry);

  const targets = new Map<string, ChapterTarget>(
    drafts.map((d) => [d.page.path, { id: d.id, ids: d.ids }]),
  );
  const ctx = {
    tree,
    resolver: options.resolver ?? createPageResolver(tree),
    chapters: targets,
    diag,
    reported: new Set<string>(),
  };
  const chapters: Chapter[] = drafts.map((d) => {
    rewriteLinks(d.body, d.page, ctx);
    checkResolvedLinks(d.body, unsafe);
    return toChapter(d, buildOutline(d.body));
  });

  const appendix = buildAppendix({
    tree,
    chapters,
    idMaps: new Map(drafts.map((d) => [d.id, d.ids])),
    id: appendixId,
    diag,
  });
  return {
    meta: handbookMeta(tree, meta),
    releases: tree.releases ?? [],
    chapters,
    appendices: appendix ? [appendix] : [],
  };
}

/**
 * Chapters in reading order with their ids claimed first (links and the contents point at
 * them, so they must not be displaced by a heading of the same name), bodies cloned and
 * their components and heading levels normalised.
 */
function prepare(
  tree: SourceTree,
  pages: ParsedPage[],
  registry: IdRegistry,
  unsafe: SanitizeContext,
): Draft[] {
  const drafts: Draft[] = readingOrder(tree, pages, unsafe.diag).map(({ source, part }) => ({
    page: source.page,
    id: registry.claim(chapterIdBase(source.page)),
    body: structuredClone(source.tree),
    ids: new Map(),
    ...(part ? { part } : {}),
  }));
  for (const d of drafts) d.body = prepareBody(d.body, d.page, unsafe);
  return drafts;
}

/** The parsed pages in reading order, each once; a page in the order that was not parsed is reported. */
export function readingOrder(
  tree: SourceTree,
  pages: ParsedPage[],
  diag: Diagnostics,
): { source: ParsedPage; part?: string }[] {
  const parsed = new Map(pages.map((p) => [p.page.path, p]));
  const order: SourceTree['order'] =
    tree.order.length > 0 ? tree.order : pages.map((p) => ({ page: p.page }));
  const seen = new Set<string>();
  const out: { source: ParsedPage; part?: string }[] = [];
  for (const entry of order) {
    const source = parsed.get(entry.page.path);
    if (seen.has(entry.page.path)) continue;
    seen.add(entry.page.path);
    if (!source) {
      diag.warning(
        entry.page.path,
        undefined,
        'page-not-parsed',
        `"${entry.page.title}" is in the reading order but was not parsed; it is left out`,
      );
      continue;
    }
    out.push(entry.part ? { source, part: entry.part } : { source });
  }
  return out;
}

/**
 * One chapter body made ready for ids and links (mutates `body`, a clone). Per chapter: it
 * reads nothing of the other chapters (serve's incremental transform relies on that).
 */
export function prepareBody(body: Root, page: Page, unsafe: SanitizeContext): Root {
  normaliseComponents(body);
  // After the components (their web markup is rewritten first), before ids and links.
  const out = sanitizeBody(body, page, unsafe);
  dropRepeatedTitle(out, page.title);
  normaliseHeadings(out, page, unsafe.diag);
  return out;
}

/** The chapter a draft becomes once its ids and links are final. */
export function toChapter(
  d: { page: Page; id: string; part?: string; body: Root },
  outline: Chapter['outline'],
): Chapter {
  const chapter: Chapter = {
    id: d.id,
    kind: 'chapter',
    title: d.page.title,
    source: d.page.path,
    permalink: d.page.permalink,
    body: d.body,
    outline,
  };
  if (d.page.subtitle?.trim()) chapter.subtitle = d.page.subtitle.trim();
  if (d.part) chapter.part = d.part;
  return chapter;
}
