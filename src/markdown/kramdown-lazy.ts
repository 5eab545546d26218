/**
 * kramdown's lazy lines and header rules, where CommonMark's differ (text-level passes, see
 * kramdown-text.ts). kramdown's quote and indented code block go on over unmarked lines
 * until a blank line (or an IAL line, `^`, an HTML tag line) ends them, whatever those lines
 * start; a setext underline makes a header only of a one-line paragraph; `#` alone is text.
 */
import { fencedLines, isBlank, LIST_ITEM } from './source-lines.js';

const QUOTE = /^ {0,3}>/;
const INDENTED = /^(?: {4}|\t)/;
// What ends a lazy run for kramdown (besides a blank line).
const LAZY_END = /^(?:\{:|\^[ \t]*$|<!-- -->|\s*<)/;

/** Unmarked lines after a top-level quote line are the quote's: marked `> `. */
export function lazyQuoteLines(markdown: string): string {
  if (!/^ {0,3}>/m.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let inQuote = false;
  return lines
    .map((line, i) => {
      if (fenced[i] || isBlank(line) || LAZY_END.test(line)) {
        inQuote = false;
        return line;
      }
      if (QUOTE.test(line)) {
        inQuote = true;
        return line;
      }
      return inQuote ? `> ${line}` : line;
    })
    .join('\n');
}

/** Unindented lines right after a top-level indented code block are code: indented. */
export function lazyCodeLines(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let inCode = false;
  return lines
    .map((line, i) => {
      // A blank line does not end the code block: kramdown's may hold blank lines.
      if (isBlank(line)) return line;
      if (fenced[i]) {
        inCode = false;
        return line;
      }
      if (INDENTED.test(line)) {
        if (!inCode && isBlank(lines[i - 1]) && topLevel(lines, fenced, i)) inCode = true;
        return line;
      }
      if (inCode && !isBlank(lines[i - 1]) && !LAZY_END.test(line)) return `    ${line}`;
      inCode = false;
      return line;
    })
    .join('\n');
}

/** Does nothing but paragraphs (no list, quote, definition, footnote, HTML) hold line `i`? */
function topLevel(lines: readonly string[], fenced: readonly boolean[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j] ?? '';
    if (isBlank(l) || /^\s/.test(l)) continue;
    return !fenced[j] && !LIST_ITEM.test(l) && !/^ {0,3}(?:[>:<]|\[\^)/.test(l);
  }
  return true;
}

const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const QUOTE_MARKS = /^(?: {0,3}> ?)*/;
// A line that starts a block of its own, not a paragraph line.
const BLOCK_START = /^(?: {0,3}(?:#|[*+-][ \t]|\d{1,9}[.)][ \t]|```|~~~|<|\{:|\[\^)| {4}|\t)/;

/**
 * A setext underline under two or more paragraph lines is text to kramdown (CommonMark
 * makes the whole paragraph a header). In quotes too.
 */
export function setextUnderOneLine(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const body = (l: string | undefined) => (l ?? '').replace(QUOTE_MARKS, '');
  return lines
    .map((line, i) => {
      const text = body(line);
      if (fenced[i] || fenced[i - 1] || !UNDERLINE.test(text)) return line;
      const one = body(lines[i - 1]);
      const two = body(lines[i - 2]);
      if (isBlank(one) || isBlank(two) || BLOCK_START.test(one) || BLOCK_START.test(two))
        return line;
      if (UNDERLINE.test(two)) return line;
      // A space written as an entity ends the underline: the line is text to CommonMark too,
      // and its dashes stay typeset (a `\-` escape would keep them literal).
      return `${line.replace(/[ \t]+$/, '')}&#32;`;
    })
    .join('\n');
}

/** `#` alone (or with spaces) is no header to kramdown but the text `#`. */
export function emptyAtxHeaders(markdown: string): string {
  if (!/^#{1,6}[ \t]*$/m.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines.map((l, i) => (!fenced[i] && /^#{1,6}[ \t]*$/.test(l) ? `\\${l}` : l)).join('\n');
}
