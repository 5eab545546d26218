/**
 * CHANGES.md: the editor's notes (--notes FILE) on top, then what changed since the previous
 * release, then the GAP notes still open. Deterministic: no clock, no paths.
 */
import type { ChangeSet, LinkChange, SectionChange } from './diff.js';
import { isEmpty } from './diff.js';
import type { GapNote, Snapshot } from './snapshot.js';

export interface NotesInput {
  version: string;
  date: string;
  snapshot: Snapshot;
  /** The text of --notes FILE, as written. */
  notes?: string;
  previous?: { snapshot: Snapshot; commit: string | null };
  changes?: ChangeSet;
}

const q = (s: string): string => `“${s}”`;

function gapLine(g: GapNote): string {
  return `- ${g.file}${g.line === null ? '' : `:${g.line}`}: ${g.message}`;
}

/** `#id` links are shown by the title of what they point to, URLs as they are. */
function linkTarget(l: LinkChange, snap: Snapshot): string {
  if (!l.href.startsWith('#')) return `<${l.href}>`;
  const id = l.href.slice(1);
  for (const c of snap.chapters) {
    if (c.id === id) return `${q(c.title)} (${l.href})`;
    const s = c.sections.find((x) => x.id === id);
    if (s) return `${q(`${c.title} › ${s.title}`)} (${l.href})`;
  }
  return `\`${l.href}\``;
}

function linkLine(l: LinkChange, snap: Snapshot): string {
  const text = l.text && l.text !== l.href ? `${q(l.text)} → ` : '';
  return `- ${text}${linkTarget(l, snap)} (in ${q(l.chapter)})`;
}

function sectionLine(c: SectionChange): string {
  switch (c.kind) {
    case 'added':
      return `- Added ${q(c.title)} (${c.words} words)`;
    case 'removed':
      return `- Removed ${q(c.title)} (${c.words} words)`;
    case 'changed':
      return c.level === 1
        ? `- Changed the opening text: ${c.summary}`
        : `- Changed ${q(c.title)}: ${c.summary}`;
    case 'renamed':
      return `- Renamed ${q(c.from)} to ${q(c.title)}${c.summary ? `; ${c.summary}` : ''}`;
  }
}

function changesBody(c: ChangeSet, prev: Snapshot, next: Snapshot): string[] {
  if (isEmpty(c)) return ['No changes to the content.', ''];
  const out: string[] = [];
  const { added, removed, renamed } = c.chapters;
  if (added.length + removed.length + renamed.length > 0) {
    out.push('### Chapters', '');
    for (const x of added) out.push(`- Added ${q(x.title)} (${x.permalink})`);
    for (const x of removed) out.push(`- Removed ${q(x.title)} (${x.permalink})`);
    for (const x of renamed) out.push(`- Renamed ${q(x.from)} to ${q(x.title)} (${x.permalink})`);
    out.push('');
  }
  if (c.sections.length > 0) {
    out.push('### Sections', '');
    for (const s of c.sections) {
      out.push(`#### ${s.chapter.title}`, '', ...s.changes.map(sectionLine), '');
    }
  }
  if (c.links.added.length + c.links.removed.length > 0) {
    out.push('### Links', '');
    if (c.links.added.length)
      out.push('Added:', '', ...c.links.added.map((l) => linkLine(l, next)), '');
    if (c.links.removed.length)
      out.push('Removed:', '', ...c.links.removed.map((l) => linkLine(l, prev)), '');
  }
  if (c.gaps.opened.length + c.gaps.closed.length > 0) {
    out.push('### GAP notes', '');
    if (c.gaps.opened.length) out.push('Opened:', '', ...c.gaps.opened.map(gapLine), '');
    if (c.gaps.closed.length) out.push('Closed:', '', ...c.gaps.closed.map(gapLine), '');
  }
  return out;
}

function contentsSummary(s: Snapshot): string[] {
  const chapters = s.chapters.filter((c) => c.kind === 'chapter');
  const appendices = s.chapters.filter((c) => c.kind === 'appendix');
  const sections = s.chapters.reduce((n, c) => n + c.sections.filter((x) => x.level > 1).length, 0);
  const links = new Set(s.chapters.flatMap((c) => c.links.map((l) => l.href))).size;
  return [
    'First release.',
    '',
    `Contents: ${chapters.length} chapters, ${appendices.length} appendices, ${sections} sections, ${links} distinct links.`,
    '',
    ...s.chapters.map(
      (c) => `- ${c.kind === 'appendix' ? 'Appendix: ' : ''}${c.title} (${c.permalink})`,
    ),
    '',
  ];
}

export function renderNotes(input: NotesInput): string {
  const { snapshot, previous, changes } = input;
  const out: string[] = [`# ${snapshot.title} ${input.version} (${input.date})`, ''];
  const editor = input.notes?.replace(/\r\n?/g, '\n').trim();
  if (editor) out.push(editor, '');
  out.push('## Changes', '');
  if (previous && changes) {
    const commit = previous.commit ? `, commit ${previous.commit.slice(0, 12)}` : '';
    out.push(
      `Compared with release ${previous.snapshot.version} (${previous.snapshot.date}${commit}).`,
      '',
    );
    out.push(...changesBody(changes, previous.snapshot, snapshot));
  } else {
    out.push(...contentsSummary(snapshot));
  }
  out.push('## Open GAP notes', '');
  if (snapshot.gaps.length === 0) out.push('None.', '');
  else
    out.push(`${snapshot.gaps.length} GAP note(s) remain:`, '', ...snapshot.gaps.map(gapLine), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/**
 * The first paragraph of the editor's notes, as one line: the document-control summary.
 * A paragraph that is only a heading ("# Release 1.1") is passed over when text follows.
 */
export function notesSummary(notes: string | undefined): string | undefined {
  if (!notes) return undefined;
  const paras = notes
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const isHeading = (p: string): boolean => /^#{1,6}\s/.test(p) && !p.includes('\n');
  const chosen = paras.find((p) => !isHeading(p)) ?? paras[0];
  const line = chosen
    ?.replace(/^#{1,6}\s*/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line || undefined;
}
