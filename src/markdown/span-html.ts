/**
 * `markdown="0"` on an HTML element inside a paragraph (`This is <span markdown="0">*raw*
 * </span>`): kramdown takes the element's content as written, except inside a child that
 * asks for Markdown again (`markdown="1"`, `"span"`, `"block"`). CommonMark would read the
 * Markdown in it, so its Markdown characters are escaped. Only elements that open and close
 * on one line, not at its start (a line that starts with a tag is html-blocks.ts's).
 */
import { fencedLines } from './source-lines.js';

const RAW_SPAN = /(<([a-zA-Z][a-zA-Z0-9-]*)\s[^<>]*\bmarkdown=["']?0["']?[^<>]*>)(.*?)(<\/\2\s*>)/g;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;
const MARKDOWN_ON = /\smarkdown=["']?(?:1|span|block)\b/;
const SPECIAL = /[\\`*_[\]<~{]/g;

export function rawSpans(markdown: string): string {
  if (!/markdown=["']?0/.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines
    .map((line, i) =>
      fenced[i] || /^\s*</.test(line)
        ? line
        : line.replace(
            RAW_SPAN,
            (_, open: string, _tag, content: string, close: string) =>
              `${open}${escapeContent(content)}${close}`,
          ),
    )
    .join('\n');
}

/** Escapes the text of `content` outside any child element that asks for Markdown. */
function escapeContent(content: string): string {
  let out = '';
  let depth = 0;
  let last = 0;
  for (const m of content.matchAll(TAG)) {
    const text = content.slice(last, m.index);
    out += depth > 0 ? text : text.replace(SPECIAL, (c) => `\\${c}`);
    out += m[0];
    if (m[0].startsWith('</')) depth = Math.max(0, depth - 1);
    else if (depth > 0 || MARKDOWN_ON.test(m[0])) depth++;
    last = m.index + m[0].length;
  }
  const rest = content.slice(last);
  return out + (depth > 0 ? rest : rest.replace(SPECIAL, (c) => `\\${c}`));
}
