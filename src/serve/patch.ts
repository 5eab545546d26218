/**
 * What the open page needs after a rebuild that changed one chapter only: that chapter's
 * `<section>` as the new page has it, by its place among the chapters. The page then parses
 * and swaps a few kilobytes instead of fetching and parsing the whole handbook (megabytes
 * on a long guide). Found by comparing the two documents' text: everything before and after
 * the changed span must be the same, and the span must lie inside one chapter section of
 * `<main>` (a changed heading also changes the contents: that is a whole-page update).
 */

export interface ChapterPatch {
  /** The section's index among `main > section.hb-chapter` (chapters, then appendices). */
  index: number;
  /** How many such sections the page has (the page checks it holds as many). */
  count: number;
  html: string;
}

const SECTION = /<section class="hb-chapter(?: hb-appendix)?" aria-labelledby="/g;

/** The patch from `before` to `after`, or undefined when more than one chapter changed. */
export function chapterPatch(before: string, after: string): ChapterPatch | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let head = 0;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  const spans = sections(after);
  if (!spans) return undefined;
  const end = after.length - tail;
  const index = spans.findIndex((s) => s.start <= head && end <= s.end);
  // The span must leave the section's own start tag and end tag alone.
  const span = spans[index];
  if (!span || head <= span.start || end >= span.end) return undefined;
  // Same sections before and after: a changed span inside one leaves the others' places alone.
  if (sections(before)?.length !== spans.length) return undefined;
  return { index, count: spans.length, html: after.slice(span.start, span.end) };
}

/** The chapter sections of `<main>`: from each start tag to its `</section>`. */
function sections(html: string): { start: number; end: number }[] | undefined {
  const mainEnd = html.lastIndexOf('</main>');
  if (mainEnd < 0) return undefined;
  const starts = [...html.matchAll(SECTION)].map((m) => m.index).filter((i) => i < mainEnd);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const next = starts[i + 1] ?? mainEnd;
    const close = html.lastIndexOf('</section>', next);
    if (close < start || html.slice(close + 10, next).trim() !== '') return undefined;
    out.push({ start, end: close + 10 });
  }
  return out;
}
