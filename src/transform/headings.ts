/**
 * Heading levels in a chapter: the chapter title is the h1, so the body's headings start at
 * h2 and never skip a level (h2 → h4 becomes h2 → h3, and the editor is told where).
 * Headings inside components (care card heading, step titles) are real headings at the level
 * that fits where they stand, but marked `data-hb-outline="false"`: they are not listed in
 * the contents or the PDF bookmarks.
 */
import type { Element, Root } from 'hast';
import type { Diagnostics } from '../diagnostics.js';
import type { Page } from '../model.js';
import { collapse, elements, hasClass, headingRank, visibleText } from './hast.js';
import { headingLine } from './locate.js';

/** Ancestors that open a level of their own for the headings inside them. */
function isComponentBox(e: Element): boolean {
  if (['aside', 'section', 'article'].includes(e.tagName)) return true;
  if (hasClass(e, 'hb-step') || hasClass(e, 'hb-inset')) return true;
  return e.children.some((c) => headingRank(c) !== undefined);
}

export function isComponentHeading(e: Element): boolean {
  return e.properties.dataHbOutline === 'false';
}

export function normaliseHeadings(root: Root, page: Page, diag: Diagnostics): void {
  const bodyHeadings = root.children.filter((c): c is Element => headingRank(c) !== undefined);
  // A page written with `#` sections is shifted down a level; otherwise the body's top
  // level is h2 and a first heading deeper than that is a skip.
  const minRank = Math.min(...bodyHeadings.map((h) => headingRank(h) ?? 6));
  const base = minRank < 2 ? minRank - 1 : 1;
  const stack: { source: number; level: number }[] = [{ source: base, level: 1 }];
  let current = 1;

  for (const { node, ancestors } of elements(root)) {
    const rank = headingRank(node);
    if (rank === undefined) continue;
    if (ancestors.length > 0) {
      const depth = Math.max(1, ancestors.filter(isComponentBox).length);
      node.tagName = `h${Math.min(6, current + depth)}`;
      node.properties.dataHbOutline = 'false';
      continue;
    }
    while (stack.length > 1 && (stack.at(-1)?.source ?? 0) >= rank) stack.pop();
    const parent = stack.at(-1) ?? { source: base, level: 1 };
    const level = Math.min(6, parent.level + 1);
    if (rank > parent.source + 1) {
      const text = collapse(visibleText(node));
      diag.warning(
        page.path,
        headingLine(page.raw, text),
        'heading-skip',
        `heading "${text}" skips a level (h${parent.source < 1 ? 1 : parent.source} → h${rank}); it becomes h${level}`,
        'use the next heading level down (## then ###)',
      );
    }
    stack.push({ source: rank, level });
    node.tagName = `h${level}`;
    current = level;
  }
}

/** Removes a first body heading that repeats the chapter title (the title is the h1). */
export function dropRepeatedTitle(root: Root, title: string): void {
  const i = root.children.findIndex((c) => c.type === 'element');
  const first = root.children[i];
  if (
    first &&
    headingRank(first) === 1 &&
    collapse(visibleText(first)).toLowerCase() === collapse(title).toLowerCase()
  ) {
    root.children.splice(i, 1);
  }
}
