/**
 * Links: every link to a page or anchor of the handbook becomes `#<final id>` (a PDF
 * destination, a Word bookmark); external links keep their URL. A link that resolves to
 * nothing, or to a site page that is not in the handbook, is reported with the line the
 * editor wrote it on and becomes plain text (`span.hb-broken-link`): never a dead link.
 */
import type { Element, Parent, Root } from 'hast';
import type { Diagnostics } from '../diagnostics.js';
import type { Page, SourceTree } from '../model.js';
import { collapse, el, elements, visibleText } from './hast.js';
import { locate } from './locate.js';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  hasScheme,
  normalisePath,
  resolveAgainstPage,
  siteString,
  sitePath,
  type PageResolver,
} from './resolver.js';

export interface ChapterTarget {
  id: string;
  /** Id a link may use (as on the website) → final id in the handbook. */
  ids: Map<string, string>;
}

export interface LinkContext {
  tree: SourceTree;
  resolver: PageResolver;
  /** Chapters by source path of their page. */
  chapters: Map<string, ChapterTarget>;
  diag: Diagnostics;
  /** Findings already made (the same include can appear on many pages). */
  reported: Set<string>;
}

export function rewriteLinks(root: Root, page: Page, ctx: LinkContext): void {
  const links: { node: Element; parent: Parent }[] = [];
  for (const { node, parent } of elements(root))
    if (node.tagName === 'a') links.push({ node, parent });
  for (const { node, parent } of links) rewriteLink(node, parent, page, ctx);
  for (const { node } of elements(root)) if (node.tagName === 'img') rewriteImage(node, page, ctx);
}

/**
 * A relative image is where the browser finds it: against the page's web address (its
 * permalink), not the folder of its source file. The src becomes that site path, so that the
 * renderers read the file the website shows.
 */
function rewriteImage(img: Element, page: Page, ctx: LinkContext): void {
  const src = typeof img.properties.src === 'string' ? img.properties.src.trim() : '';
  if (!src || src.startsWith('/') || hasScheme(src) || src.startsWith('#')) return;
  const site = resolveAgainstPage(src, page, ctx.tree.site);
  if (site && siteFile(site, ctx.tree)) img.properties.src = site;
}

/** Whether `sitePath` names a file of the source tree (never outside it). */
function siteFile(sitePath: string, tree: SourceTree): boolean {
  const root = path.resolve(tree.root ?? '.');
  const full = path.resolve(root, `.${sitePath}`);
  if (full !== root && !full.startsWith(root + path.sep)) return false;
  try {
    return existsSync(full) && statSync(full).isFile();
  } catch {
    return false;
  }
}

function rewriteLink(a: Element, parent: Parent, page: Page, ctx: LinkContext): void {
  const href = typeof a.properties.href === 'string' ? a.properties.href.trim() : '';
  if (!href) return;
  // Print has no tabs: target/rel of web links mean nothing in a document.
  delete a.properties.target;
  if (hasScheme(href) && sitePath(href, ctx.tree.site) === undefined) return;

  const resolved = ctx.resolver.resolve(href, page);
  const text = collapse(visibleText(a));
  if (!resolved) {
    const relative = !hasScheme(href) && !href.startsWith('/') && !href.startsWith('#');
    const target = relative ? resolveAgainstPage(href, page, ctx.tree.site) : undefined;
    const asset = assetUrl(target ? `${target}${href.replace(/^[^?#]*/, '')}` : href, ctx.tree);
    if (asset) {
      a.properties.href = asset;
      return;
    }
    if (target && siteFile(target, ctx.tree)) {
      // A file of the site (an image, a PDF) and no `url` to link it at: its text stays.
      report(
        ctx,
        page,
        href,
        text,
        'note',
        'link-to-site-file',
        `link "${text}" → ${href} is the site file ${target}; without \`url\` in _config.yml it is shown as plain text`,
        'set `url` in _config.yml so that it links to the file on the website',
      );
      return breakLink(a, parent);
    }
    report(
      ctx,
      page,
      href,
      text,
      'warning',
      'broken-link',
      `broken link "${text}" → ${href}: no page of the guide has this address`,
      'check the permalink of the page it should point to',
    );
    return breakLink(a, parent);
  }
  const leftOut = ctx.tree.leftOut;
  if (
    leftOut &&
    (leftOut.pages.has(resolved.page.path) ||
      (resolved.anchor !== undefined &&
        leftOut.anchors.has(`${resolved.page.path}#${resolved.anchor}`)))
  ) {
    // An edition left the text out (src/editions/): never a link to what its readers lack.
    report(
      ctx,
      page,
      href,
      text,
      'warning',
      'link-left-out',
      `link "${text}" → ${href} points into text the edition "${leftOut.edition}" leaves out; it is shown as plain text`,
      'reword the link, or stop leaving that text out of the edition',
    );
    return breakLink(a, parent);
  }
  const chapter = ctx.chapters.get(resolved.page.path);
  if (!chapter) {
    // A real page of the site that the handbook leaves out (feedback, home page): readers
    // can still follow it on the website, so it becomes a link to its web address.
    const web = webUrl(resolved.page.permalink, resolved.anchor, ctx.tree);
    if (web) {
      report(
        ctx,
        page,
        href,
        text,
        'note',
        'link-outside-handbook',
        `link "${text}" → ${href} points to "${resolved.page.title}" (${resolved.page.permalink}), which is not part of the handbook; it links to ${web}`,
        'add the page to the handbook if readers need it on paper',
      );
      delete a.properties.rel;
      a.properties.href = web;
      return;
    }
    report(
      ctx,
      page,
      href,
      text,
      'warning',
      'link-outside-handbook',
      `link "${text}" → ${href} points to "${resolved.page.title}" (${resolved.page.permalink}), which is not part of the handbook; it is shown as plain text`,
      'add the page to the handbook, or set `url` in _config.yml so it links to the website',
    );
    return breakLink(a, parent);
  }
  delete a.properties.rel;
  if (!resolved.anchor) {
    a.properties.href = `#${chapter.id}`;
    return;
  }
  const id =
    chapter.ids.get(resolved.anchor) ??
    chapter.ids.get(resolved.anchor.toLowerCase()) ??
    footnoteId(resolved.anchor, chapter) ??
    (resolved.anchor === chapter.id ? chapter.id : undefined);
  if (id) {
    a.properties.href = `#${id}`;
    return;
  }
  report(
    ctx,
    page,
    href,
    text,
    'warning',
    'broken-link',
    `broken link "${text}" → ${href}: "${resolved.page.title}" (${resolved.page.path}) has no heading or element with id "${resolved.anchor}"`,
    'link to an existing heading id, or give the heading an explicit {#id}',
  );
  breakLink(a, parent);
}

