/**
 * What the NEXT release needs to write its release notes, kept in the release directory
 * (`snapshot.json`) so that notes work across checkouts: the handbook's chapters, their
 * sections as plain text, their links, and the open GAP notes.
 */
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Finding } from '../diagnostics.js';
import type { Chapter, Handbook } from '../model.js';

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotSection {
  /** Heading id; the chapter's opening text (before its first heading) has the chapter id. */
  id: string;
  title: string;
  /** 1 for the opening text, else the heading level (2–6). */
  level: number;
  /** The section's own text: up to the next heading of any level, whitespace collapsed. */
  text: string;
}

export interface SnapshotLink {
  /** `#id` for a link inside the handbook, else the URL. */
  href: string;
  text: string;
}

export interface SnapshotChapter {
  id: string;
  kind: 'chapter' | 'appendix';
  title: string;
  permalink: string;
  source: string;
  sections: SnapshotSection[];
  links: SnapshotLink[];
}

export interface GapNote {
  file: string;
  line: number | null;
  message: string;
}

export interface Snapshot {
  format: number;
  version: string;
  date: string;
  title: string;
  chapters: SnapshotChapter[];
  gaps: GapNote[];
}

function isElement(n: RootContent | Root): n is Element {
  return n.type === 'element';
}

/** Not a type guard on purpose: `false` does not mean "not an element". */
function isOutlineHeading(n: RootContent): boolean {
  if (!isElement(n) || !/^h[1-6]$/.test(n.tagName)) return false;
  const flag = n.properties?.dataHbOutline;
  return flag !== false && flag !== 'false';
}

function containsOutlineHeading(n: RootContent): boolean {
  if (isOutlineHeading(n)) return true;
  return isElement(n) && n.children.some((c) => containsOutlineHeading(c as RootContent));
}

/**
 * The body as a flat list of blocks and headings: wrappers that hold outline headings
 * (`section`, `div`) are opened so that every heading is seen in reading order.
 */
function flatten(children: RootContent[], out: RootContent[] = []): RootContent[] {
  for (const c of children) {
    if (isElement(c) && !isOutlineHeading(c) && containsOutlineHeading(c))
      flatten(c.children as RootContent[], out);
    else out.push(c);
  }
  return out;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function blockText(n: RootContent): string {
  if (n.type === 'text') return collapse(n.value);
  if (n.type === 'element') return collapse(toText(n));
  return '';
}

export function chapterSections(chapter: Chapter): SnapshotSection[] {
  const sections: { head: SnapshotSection; parts: string[] }[] = [
    { head: { id: chapter.id, title: chapter.title, level: 1, text: '' }, parts: [] },
  ];
  for (const node of flatten(chapter.body.children)) {
    if (isElement(node) && isOutlineHeading(node)) {
      const title = collapse(toText(node));
      const id = typeof node.properties?.id === 'string' ? node.properties.id : title;
      sections.push({
        head: { id, title, level: Number(node.tagName.slice(1)), text: '' },
        parts: [],
      });
      continue;
    }
    const text = blockText(node);
    if (text) sections[sections.length - 1]?.parts.push(text);
  }
  return sections.map((s) => ({ ...s.head, text: s.parts.join('\n') }));
}

export function chapterLinks(chapter: Chapter): SnapshotLink[] {
  const seen = new Map<string, SnapshotLink>();
  visit(chapter.body, 'element', (el: Element) => {
    if (el.tagName !== 'a') return;
    const href = el.properties?.href;
    if (typeof href !== 'string' || href === '' || seen.has(href)) return;
    seen.set(href, { href, text: collapse(toText(el)) });
  });
  return [...seen.values()];
}

export function gapNotes(findings: Finding[]): GapNote[] {
  return findings
    .filter((f) => f.code === 'gap-note')
    .map((f) => ({ file: f.file, line: f.line ?? null, message: f.message }));
}

export function takeSnapshot(handbook: Handbook, findings: Finding[]): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: handbook.meta.version,
    date: handbook.meta.date,
    title: handbook.meta.title,
    chapters: [...handbook.chapters, ...handbook.appendices].map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      permalink: c.permalink,
      source: c.source,
      sections: chapterSections(c),
      links: chapterLinks(c),
    })),
    gaps: gapNotes(findings),
  };
}

/** Reads a snapshot back, checking just enough of its shape to diff it safely. */
export function parseSnapshot(json: string): Snapshot {
  const s = JSON.parse(json) as Partial<Snapshot>;
  if (s.format !== SNAPSHOT_FORMAT || !Array.isArray(s.chapters) || !Array.isArray(s.gaps)) {
    throw new Error(`not a snapshot of format ${SNAPSHOT_FORMAT}`);
  }
  for (const c of s.chapters) {
    if (typeof c?.id !== 'string' || !Array.isArray(c.sections) || !Array.isArray(c.links)) {
      throw new Error('a chapter lacks id, sections or links');
    }
  }
  return s as Snapshot;
}
