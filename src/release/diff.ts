/**
 * Compares two snapshots: what the release notes say changed. Pure: snapshots in, a
 * structured change set out (rendered to Markdown by notes.ts).
 */
import {
  collapse,
  type GapNote,
  type Snapshot,
  type SnapshotChapter,
  type SnapshotSection,
} from './snapshot.js';
import { diffWords, similarity, summariseDiff, words } from './words.js';

export interface ChapterRef {
  id: string;
  title: string;
  permalink: string;
}

export type SectionChange =
  | { kind: 'added' | 'removed'; id: string; title: string; level: number; words: number }
  | {
      kind: 'changed';
      id: string;
      title: string;
      level: number;
      added: number;
      removed: number;
      summary: string;
    }
  | {
      kind: 'renamed';
      id: string;
      title: string;
      from: string;
      level: number;
      added: number;
      removed: number;
      summary: string | null;
    };

export interface ChapterSectionChanges {
  chapter: ChapterRef;
  changes: SectionChange[];
}

export interface LinkChange {
  href: string;
  text: string;
  /** Title (in the newer release) of the chapter it was added to or removed from. */
  chapter: string;
}

export interface ChangeSet {
  chapters: {
    added: ChapterRef[];
    removed: ChapterRef[];
    renamed: (ChapterRef & { from: string })[];
  };
  sections: ChapterSectionChanges[];
  links: { added: LinkChange[]; removed: LinkChange[] };
  gaps: { opened: GapNote[]; closed: GapNote[] };
}

/** Below this similarity two unmatched sections are a removal plus an addition, not a rename. */
const RENAME_THRESHOLD = 0.5;

const ref = (c: SnapshotChapter): ChapterRef => ({
  id: c.id,
  title: c.title,
  permalink: c.permalink,
});

function pairChapters(
  prev: SnapshotChapter[],
  next: SnapshotChapter[],
): [SnapshotChapter, SnapshotChapter][] {
  const pairs: [SnapshotChapter, SnapshotChapter][] = [];
  const used = new Set<SnapshotChapter>();
  for (const n of next) {
    const p =
      prev.find((c) => !used.has(c) && c.id === n.id) ??
      prev.find((c) => !used.has(c) && c.permalink === n.permalink);
    if (p) {
      used.add(p);
      pairs.push([p, n]);
    }
  }
  return pairs;
}

