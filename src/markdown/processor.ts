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
import { HandbookError } from '../errors.js';
import { kramdownExtensions } from './extensions.js';
import { expandFragments } from './fragments.js';
import { deepMarkdownLine, NESTING_HINT, TOO_DEEP } from './nesting.js';
import remarkKramdownEscapes from './kramdown-escapes.js';
import { joinHtmlBlocks } from './html-blocks.js';
import { endLinkDefinitions, nestOtherListKinds } from './kramdown-blocks.js';
import { loneBackticks } from './codespans.js';
import { rawSpans } from './span-html.js';
import {
  emptyAtxHeaders,
  lazyCodeLines,
  lazyQuoteLines,
  setextUnderOneLine,
} from './kramdown-lazy.js';
import {
  bracketSpacedDestinations,
  endListsAtIal,
  guillemetsBeforeTags,
  rulesInParagraphs,
  sameBullets,
  separateOrderedLists,
} from './kramdown-text.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from './options.js';
import rehypeKramdownAttrs from './rehype-kramdown-attrs.js';
import rehypeRemoveComments from './rehype-remove-comments.js';
import remarkHeadingIds from './remark-heading-ids.js';
import remarkIal from './remark-ial.js';
import remarkLiteralAutolinks from './remark-literal-autolinks.js';
import remarkTypography from './remark-typography.js';
import remarkAbbreviations, { extractAbbreviations } from './abbreviations.js';
import remarkKramdownFootnotes from './footnotes.js';
import { listItemHandler, remarkListItems } from './list-items.js';
import remarkSpanIal from './remark-span-ial.js';
import remarkSpacedReferences from './remark-spaced-references.js';
import remarkStrongEm from './remark-strong-em.js';
import remarkDefinitionLists from './definition-lists.js';
import { tableHandler } from './table-handler.js';
import remarkKramdownTables from './tables.js';

/** The text-level kramdown passes, in the order they depend on each other. */
export function kramdownText(
  markdown: string,
  options: KramdownOptions = JEKYLL_KRAMDOWN_DEFAULTS,
): string {
  return loneBackticks(
    endLinkDefinitions(
      guillemetsBeforeTags(
        bracketSpacedDestinations(
          endListsAtIal(
            nestOtherListKinds(
              separateOrderedLists(
                sameBullets(
                  rulesInParagraphs(
                    joinHtmlBlocks(
                      kramdownLazyLines(rawSpans(kramdownExtensions(markdown))),
                      options.parseBlockHtml,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** kramdown's lazy lines and header rules (kramdown-lazy.ts), in the order they need. */
function kramdownLazyLines(markdown: string): string {
  return emptyAtxHeaders(setextUnderOneLine(lazyQuoteLines(lazyCodeLines(markdown))));
}

type Reader = (markdown: string, abbreviations: Map<string, string>) => HastRoot;
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
  const { markdown: text, abbreviations } = extractAbbreviations(markdown);
  const tree = reader(text, abbreviations);
  expandFragments(tree, (fragment) => readFragment(fragment, options));
  return tree;
}

const fragments = new Map<string, HastRoot>();
const FRAGMENT_CACHE_LIMIT = 2000;

/**
 * An include's Markdown (src/markdown/fragments.ts), read as `markdownify` reads it. One
 * text shown on several pages (a step) is read once; each use gets its own copy of the tree.
 */
function readFragment(markdown: string, options: KramdownOptions): HastRoot {
  const key = `${JSON.stringify(options)}\0${markdown}`;
  let tree = fragments.get(key);
  if (!tree) {
    const text = kramdownText(markdown.replace(/\r\n?/g, '\n'), options);
    // The parser recurses: text nested beyond the limit never reaches it (nesting.ts).
    if (deepMarkdownLine(text) !== undefined) {
      throw new HandbookError('NESTING', `markdownify: the text ${TOO_DEEP}`, {
        hint: NESTING_HINT,
      });
    }
    tree = readMarkdown(text, options);
    if (fragments.size >= FRAGMENT_CACHE_LIMIT) fragments.clear();
    fragments.set(key, tree);
  }
  return structuredClone(tree);
}

function createReader(options: KramdownOptions): Reader {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownEscapes)
    .use(remarkKramdownTables)
    .use(remarkLiteralAutolinks)
    .use(remarkSpacedReferences)
    .use(remarkHeadingIds)
    .use(remarkIal)
    .use(remarkSpanIal)
    .use(remarkStrongEm)
    .use(remarkDefinitionLists)
    .use(remarkListItems)
    .use(remarkTypography, { quotes: options.smartQuotes, symbols: options.typographicSymbols })
    .use(remarkKramdownFootnotes, { footnoteNr: options.footnoteNr })
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers: { listItem: listItemHandler, table: tableHandler },
    })
    .use(rehypeRaw)
    .use(rehypeRemoveComments)
    .use(rehypeKramdownAttrs)
    .freeze();
  return (markdown, abbreviations) => {
    const mdast = processor.parse(markdown) as MdastRoot;
    // Abbreviations are the page's own: applied to this page's tree only.
    remarkAbbreviations(abbreviations)(mdast);
    return processor.runSync(mdast, markdown) as HastRoot;
  };
}
