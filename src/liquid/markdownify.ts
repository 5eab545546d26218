/**
 * Jekyll's `markdownify` filter: Markdown → HTML, synchronously (Liquid filters are sync),
 * through the Markdown stage's own reader with the site's kramdown options, so that include
 * content reads exactly like the page around it. Identical inputs (a step shown on several
 * pages) are cached.
 */
import { toHtml } from 'hast-util-to-html';
import {
  JEKYLL_KRAMDOWN_DEFAULTS,
  kramdownText,
  readMarkdown,
  type KramdownOptions,
} from '../markdown/index.js';
import { HandbookError } from '../errors.js';
import { deepMarkdownLine, NESTING_HINT, TOO_DEEP } from '../markdown/nesting.js';
import { largeMarkdownLine, PAGE_HINT } from '../markdown/size.js';
import { MAX_PAGE_ELEMENTS } from '../limits.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

export function markdownify(
  markdown: string,
  options: KramdownOptions = JEKYLL_KRAMDOWN_DEFAULTS,
): string {
  const key =
    options === JEKYLL_KRAMDOWN_DEFAULTS ? markdown : `${JSON.stringify(options)}\0${markdown}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const text = kramdownText(markdown.replace(/\r\n?/g, '\n'), options);
  // The parser recurses: text nested beyond the limit never reaches it (src/markdown/nesting.ts).
  if (deepMarkdownLine(text) !== undefined) {
    throw new HandbookError('NESTING', `markdownify: the text ${TOO_DEEP}`, { hint: NESTING_HINT });
  }
  // A page's worth of elements from one filter call is refused before parsing, like a page.
  if (largeMarkdownLine(text) !== undefined) {
    throw new HandbookError(
      'TOO_LARGE',
      `markdownify: the text holds more than ${MAX_PAGE_ELEMENTS} elements`,
      { hint: PAGE_HINT },
    );
  }
  const tree = readMarkdown(text, options);
  const html = `${toHtml(tree).trim()}\n`;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, html);
  return html;
}

/**
 * Makes HTML safe to embed in a Markdown page as ONE raw HTML block: CommonMark ends an HTML
 * block at a blank line and treats 4-space indented lines as code, so drop blank lines and
 * indentation, and keep `<pre>` intact by encoding its newlines. The block is surrounded by
 * blank lines so that it never joins the paragraph before or after it.
 */
export function toHtmlBlock(html: string): string {
  const safe = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => pre.replace(/\r?\n/g, '&#10;'));
  const lines = safe
    .split(/\r?\n/)
    .map((l) => l.trimStart())
    .filter((l) => l.trim() !== '');
  return lines.length ? `\n\n${lines.join('\n')}\n\n` : '';
}