/** Sections paired by id, then the rest by how alike their text (or, if empty, title) is. */
export function pairSections(
  prev: SnapshotSection[],
  next: SnapshotSection[],
): [SnapshotSection, SnapshotSection][] {
  const pairs: [SnapshotSection, SnapshotSection][] = [];
  const freePrev = new Set(prev);
  const freeNext = new Set(next);
  const take = (p: SnapshotSection, n: SnapshotSection): void => {
    pairs.push([p, n]);
    freePrev.delete(p);
    freeNext.delete(n);
  };
  // The opening text (level 1, first) always pairs, even if the chapter id changed.
  if (prev[0]?.level === 1 && next[0]?.level === 1) take(prev[0], next[0]);
  for (const n of next) {
    const p = [...freePrev].find((s) => s.id === n.id);
    if (p && freeNext.has(n)) take(p, n);
  }
  const candidates: { p: SnapshotSection; n: SnapshotSection; score: number }[] = [];
  for (const p of freePrev) {
    for (const n of freeNext) {
      const score = p.text && n.text ? similarity(p.text, n.text) : similarity(p.title, n.title);
      if (score >= RENAME_THRESHOLD) candidates.push({ p, n, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) if (freePrev.has(c.p) && freeNext.has(c.n)) take(c.p, c.n);
  return pairs;
}

function sectionChanges(prev: SnapshotChapter, next: SnapshotChapter): SectionChange[] {
  const pairs = pairSections(prev.sections, next.sections);
  const pairedPrev = new Set(pairs.map(([p]) => p));
  const pairedNext = new Map(pairs.map(([p, n]) => [n, p]));
  const out: SectionChange[] = [];
  // Removals first (in their old order), then everything else in the new reading order.
  for (const p of prev.sections) {
    if (!pairedPrev.has(p))
      out.push({
        kind: 'removed',
        id: p.id,
        title: p.title,
        level: p.level,
        words: words(p.text).length,
      });
  }
  for (const n of next.sections) {
    const p = pairedNext.get(n);
    if (!p) {
      out.push({
        kind: 'added',
        id: n.id,
        title: n.title,
        level: n.level,
        words: words(n.text).length,
      });
      continue;
    }
    const textChanged = collapse(p.text) !== collapse(n.text);
    const d = textChanged ? diffWords(p.text, n.text) : { added: 0, removed: 0, ops: [] };
    const renamed = collapse(p.title) !== collapse(n.title) && n.level > 1;
    if (renamed) {
      out.push({
        kind: 'renamed',
        id: n.id,
        title: n.title,
        from: p.title,
        level: n.level,
        added: d.added,
        removed: d.removed,
        summary: textChanged ? summariseDiff(d) : null,
      });
    } else if (textChanged) {
      out.push({
        kind: 'changed',
        id: n.id,
        title: n.title,
        level: n.level,
        added: d.added,
        removed: d.removed,
        summary: summariseDiff(d),
      });
    }
  }
  return out;
}

/**
 * Links added or removed within each chapter present in both releases (a link that moved to
 * another chapter shows as removed there and added here; the links of a whole chapter added
 * or removed are covered by that chapter's line).
 */
function linkChanges(pairs: [SnapshotChapter, SnapshotChapter][]): ChangeSet['links'] {
  const added: LinkChange[] = [];
  const removed: LinkChange[] = [];
  for (const [p, n] of pairs) {
    const before = new Set(p.links.map((l) => l.href));
    const after = new Set(n.links.map((l) => l.href));
    for (const l of n.links) if (!before.has(l.href)) added.push({ ...l, chapter: n.title });
    for (const l of p.links) if (!after.has(l.href)) removed.push({ ...l, chapter: n.title });
  }
  return { added, removed };
}

const gapKey = (g: GapNote): string => `${g.file}\u0000${collapse(g.message)}`;

function minus<T>(a: Map<string, T>, b: Map<string, T>): T[] {
  return [...a].filter(([k]) => !b.has(k)).map(([, v]) => v);
}

export function diffSnapshots(prev: Snapshot, next: Snapshot): ChangeSet {
  const pairs = pairChapters(prev.chapters, next.chapters);
  const pairedPrev = new Set(pairs.map(([p]) => p));
  const pairedNext = new Set(pairs.map(([, n]) => n));
  const prevGaps = new Map(prev.gaps.map((g) => [gapKey(g), g]));
  const nextGaps = new Map(next.gaps.map((g) => [gapKey(g), g]));
  return {
    chapters: {
      added: next.chapters.filter((c) => !pairedNext.has(c)).map(ref),
      removed: prev.chapters.filter((c) => !pairedPrev.has(c)).map(ref),
      renamed: pairs
        .filter(([p, n]) => collapse(p.title) !== collapse(n.title))
        .map(([p, n]) => ({ ...ref(n), from: p.title })),
    },
    sections: pairs
      .map(([p, n]) => ({ chapter: ref(n), changes: sectionChanges(p, n) }))
      .filter((c) => c.changes.length > 0),
    links: linkChanges(pairs),
    gaps: { opened: minus(nextGaps, prevGaps), closed: minus(prevGaps, nextGaps) },
  };
}

export function isEmpty(c: ChangeSet): boolean {
  return (
    c.chapters.added.length +
      c.chapters.removed.length +
      c.chapters.renamed.length +
      c.sections.length +
      c.links.added.length +
      c.links.removed.length +
      c.gaps.opened.length +
      c.gaps.closed.length ===
    0
  );
}
