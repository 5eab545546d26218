/**
 * kramdown reads an HTML block up to its matching end tag; CommonMark ends it at the first
 * blank line. Includes expanded by Liquid are whole HTML blocks whose `markdownify`d content
 * holds blank lines and indentation, so under CommonMark their second half would turn into
 * paragraphs and indented code. This pass removes blank lines inside such a block and puts
 * one after it, so that remark sees each include as one HTML block, as kramdown does.
 * Blocks marked `markdown="1"` (kramdown's opt-in to Markdown inside HTML) are left alone.
 */
import { fencedLines, isBlank } from './source-lines.js';

// CommonMark's block-level tag names (HTML block type 6) plus the few the includes use.
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ' +
    'ol p section summary table tbody td tfoot th thead tr ul svg'
  ).split(' '),
);

const MARKDOWN_ATTR = /\smarkdown=["']?(1|block|span|0)\b["']?/;
// kramdown's span content model: with markdown="1" these hold inline Markdown (no <p>).
export const SPAN_MODEL: ReadonlySet<string> = new Set(
  'a abbr b caption cite del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend p q small span strong sub sup th'.split(
    ' ',
  ),
);
const VOID = new Set(['hr', 'col']);

const OPENING = /^ {0,3}<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/;

/**
 * `parseBlockHtml` is kramdown's `parse_block_html`: every HTML block without its own
 * `markdown="0"` then holds Markdown. A span-model element (or `markdown="span"`) is marked
 * `markdown="span"` so that the paragraph CommonMark wraps its content in is taken away again
 * once the tree is built.
 */
export function joinHtmlBlocks(markdown: string, parseBlockHtml = false): string {
  const lines = splitOneLineElements(markdown.split('\n'), parseBlockHtml);
  const fenced = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const tag = fenced[i] ? undefined : OPENING.exec(line)?.[1]?.toLowerCase();
    const end = tag && BLOCK_TAGS.has(tag) ? matchingEnd(lines, i, tag) : -1;
    if (end < 0) {
      out.push(line);
      continue;
    }
    splitAfterClose(lines, fenced, end, tag ?? '');
    const mode = MARKDOWN_ATTR.exec(line)?.[1] ?? (parseBlockHtml ? '1' : '0');
    if (mode !== '0' && end > i) {
      // Blank lines inside the element's tags let CommonMark parse its content as Markdown.
      const span = mode === 'span' || (mode === '1' && SPAN_MODEL.has(tag ?? ''));
      const close = lines[end] ?? '';
      out.push(
        span ? openSpan(line, tag ?? '') : line,
        '',
        ...lines.slice(i + 1, end),
        '',
        span ? closeSpan(close, tag ?? '') : close,
      );
      i = end;
      continue;
    }
    for (let j = i; j <= end; j++) if (j === i || !isBlank(lines[j])) out.push(lines[j] ?? '');
    if (!isBlank(lines[end + 1]) && end + 1 < lines.length) out.push('');
    i = end;
  }
  return out.join('\n');
}

/**
 * A span-model element holding Markdown is renamed for the parse (a `<p>` would be closed by
 * the paragraph CommonMark puts inside it); rehype-kramdown-attrs restores it.
 */
export const SPAN_HOLDER = 'kd-span';

/** The tags the block pass may have renamed (block and span model; never script or style). */
export function restorableTag(tag: string): boolean {
  return SPAN_MODEL.has(tag) || BLOCK_TAGS.has(tag);
}

function openSpan(line: string, tag: string): string {
  return line
    .replace(MARKDOWN_ATTR, '')
    .replace(new RegExp(`<${tag}(?=[\\s/>]|$)`, 'i'), `<${SPAN_HOLDER} data-kd-tag="${tag}"`);
}

function closeSpan(line: string, tag: string): string {
  const at = line.toLowerCase().lastIndexOf(`</${tag}`);
  if (at < 0) return line;
  const gt = line.indexOf('>', at);
  return `${line.slice(0, at)}</${SPAN_HOLDER}>${gt < 0 ? '' : line.slice(gt + 1)}`;
}

/**
 * kramdown ends an HTML block with its closing tag: text after it on that line (`</div> more`)
 * is a paragraph of its own (or the next HTML block). It is moved to a line of its own, after
 * a blank line, for CommonMark to read it so.
 */
function splitAfterClose(lines: string[], fenced: boolean[], end: number, tag: string): void {
  const line = lines[end] ?? '';
  const at = line.toLowerCase().lastIndexOf(`</${tag}`);
  const gt = at < 0 ? -1 : line.indexOf('>', at);
  const rest = gt < 0 ? '' : line.slice(gt + 1);
  if (rest.trim() === '') return;
  lines.splice(end, 1, line.slice(0, gt + 1), '', rest.trimStart());
  fenced.splice(end, 0, false, false);
}

/**
 * An element with Markdown in it that opens and closes on one line (an include's
 * `<div markdown="span" …>Note: {{ include.content }}</div>`) is put on three lines, its tags
 * on their own, so that its content reaches the Markdown reader as the multi-line case does.
 */
function splitOneLineElements(lines: string[], parseBlockHtml: boolean): string[] {
  const fenced = fencedLines(lines);
  return lines.flatMap((line, i) => {
    const tag = fenced[i] ? undefined : OPENING.exec(line)?.[1]?.toLowerCase();
    if (!tag || !BLOCK_TAGS.has(tag) || VOID.has(tag)) return [line];
    const mode = MARKDOWN_ATTR.exec(line)?.[1] ?? (parseBlockHtml ? '1' : '0');
    if (mode === '0' || matchingEnd([line], 0, tag) !== 0) return [line];
    const open = openingTagEnd(line);
    const close = line.toLowerCase().lastIndexOf(`</${tag}`);
    if (open < 0 || close <= open) return [line];
    const inner = line.slice(open + 1, close);
    if (inner.trim() === '') return [line];
    return [line.slice(0, open + 1), inner, line.slice(close)];
  });
}

/** Index of the `>` that ends the opening tag at the start of `line` (quotes respected). */
function openingTagEnd(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** Index of the line on which the element opened on line `start` closes, or -1. */
function matchingEnd(lines: readonly string[], start: number, tag: string): number {
  const tokens = new RegExp(`<(/?)${tag}(?=[\\s/>])([^>]*?)(/?)>`, 'gi');
  if (VOID.has(tag)) return start;
  let depth = 0;
  for (let j = start; j < lines.length; j++) {
    for (const m of (lines[j] ?? '').matchAll(tokens)) {
      if (m[1]) depth--;
      else if (!m[3]) depth++;
    }
    if (depth <= 0) return j;
  }
  return -1;
}
