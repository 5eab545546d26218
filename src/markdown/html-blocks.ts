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

const MARKDOWN_ON = /\smarkdown=["']?(1|block)\b/;
const VOID = new Set(['hr', 'col']);

const OPENING = /^ {0,3}<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/;

export function joinHtmlBlocks(markdown: string): string {
  const lines = markdown.split('\n');
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
    if (MARKDOWN_ON.test(line)) {
      // Blank lines inside the element's tags let CommonMark parse its content as Markdown.
      out.push(
        ...(end > i ? [line, '', ...lines.slice(i + 1, end), '', lines[end] ?? ''] : [line]),
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
