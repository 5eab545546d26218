/**
 * What a printed handbook must show, derived from the Handbook tree and compared with the
 * text pdf.js reads from the pages: the contents entries against the pages their headings
 * are on, and the bookmarks against the chapters and their sections. Shared by the sample
 * test (test/pdf) and the real-guide tests (test/e2e).
 */
import type { Handbook, OutlineEntry } from '../../src/model.js';
import type { PdfJsPage } from './inspect.js';

export interface Entry {
  id: string;
  title: string;
  /** 1 for chapters and appendices, 2… for their sections. */
  depth: number;
}

/** Chapters, appendices and their listed sections, in reading order. */
export function outlineEntries(hb: Handbook): Entry[] {
  const out: Entry[] = [];
  const walk = (list: OutlineEntry[], depth: number): void =>
    list.forEach((e) => {
      out.push({ id: e.id, title: e.title, depth });
      walk(e.children, depth + 1);
    });
  for (const c of [...hb.chapters, ...hb.appendices]) {
    out.push({ id: c.id, title: c.label ? `${c.label}: ${c.title}` : c.title, depth: 1 });
    walk(c.outline, 2);
  }
  return out;
}

export function expectedBookmarks(hb: Handbook): string[] {
  return outlineEntries(hb).map((e) => `${e.depth}:${e.title}`);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The contents pages: the page titled "Contents" and the ones after it with the same running head. */
export function contentsPages(pages: PdfJsPage[]): number[] {
  const start = pages.findIndex((p) => p.lines.includes('Contents'));
  if (start < 0) return [];
  const head = pages[start]!.lines[0];
  const out = [start];
  for (let i = start + 1; i < pages.length && pages[i]!.lines[0] === head; i++) out.push(i);
  return out;
}

/** The most common line size of the document: the body text. */
export function bodySize(pages: PdfJsPage[]): number {
  const count = new Map<number, number>();
  for (const p of pages)
    for (const s of p.sizes)
      count.set(Math.round(s * 2) / 2, (count.get(Math.round(s * 2) / 2) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * Is `title` a heading on the page: a line (or 2–3 wrapped lines) of the body, running head
 * excluded, set larger than body text? Size matters: the guide's own "On this page" lists
 * repeat the section titles as body lines.
 */
export function hasHeading(page: PdfJsPage, title: string, minSize = 0): boolean {
  const lines = page.lines.slice(1);
  const sizes = page.sizes.slice(1);
  const want = norm(title);
  return lines.some((_, i) =>
    [1, 2, 3].some(
      (n) =>
        i + n <= lines.length &&
        sizes.slice(i, i + n).every((s) => s >= minSize) &&
        norm(lines.slice(i, i + n).join(' ')) === want,
    ),
  );
}

export interface ContentsLine extends Entry {
  /** The number the contents prints for it (undefined: entry not in the contents). */
  printed?: number;
  /** 1-based page its heading was found on (undefined: not found after the contents). */
  headingPage?: number;
}

/**
 * Reads each entry's number from the contents (in order, so a title that recurs later in the
 * contents is not mistaken for it) and finds its heading on the pages after the contents,
 * searching from the page of the entry before (a step title repeated earlier in a timeline
 * does not match).
 */
export function readContents(pages: PdfJsPage[], hb: Handbook): ContentsLine[] {
  const toc = contentsPages(pages);
  const text = norm(toc.map((i) => pages[i]!.lines.join(' ')).join(' '));
  let pos = 0;
  let from = (toc[toc.length - 1] ?? -1) + 1;
  const headingSize = bodySize(pages) * 1.08;
  return outlineEntries(hb).map((e) => {
    const re = new RegExp(`(?:^|\\s)${escape(norm(e.title))}\\s+(\\d+)(?!\\d)`, 'g');
    re.lastIndex = pos;
    const m = re.exec(text);
    const line: ContentsLine = { ...e };
    if (m) {
      line.printed = Number(m[1]);
      pos = m.index + m[0].length;
    }
    const index = pages.findIndex((p, i) => i >= from && hasHeading(p, e.title, headingSize));
    if (index >= 0) {
      line.headingPage = index + 1;
      from = index;
    }
    return line;
  });
}
