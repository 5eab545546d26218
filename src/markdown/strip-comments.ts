/**
 * Removes HTML comments from the expanded Markdown before it is parsed. Doing it on the
 * text (not only on the tree) is what keeps commented-out blocks from leaking: a comment
 * that CommonMark would not recognise as one (an inline comment across a blank line, a
 * block holding an expanded include) would otherwise surface as literal text or HTML.
 */
import { fencedLines } from './source-lines.js';

export interface StrippedComments {
  markdown: string;
  /** Inner text of every removed comment, in order. */
  comments: string[];
  /** True when a `<!--` was never closed (everything after it was dropped, as a browser would). */
  unclosed: boolean;
}

export function stripComments(markdown: string): StrippedComments {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const lineStarts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    lineStarts.push(pos);
    pos += l.length + 1;
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  let out = '';
  let cursor = 0;
  const comments: string[] = [];
  let unclosed = false;
  for (;;) {
    const start = markdown.indexOf('<!--', cursor);
    if (start < 0) break;
    const line = lineAt(start);
    if (fenced[line] || inCodeSpan(markdown, lineStarts[line] ?? 0, start)) {
      out += markdown.slice(cursor, start + 4);
      cursor = start + 4;
      continue;
    }
    const close = markdown.indexOf('-->', start + 4);
    const end = close < 0 ? markdown.length : close + 3;
    if (close < 0) unclosed = true;
    comments.push(markdown.slice(start + 4, close < 0 ? markdown.length : close));
    const before = markdown.slice(lineStarts[line] ?? 0, start);
    const lineEnd = markdown.indexOf('\n', end);
    const after = markdown.slice(end, lineEnd < 0 ? markdown.length : lineEnd);
    if (before.trim() === '' && after.trim() === '') {
      // A comment on lines of its own is a block: it ends the paragraph before it, so it
      // becomes a blank line rather than gluing its neighbours together.
      out += markdown.slice(cursor, start - before.length);
      cursor = lineEnd < 0 ? markdown.length : lineEnd;
    } else {
      out += markdown.slice(cursor, start);
      cursor = end;
    }
  }
  out += markdown.slice(cursor);
  return { markdown: out, comments, unclosed };
}

/** An odd number of backticks before `at` on its line means `at` sits inside a code span. */
function inCodeSpan(text: string, lineStart: number, at: number): boolean {
  let ticks = 0;
  for (let i = lineStart; i < at; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}