/**
 * kramdown's footnote ids (`#fn:name`, `#fnref:name`), written against the website, whatever
 * ids the Markdown stage gave the footnotes (GFM's `user-content-fn-name`).
 */
function footnoteId(anchor: string, chapter: ChapterTarget): string | undefined {
  const m = /^fn(ref)?:(.+)$/.exec(anchor);
  if (!m) return undefined;
  const [ref, name] = [m[1] ? 'fnref' : 'fn', m[2] ?? ''];
  for (const alt of [`user-content-${ref}-${name}`, `${ref}-${name}`, `${ref}:${name}`])
    if (chapter.ids.has(alt)) return chapter.ids.get(alt);
  return undefined;
}

/** The page's address on the website, when `_config.yml` gives the site's `url`. */
function webUrl(
  permalink: string,
  anchor: string | undefined,
  tree: SourceTree,
): string | undefined {
  const url = siteString(tree.site, 'url').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url)) return undefined;
  const base = normalisePath(siteString(tree.site, 'baseurl') || '/');
  const path = base === '/' ? permalink : `${base}${permalink === '/' ? '/' : permalink}`;
  return `${url}${path}${anchor ? `#${anchor}` : ''}`;
}

function breakLink(a: Element, parent: Parent): void {
  const i = parent.children.indexOf(a);
  if (i >= 0) parent.children[i] = el('span', { className: ['hb-broken-link'] }, a.children);
}

/** A site file that is not a page (a PDF under /assets): linked at its address on the website. */
function assetUrl(href: string, tree: SourceTree): string | undefined {
  const url = siteString(tree.site, 'url').replace(/\/+$/, '');
  const path = (hasScheme(href) ? sitePath(href, tree.site) : href)?.replace(/[?#].*$/, '');
  if (!url || !path?.startsWith('/') || !/\.(?!html?$|md$)[a-z0-9]{2,5}$/i.test(path))
    return undefined;
  const base = normalisePath(siteString(tree.site, 'baseurl') || '/');
  const full = base === '/' || path.startsWith(`${base}/`) ? path : `${base}${path}`;
  return `${url}${full}${href.slice(href.indexOf(path) + path.length)}`;
}

function report(
  ctx: LinkContext,
  page: Page,
  href: string,
  text: string,
  severity: 'error' | 'warning' | 'note',
  code: string,
  message: string,
  hint: string,
): void {
  const where = locate(ctx.tree, page, needles(href, text, ctx.tree));
  const key = `${where.file}:${where.line ?? ''}:${code}:${href}`;
  if (ctx.reported.has(key)) return;
  ctx.reported.add(key);
  ctx.diag.add({ file: where.file, line: where.line, severity, code, message, hint });
}

/** What the editor may have written for this link, most specific first. */
function needles(href: string, text: string, tree: SourceTree): string[] {
  const out = [href];
  const path = hasScheme(href) ? (sitePath(href, tree.site) ?? href) : href;
  const segments = path.split('/');
  // `{{ site.baseurl }}/guide/x#a` in the source is `/prefix/guide/x#a` here.
  for (let i = 2; i < segments.length; i++) out.push(`/${segments.slice(i).join('/')}`);
  const hash = href.indexOf('#');
  if (hash >= 0) out.push(href.slice(hash));
  // The link's text as Markdown or HTML writes it (bare text would match prose elsewhere).
  if (text) out.push(`[${text}]`, `>${text}<`);
  return out;
}
