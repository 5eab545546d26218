/**
 * The size limits (MAX_PAGE_ELEMENTS, MAX_HANDBOOK_ELEMENTS), which bound the build's memory:
 * every stage holds a few objects per element, so the element count of the trees bounds them
 * all. Like the nesting limit (nesting.ts), a page is checked twice, without recursion:
 *
 * - before parsing, an estimate from the text: the parsers are where a huge page costs most
 *   (some 25 KB per link), so a page certainly beyond the limit must never reach them. The
 *   estimate counts only markup that almost always makes an element, and a quarter of the
 *   emphasis marks, so it errs low;
 * - after parsing, the exact count, located at the element that crosses the limit; and the
 *   running total of all pages against the handbook's limit.
 */
import type { Root, RootContent } from 'hast';
import { HandbookError } from '../errors.js';
import { MAX_HANDBOOK_ELEMENTS, MAX_PAGE_ELEMENTS } from '../limits.js';
import type { Page, ParsedPage } from '../model.js';
import { fencedLines } from './source-lines.js';

const fmt = (n: number): string => n.toLocaleString('en-GB');

export const PAGE_HINT =
  'split the page into several: ' +
  `more than ${fmt(MAX_PAGE_ELEMENTS)} elements (links, emphasis, cells, items) in one page is a mistake (see Limits in the README)`;

/** Links and images (`](`), HTML tags and autolinks (`<a`), and emphasis marks (4 per element). */
function estimateLine(line: string): number {
  let sure = 0;
  let marks = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5d /* ] */ && line.charCodeAt(i + 1) === 0x28 /* ( */) sure++;
    else if (c === 0x3c /* < */ && /[A-Za-z]/.test(line[i + 1] ?? '')) sure++;
    else if (c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x7c /* | */) marks++;
  }
  return sure + marks / 4;
}

/** The first line at which the text certainly holds more elements than a page may. */
export function largeMarkdownLine(markdown: string): number | undefined {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    total += estimateLine(lines[i]!);
    if (total > MAX_PAGE_ELEMENTS) return i + 1;
  }
  return undefined;
}

function tooLarge(page: Page, line: number | undefined, what: string, hint: string): never {
  throw new HandbookError('TOO_LARGE', what, {
    file: page.path,
    ...(line === undefined ? {} : { line: page.bodyLine + line - 1 }),
    hint,
  });
}

const PAGE_MESSAGE = `this page holds more than ${fmt(MAX_PAGE_ELEMENTS)} elements`;

/** Refuses Markdown text certainly beyond the page limit (before parsing it). */
export function assertSmallMarkdown(page: Page, markdown: string): void {
  const line = largeMarkdownLine(markdown);
  if (line !== undefined) tooLarge(page, line, PAGE_MESSAGE, PAGE_HINT);
}

/**
 * Counts the elements of a parsed page, up to `limit`: beyond it, the line (in the page's
 * Markdown) of the element that crossed it.
 */
export function countElements(
  tree: Root,
  limit: number,
): { count: number; over?: number | undefined } {
  const stack: [RootContent, number | undefined][] = tree.children.map((c) => [c, undefined]);
  let count = 0;
  while (stack.length > 0) {
    const [node, above] = stack.pop()!;
    if (node.type !== 'element') continue;
    const line = node.position?.start.line ?? above;
    if (++count > limit) return { count, over: line };
    for (const child of node.children) stack.push([child, line]);
  }
  return { count };
}

/** Refuses a parsed page beyond the page limit, at the element that crosses it. */
export function assertSmallTree(page: Page, tree: Root): number {
  const { count, over } = countElements(tree, MAX_PAGE_ELEMENTS);
  if (count > MAX_PAGE_ELEMENTS) tooLarge(page, over, PAGE_MESSAGE, PAGE_HINT);
  return count;
}

/**
 * A running total of the pages' elements against the handbook's limit, checked as each page
 * is parsed (so that the pages after the one that crosses it are never parsed).
 */
export function handbookBudget(): (p: ParsedPage) => ParsedPage {
  let total = 0;
  return (p) => {
    total += countElements(p.tree, MAX_PAGE_ELEMENTS).count;
    if (total > MAX_HANDBOOK_ELEMENTS)
      tooLarge(
        p.page,
        undefined,
        `the pages up to this one hold more than ${fmt(MAX_HANDBOOK_ELEMENTS)} elements together`,
        'a handbook that large is a mistake: split the guide, or leave pages out (exclude in ' +
          'handbook.yml); see Limits in the README',
      );
    return p;
  };
}
