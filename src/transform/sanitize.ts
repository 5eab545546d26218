/**
 * Sanitising, once, in the tree every renderer reads: raw HTML in a page (or an include) may
 * hold scripts, handlers, embedding elements, forms, fetching links or styles; none of it
 * reaches the HTML, the PDF or the Word file. It runs on each chapter body after components
 * are normalised (their NHS.UK markup is rewritten first) and before links are resolved, so
 * that site-relative links still find their pages; every removal is reported, with the line,
 * as what the website would show that the handbook will not.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostics } from '../diagnostics.js';
import type { Page, SourceTree } from '../model.js';
import { locate, tokenLines, type Location } from './locate.js';
import { HANDBOOK_SCHEMA } from './sanitize-schema.js';
import { screen, type Removal, type SvgResult } from './sanitize-screen.js';
import { pushAll } from '../arrays.js';

export interface SanitizeContext {
  tree: SourceTree;
  diag: Diagnostics;
  /** Findings already made (the same include can appear on many pages). */
  reported: Set<string>;
}

/** The body with everything outside the handbook schema removed; each removal reported. */
export function sanitizeBody(body: Root, page: Page, ctx: SanitizeContext): Root {
  for (const removal of screen(body, sanitizeSvg)) {
    const where = locateRemoval(ctx.tree, page, removal);
    const key = `${where.file}:${where.line ?? ''}:${removal.message}`;
    if (ctx.reported.has(key)) continue;
    ctx.reported.add(key);
    ctx.diag.add({
      file: where.file,
      line: where.line,
      severity: 'warning',
      code: 'unsafe-html',
      message: removal.message,
      hint:
        removal.hint ??
        'the handbook carries no scripts, embeds, forms or styles; write it as Markdown or plain HTML',
    });
  }
  return sanitize(body, HANDBOOK_SCHEMA) as Root;
}

/**
 * The removed thing's own text in the page, nearest to the node's position (lines of the
 * expanded body: right where Liquid left the lines alone); else in an include or collection
 * document; else the position; else the attribute's name.
 */
function locateRemoval(tree: SourceTree, page: Page, removal: Removal): Location {
  const pos = removal.node.position?.start.line;
  const lines = page.raw.split('\n').length;
  const expected = pos === undefined ? undefined : page.bodyLine + pos - 1;
  for (const needle of removal.needles) {
    const hits = tokenLines(page.raw, needle);
    if (hits.length > 0) return { file: page.path, line: nearest(hits, expected) };
  }
  const elsewhere = locate(tree, page, removal.needles);
  if (elsewhere.line !== undefined) return elsewhere;
  const near = removal.fallback
    .map((needle) => tokenLines(page.raw, needle))
    .filter((hits) => hits.length > 0)
    .map((hits) => nearest(hits, expected));
  // The attribute's name close to where the node was parsed (the Markdown stage's own text
  // passes may have moved it by a line or two); else that position; else its first use.
  const close = near.find((l) => expected === undefined || Math.abs(l - expected) <= 3);
  if (close !== undefined) return { file: page.path, line: close };
  if (expected !== undefined && expected <= lines) return { file: page.path, line: expected };
  return near[0] === undefined ? { file: page.path } : { file: page.path, line: near[0] };
}

function nearest(lines: number[], expected: number | undefined): number {
  if (expected === undefined) return lines[0]!;
  return lines.reduce((best, l) => (Math.abs(l - expected) < Math.abs(best - expected) ? l : best));
}

/**
 * An SVG document (a data: URL's or a file's) with the same schema: drawing elements only,
 * no script, foreignObject, style or external reference. Returns the text and what went.
 */
export function sanitizeSvg(text: string): SvgResult {
  const tree = fromHtml(text, { fragment: true });
  const removed = screen(tree, () => ({ text: '', removed: ['a nested SVG image is removed'] }));
  const clean = sanitize(tree, HANDBOOK_SCHEMA) as Root;
  clean.children = clean.children.filter((c) => c.type === 'element' && c.tagName === 'svg');
  return { text: toHtml(clean, { space: 'svg' }), removed: removed.map((r) => r.message) };
}

/** What a link may point to once links are resolved: the web, mail, phone or the handbook. */
const FINAL_HREF = /^(https?:\/\/[^\\/]|mailto:|tel:|#)/i;

/**
 * After link resolution, links built from `_config.yml` (`url`) are checked once more: a
 * site url that is no web address must not turn into a `javascript:` or `file:` link.
 */
export function checkResolvedLinks(body: Root, ctx: SanitizeContext): void {
  const stack: Root['children'] = [...body.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && !FINAL_HREF.test(href.trim())) {
      delete node.properties.href;
      const key = `_config.yml::final:${href}`;
      if (!ctx.reported.has(key)) {
        ctx.reported.add(key);
        ctx.diag.warning(
          '_config.yml',
          undefined,
          'unsafe-html',
          `a link resolved to ${href.slice(0, 60)}, which is no web address; it is shown as text`,
          'set url in _config.yml to the https:// address of the site',
        );
      }
    }
    pushAll(stack, node.children);
  }
}
