/**
 * The Markdown stage: expanded Markdown (kramdown dialect, with whole HTML blocks from
 * includes) → one hast tree per page. Text-level passes first repair what CommonMark reads
 * differently from kramdown; remark plugins then handle kramdown's attribute syntax; raw HTML
 * is parsed into the same tree (rehype-raw) so the transform sees include markup as elements.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { ExpandedPage, ParsedPage } from '../model.js';
import { reportEditorialNotes } from './editorial-notes.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from './options.js';
import { kramdownText, readMarkdown } from './processor.js';
export { kramdownText };
import { reportImagesWithoutAlt } from './image-alt.js';
import { stripComments } from './strip-comments.js';
import { assertShallowMarkdown, assertShallowTree } from './nesting.js';
import { assertSmallMarkdown, assertSmallTree } from './size.js';

export function parsePage(
  expanded: ExpandedPage,
  diag: Diagnostics,
  options: KramdownOptions = JEKYLL_KRAMDOWN_DEFAULTS,
): ParsedPage {
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
  const markdown = kramdownText(stripped.markdown, options);

  assertShallowMarkdown(page, markdown);
  assertSmallMarkdown(page, markdown);
  const tree = readMarkdown(markdown, options);
  assertShallowTree(page, tree);
  assertSmallTree(page, tree);
  reportImagesWithoutAlt(tree, page, diag);
  return { page, tree };
}
