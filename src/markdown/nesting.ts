/**
 * The nesting limit (MAX_NESTING_DEPTH), checked once, in the Markdown stage, so that no
 * later tree walk (transform, HTML, DOCX, PDF) ever meets a tree deep enough to overflow the
 * stack. Two checks, both without recursion:
 *
 * - before parsing, a cheap estimate from the text (blockquote markers, list markers and
 *   indentation, open HTML tags): the parsers themselves recurse (rehype-raw overflows on a
 *   1,000-deep list) and go quadratic on deep indentation, so a source far beyond the limit
 *   must never reach them. The estimate errs low, so it only stops what is certainly too deep;
 * - after parsing, the exact depth of the page's tree, located at its deepest element.
 */
import type { Root, RootContent } from 'hast';
import { HandbookError } from '../errors.js';
import { MAX_NESTING_DEPTH } from '../limits.js';
import type { Page } from '../model.js';
import { fencedLines } from './source-lines.js';

export const NESTING_HINT =
  'flatten the blockquotes, lists or HTML elements there; ' +
  `more than ${MAX_NESTING_DEPTH} levels is a mistake (see Limits in the README)`;

/** Elements whose end tag may be left out: they do not deepen a scan of the text. */
const UNCOUNTED = new Set(
  (
    'area base br col embed hr img input link meta source track wbr ' +
    'p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rt rp html head body'
  ).split(' '),
);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g;
const CONTAINER = /^[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))/;

/** Refuses Markdown text whose nesting is certainly beyond the limit (before parsing it). */
export function assertShallowMarkdown(page: Page, markdown: string): void {
  const line = deepMarkdownLine(markdown);
  if (line !== undefined) tooDeep(page, line);
}

/** The first line at which the text is certainly nested beyond the limit, if any. */
export function deepMarkdownLine(markdown: string): number | undefined {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let html = 0;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const line = lines[i]!;
    const { after, most } = htmlDepthAfter(line, html);
    if (containerDepth(line) + most > MAX_NESTING_DEPTH) return i + 1;
    html = after;
  }
  return undefined;
}

/**
 * Levels one line opens: a blockquote marker is one element, a list marker two (list and
 * item); indentation before the first marker stands for one list level per 4 columns (a
 * nested list needs at least 2, so this counts at most half the real depth).
 */
function containerDepth(line: string): number {
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  let depth = 2 * Math.floor(indent / 4);
  let rest = line;
  for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
    depth += m[0].endsWith('>') ? 1 : 2;
    rest = rest.slice(m[0].length);
  }
  return depth;
}

/** Open HTML elements after `line`, and the most open at any point in it. */
function htmlDepthAfter(line: string, depth: number): { after: number; most: number } {
  let most = depth;
  if (!line.includes('<')) return { after: depth, most };
  for (const m of line.matchAll(TAG)) {
    if (UNCOUNTED.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    most = Math.max(most, depth);
  }
  return { after: depth, most };
}

/** Refuses a parsed page whose tree is deeper than the limit, at its first too-deep element. */
export function assertShallowTree(page: Page, tree: Root): void {
  // An explicit stack of [node, depth, line of the nearest located ancestor]: no recursion.
  const stack: [RootContent, number, number | undefined][] = tree.children.map((c) => [
    c,
    1,
    undefined,
  ]);
  while (stack.length > 0) {
    const [node, depth, above] = stack.pop()!;
    if (node.type !== 'element') continue;
    const line = node.position?.start.line ?? above;
    if (depth > MAX_NESTING_DEPTH) tooDeep(page, line);
    for (const child of node.children) stack.push([child, depth + 1, line]);
  }
}

/** The message, also used by `markdownify` (whose caller, Liquid, adds the file and line). */
export const TOO_DEEP = `nests more than ${MAX_NESTING_DEPTH} levels deep (blockquotes, lists or HTML elements)`;

function tooDeep(page: Page, line: number | undefined): never {
  throw new HandbookError('NESTING', `this page ${TOO_DEEP}`, {
    file: page.path,
    ...(line === undefined ? {} : { line: page.bodyLine + line - 1 }),
    hint: NESTING_HINT,
  });
}
