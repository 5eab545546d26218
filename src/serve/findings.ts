/**
 * Where in the handbook a finding applies, so that the findings panel can jump there and the
 * preview can mark it: the chapter made from the finding's file and, when the finding has a
 * line, the last section heading above that line in the source (headings are matched to the
 * chapter's outline by their text: Liquid moves lines, titles stay).
 */
import type { Finding } from '../diagnostics.js';
import type { Handbook, OutlineEntry } from '../model.js';

export interface PanelFinding extends Finding {
  /** Element id in the handbook to scroll to. */
  target?: string;
  /** A mark to draw in the preview itself. */
  mark?: { kind: 'broken-link'; text: string } | { kind: 'gap'; text: string };
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;

export function locateFindings(
  findings: Finding[],
  handbook: Handbook,
  raws: ReadonlyMap<string, string>,
): PanelFinding[] {
  const chapters = new Map(
    [...handbook.chapters, ...handbook.appendices].map((c) => [c.source, c]),
  );
  const headingCache = new Map<string, { line: number; title: string }[]>();
  return findings.map((f) => {
    const out: PanelFinding = { ...f };
    const chapter = chapters.get(f.file);
    if (chapter) {
      out.target = chapter.id;
      const raw = raws.get(f.file);
      if (raw !== undefined && f.line !== undefined) {
        let headings = headingCache.get(f.file);
        if (!headings) headingCache.set(f.file, (headings = sourceHeadings(raw)));
        const entries = flatten(chapter.outline);
        for (const h of headings) {
          if (h.line > f.line) break;
          const hit = entries.find((e) => plain(e.title) === h.title);
          if (hit) out.target = hit.id;
        }
      }
    }
    const broken = f.code === 'broken-link' ? /^broken link "(.*?)" →/.exec(f.message) : null;
    if (broken?.[1]) out.mark = { kind: 'broken-link', text: broken[1] };
    else if (f.code === 'gap-note' && out.target) out.mark = { kind: 'gap', text: f.message };
    return out;
  });
}

function sourceHeadings(raw: string): { line: number; title: string }[] {
  const out: { line: number; title: string }[] = [];
  let fence = false;
  raw.split('\n').forEach((text, i) => {
    if (/^ {0,3}(```|~~~)/.test(text)) fence = !fence;
    const m = fence ? null : ATX.exec(text);
    if (m?.[2]) out.push({ line: i + 1, title: plain(m[2]) });
  });
  return out;
}

/** Heading text without kramdown ids, emphasis and link syntax, for comparison. */
function plain(text: string): string {
  return text
    .replace(/\{[#:][^}]*\}\s*$/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function flatten(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children)]);
}
