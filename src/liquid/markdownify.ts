/**
 * Jekyll's `markdownify` filter: Markdown → HTML, synchronously (Liquid filters are sync).
 * One processor for the process; identical inputs (a step shown on several pages) are cached.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';

let render: ((markdown: string) => string) | undefined;
const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

export function markdownify(markdown: string): string {
  const cached = cache.get(markdown);
  if (cached !== undefined) return cached;
  render ??= createRenderer();
  const html = `${render(markdown).trim()}\n`;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(markdown, html);
  return html;
}

function createRenderer(): (markdown: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeStringify);
  return (markdown) => String(processor.processSync(markdown));
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
