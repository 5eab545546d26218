/**
 * Reading the contents back from LibreOffice's PDF of a Word handbook: each entry's title and
 * printed page number, and the page where that heading really lands. Independent of the
 * renderer: it sees only the PDF's text (pdftotext -layout, one string per page).
 */

export interface PrintedEntry {
  title: string;
  page: number;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** "Title ........ 12" (the dotted leader as pdftotext shows it). */
const ENTRY = /^(.*?)\s*\.{4,}\s*(\d+)\s*$/;

/** The contents entries: from the "Contents" page until the first page without entries. */
export function printedContents(pages: string[]): {
  entries: PrintedEntry[];
  firstPage: number;
  lastPage: number;
} {
  const start = pages.findIndex((p) => p.split('\n').some((l) => clean(l) === 'Contents'));
  const entries: PrintedEntry[] = [];
  let lastPage = start;
  for (let i = start; i >= 0 && i < pages.length; i++) {
    let pending = '';
    let found = false;
    for (const line of (pages[i] ?? '').split('\n')) {
      const m = ENTRY.exec(line);
      if (m) {
        entries.push({ title: clean(`${pending} ${m[1] ?? ''}`), page: Number(m[2]) });
        pending = '';
        found = true;
      } else if (found && clean(line) && !/^Page \d+ of/.test(clean(line))) {
        // A long title wraps: its first line has no leader and number.
        pending = clean(`${pending} ${line}`);
      }
    }
    if (!found) break;
    lastPage = i;
  }
  return { entries, firstPage: start, lastPage };
}

/**
 * Where each entry's heading lands (1-based page), searching forward from the previous
 * entry's page, past the cover and skipping the contents pages themselves: the first page
 * with a line that is the heading's text (or, for a heading that wraps, starts it).
 */
export function headingPages(pages: string[], titles: string[], skip: [number, number]): number[] {
  let from = 1;
  return titles.map((title) => {
    for (let i = from; i < pages.length; i++) {
      if (i >= skip[0] && i <= skip[1]) continue;
      const lines = (pages[i] ?? '').split('\n').map(clean);
      const hit = lines.some(
        (l, j) =>
          l === title ||
          (title.startsWith(l) &&
            l.length > 12 &&
            clean(`${l} ${lines[j + 1] ?? ''}`).startsWith(title)),
      );
      if (hit) {
        from = i;
        return i + 1;
      }
    }
    return -1;
  });
}
