/**
 * The contents: every chapter and appendix with its outline, grouped by part. In print mode
 * each entry carries its page number; until the printer knows the numbers (first pass) a
 * hidden placeholder of the same width stands in, so the contents do not reflow between
 * passes and the page numbers found in the first pass stay valid.
 */
import { chapterHeading } from '../chapter-heading.js';
import type { Chapter, OutlineEntry } from '../model.js';

export interface TocEntry {
  id: string;
  title: string;
  /** Level in the handbook: chapter 1, section 2 … */
  level: number;
  /** Print mode only: the number, or undefined for the placeholder. */
  page?: string;
  showPage: boolean;
  children: TocEntry[];
}

export interface TocItem {
  /** A part heading with its chapters, or a single chapter entry. */
  part?: string;
  entries: TocEntry[];
}

/** The width every page number is laid out at (3 digits covers any handbook). */
export const PAGE_PLACEHOLDER = '000';

export function buildContents(
  chapters: Chapter[],
  appendices: Chapter[],
  pageNumbers: Record<string, number> | undefined,
  showPages: boolean,
): TocItem[] {
  const entry = (id: string, title: string, level: number, kids: OutlineEntry[]): TocEntry => {
    const n = pageNumbers?.[id];
    return {
      id,
      title,
      level,
      showPage: showPages,
      ...(showPages && n !== undefined ? { page: String(n) } : {}),
      children: kids.map((k) => entry(k.id, k.title, k.level, k.children)),
    };
  };
  const items: TocItem[] = [];
  for (const ch of chapters) {
    const e = entry(ch.id, chapterHeading(ch), 1, ch.outline);
    const last = items[items.length - 1];
    if (ch.part && last?.part === ch.part) last.entries.push(e);
    else items.push(ch.part ? { part: ch.part, entries: [e] } : { entries: [e] });
  }
  appendices.forEach((ap) => {
    items.push({ entries: [entry(ap.id, chapterHeading(ap), 1, ap.outline)] });
  });
  return items;
}
