/**
 * What the open page needs after a rebuild that changed chapters only: those chapters'
 * `<section>`s as the new page has them, by their place among the chapters. The page then
 * parses and swaps a few kilobytes instead of fetching and parsing the whole handbook
 * (megabytes on a long guide). Found by cutting both documents at the chapter sections of
 * `<main>`: everything around the sections (head, cover, contents, colophon, the space
 * between sections) must be the same text, or the page is updated whole (a changed heading
 * also changes the contents). No changed section at all is a valid patch: nothing to swap.
 */

export interface ChapterPatch {
  /** How many sections `main > section.hb-chapter` the page has (the page checks it). */
  count: number;
  /** The changed sections, by index among them (chapters, then appendices). */
  sections: { index: number; html: string }[];
}

const SECTION = /<section class="hb-chapter(?: hb-appendix)?" aria-labelledby="/g;

/** The patch from `before` to `after`, or undefined when more than chapter sections changed. */
export function chapterPatch(before: string, after: string): ChapterPatch | undefined {
  const a = cut(before);
  const b = cut(after);
  if (!a || !b || a.sections.length !== b.sections.length) return undefined;
  if (a.frame.some((text, i) => text !== b.frame[i])) return undefined;
  const sections = b.sections.flatMap((html, index) =>
    html === a.sections[index] ? [] : [{ index, html }],
  );
  return { count: b.sections.length, sections };
}

/**
 * The chapter sections of `<main>` (each from its start tag to its `</section>`) and the text
 * around them (one more piece than sections).
 */
function cut(html: string): { sections: string[]; frame: string[] } | undefined {
  const mainEnd = html.lastIndexOf('</main>');
  if (mainEnd < 0) return undefined;
  const starts = [...html.matchAll(SECTION)].map((m) => m.index).filter((i) => i < mainEnd);
  const sections: string[] = [];
  const frame: string[] = [];
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const next = starts[i + 1] ?? mainEnd;
    const end = html.lastIndexOf('</section>', next) + '</section>'.length;
    // A section's text runs to the next one: only space may lie between (else a section
    // start tag was found inside a chapter's body, and the cut is not to be trusted).
    if (end <= start || html.slice(end, next).trim() !== '') return undefined;
    frame.push(html.slice(from, start));
    sections.push(html.slice(start, end));
    from = end;
  }
  frame.push(html.slice(from));
  return { sections, frame };
}
