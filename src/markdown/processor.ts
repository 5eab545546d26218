/**
 * The one Markdown reader, shared by pages and by Liquid's `markdownify` so that include
 * content is read exactly as the page around it: kramdown text passes, remark + GFM, the
 * kramdown plugins (header ids, IALs, typography, no autolink literals), then hast.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { joinHtmlBlocks } from './html-blocks.js';
import { bracketSpacedDestinations, endListsAtIal, separateOrderedLists } from './kramdown-text.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from './options.js';
import rehypeKramdownAttrs from './rehype-kramdown-attrs.js';
import rehypeRemoveComments from './rehype-remove-comments.js';
import remarkHeadingIds from './remark-heading-ids.js';
import remarkIal from './remark-ial.js';
import remarkLiteralAutolinks from './remark-literal-autolinks.js';
import remarkTypography from './remark-typography.js';

/** The text-level kramdown passes, in the order they depend on each other. */
export function kramdownText(markdown: string): string {
  return bracketSpacedDestinations(endListsAtIal(separateOrderedLists(joinHtmlBlocks(markdown))));
}

type Reader = (markdown: string) => HastRoot;
const readers = new Map<string, Reader>();

/** Markdown (already through `kramdownText`) → hast with raw HTML parsed into it. */
export function readMarkdown(
  markdown: string,
  options: KramdownOptions = JEKYLL_KRAMDOWN_DEFAULTS,
): HastRoot {
  const key = JSON.stringify(options);
  let reader = readers.get(key);
  if (!reader) {
    reader = createReader(options);
    readers.set(key, reader);
  }
  return reader(markdown);
}

function createReader(options: KramdownOptions): Reader {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkLiteralAutolinks)
    .use(remarkHeadingIds)
    .use(remarkIal)
    .use(remarkTypography, { quotes: options.smartQuotes, symbols: options.typographicSymbols })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeRemoveComments)
    .use(rehypeKramdownAttrs)
    .freeze();
  return (markdown) => {
    const mdast = processor.parse(markdown) as MdastRoot;
    return processor.runSync(mdast, markdown) as HastRoot;
  };
}
