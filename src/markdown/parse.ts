/**
 * The Markdown stage: expanded Markdown (kramdown dialect, with whole HTML blocks from
 * includes) → one hast tree per page. Text-level passes first repair what CommonMark reads
 * differently from kramdown; remark plugins then handle kramdown's attribute syntax; raw HTML
 * is parsed into the same tree (rehype-raw) so the transform sees include markup as elements.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Diagnostics } from '../diagnostics.js';
import type { ExpandedPage, ParsedPage } from '../model.js';
import { reportEditorialNotes } from './editorial-notes.js';
import { joinHtmlBlocks } from './html-blocks.js';
import { bracketSpacedDestinations, endListsAtIal, separateOrderedLists } from './kramdown-text.js';
import rehypeImageAlt from './rehype-image-alt.js';
import rehypeKramdownAttrs from './rehype-kramdown-attrs.js';
import rehypeRemoveComments from './rehype-remove-comments.js';
import remarkHeadingIds from './remark-heading-ids.js';
import remarkIal from './remark-ial.js';
import { stripComments } from './strip-comments.js';

export function parsePage(expanded: ExpandedPage, diag: Diagnostics): ParsedPage {
  const { page } = expanded;
  reportEditorialNotes(page, diag);
  const stripped = stripComments(expanded.markdown.replace(/\r\n?/g, '\n'));
  if (stripped.unclosed) {
    diag.warning(
      page.path,
      undefined,
      'unclosed-comment',
      'an HTML comment (<!--) is never closed; the rest of the page is left out',
      'close it with -->',
    );
  }
  const markdown = kramdownText(stripped.markdown);

  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHeadingIds)
    .use(remarkIal)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeRemoveComments)
    .use(rehypeKramdownAttrs)
    .use(rehypeImageAlt, { page, diag });
  const mdast = processor.parse(markdown) as MdastRoot;
  const tree = processor.runSync(mdast) as HastRoot;
  return { page, tree };
}

/** The text-level kramdown passes, in the order they depend on each other. */
export function kramdownText(markdown: string): string {
  return bracketSpacedDestinations(endListsAtIal(separateOrderedLists(joinHtmlBlocks(markdown))));
}
