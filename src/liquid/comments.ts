/**
 * Liquid runs inside HTML comments too (as in Jekyll), but nothing from a comment may reach the
 * handbook. Before rendering, each comment's inside is bracketed with private-use markers; after
 * rendering, whatever the Liquid produced between them is made unable to close the comment early.
 * Markers contain no newline and no whitespace, so line numbers and `{%-` trimming are unchanged.
 */

export interface Span {
  start: number;
  /** Offset just after `-->` (or the end of the text for an unclosed comment). */
  end: number;
}

const OPEN = '\uE000';
const OPEN_END = '\uE001';
const CLOSE = '\uE002';
const CLOSE_END = '\uE003';

/** HTML comments in `text` (`<!--` … `-->`). */
export function commentSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at)) {
    const close = text.indexOf('-->', at + 4);
    const end = close < 0 ? text.length : close + 3;
    spans.push({ start: at, end });
    at = end;
  }
  return spans;
}

export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  return spans.find((s) => offset >= s.start && offset < s.end);
}

/** Brackets the inside of every comment with numbered markers. */
export function markComments(text: string): string {
  let out = '';
  let last = 0;
  commentSpans(text).forEach((span, n) => {
    const closed = text.startsWith('-->', span.end - 3) && span.end - 3 >= span.start + 4;
    const innerEnd = closed ? span.end - 3 : span.end;
    out += text.slice(last, span.start + 4) + `${OPEN}${n}${OPEN_END}`;
    out += text.slice(span.start + 4, innerEnd) + `${CLOSE}${n}${CLOSE_END}`;
    out += closed ? '-->' : '';
    last = span.end;
  });
  return out + text.slice(last);
}

/** Neutralises comment delimiters produced inside marked comments, then drops the markers. */
export function unmarkComments(rendered: string): string {
  const inner = new RegExp(`${OPEN}(\\d+)${OPEN_END}([\\s\\S]*?)${CLOSE}\\1${CLOSE_END}`, 'g');
  return rendered
    .replace(inner, (_m, _n: string, body: string) =>
      body.replace(/<!--/g, '&lt;!--').replace(/--!?>/g, '--&gt;'),
    )
    .replace(new RegExp(`${OPEN}\\d+${OPEN_END}|${CLOSE}\\d+${CLOSE_END}`, 'g'), '');
}

/**
 * The comment `span` of `text` without its Liquid markup (each tag or output replaced by the
 * newlines it spanned): what is left when Liquid inside a commented-out block cannot run.
 */
export function stripLiquidInSpan(text: string, span: Span): string {
  const inside = text
    .slice(span.start, span.end)
    .replace(/\{%[\s\S]*?(%\}|$)|\{\{[\s\S]*?(\}\}|$)/g, (m) => m.replace(/[^\n]/g, ''));
  return text.slice(0, span.start) + inside + text.slice(span.end);
}

/** Offsets of `{% include … %}` tags inside comments (reported: they run although hidden). */
export function includesInComments(text: string): number[] {
  const found: number[] = [];
  for (const span of commentSpans(text)) {
    const re = /\{%-?\s*include\s/g;
    const inside = text.slice(span.start, span.end);
    for (let m = re.exec(inside); m; m = re.exec(inside)) found.push(span.start + m.index);
  }
  return found;
}

export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
