/**
 * The data the layouts are filled with. Everything the templates show is decided here, so
 * the .hbs files stay declarative.
 */
import type { Chapter, Handbook } from '../model.js';
import type { RenderMode } from './assets.js';
import { renderBody, type RenderedBody } from './body.js';
import { chapterHeading } from '../chapter-heading.js';
import { buildContents, PAGE_PLACEHOLDER, type TocItem } from './contents.js';
import { formatDate } from '../dates.js';
import type { LinkNote } from './link-notes.js';
import { uniqueId } from './link-notes.js';
import { pageName } from './page-css.js';
import type { PrintProfile } from '../large-print.js';

export interface ChapterView {
  id: string;
  kind: Chapter['kind'];
  heading: string;
  subtitle?: string;
  /** Set on the first chapter of a part. */
  partStart?: string;
  pageName: string;
  bodyHtml: string;
  /** The body's last block when it is kept with the link notes (see body.ts). */
  lastHtml: string;
  notes: LinkNote[];
  notesHeadingId: string;
  /** Few enough notes to keep on one page with the chapter's last block (print.css). */
  notesShort: boolean;
}

/** Up to this many notes are never split over pages (a third of an A4 page at most). */
export const SHORT_NOTES = 10;

export interface LandmarkIds {
  main: string;
  contents: string;
  documentControl: string;
  colophon: string;
}

export function landmarkIds(ids: Set<string>): LandmarkIds {
  return {
    main: uniqueId('main', ids),
    contents: uniqueId('contents', ids),
    documentControl: uniqueId('document-control', ids),
    colophon: uniqueId('colophon', ids),
  };
}

/** Rendered screen bodies by body tree (print bodies depend on every id: never kept). */
export type BodyCache = WeakMap<Chapter['body'], RenderedBody>;

export async function chapterViews(
  hb: Handbook,
  mode: RenderMode,
  ids: Set<string>,
  assetsRoot: string | undefined,
  profile?: PrintProfile,
  bodies?: BodyCache,
): Promise<ChapterView[]> {
  // Kept bodies are the standard screen ones (what `serve` shows); any other is rendered afresh.
  const cache = mode === 'screen' && !profile?.sizes ? bodies : undefined;
  const all = [
    ...hb.chapters.map((c, i) => ({ c, name: pageName('chapter', i), heading: chapterHeading(c) })),
    ...hb.appendices.map((c, i) => ({
      c,
      name: pageName('appendix', i),
      heading: chapterHeading(c),
    })),
  ];
  const views: ChapterView[] = [];
  let part: string | undefined;
  // Sequential on purpose: link-note ids are allocated in reading order.
  for (const { c, name, heading } of all) {
    let body = cache?.get(c.body);
    if (!body) {
      body = await renderBody(c, mode, ids, assetsRoot, profile);
      cache?.set(c.body, body);
    }
    const partStart = c.kind === 'chapter' && c.part && c.part !== part ? c.part : undefined;
    if (c.kind === 'chapter') part = c.part;
    views.push({
      id: c.id,
      kind: c.kind,
      heading,
      ...(c.subtitle?.trim() ? { subtitle: c.subtitle.trim() } : {}),
      ...(partStart ? { partStart } : {}),
      pageName: name,
      bodyHtml: body.html,
      lastHtml: body.lastHtml,
      notes: body.notes,
      notesHeadingId: body.notes.length ? uniqueId(`${c.id}-links`, ids) : '',
      notesShort: body.notes.length <= SHORT_NOTES,
    });
  }
  return views;
}

export function frontMatter(hb: Handbook, mode: RenderMode, pages?: Record<string, number>) {
  const showPages = mode === 'print';
  return {
    date: formatDate(hb.meta.date),
    releases: hb.releases.map((r) => ({ ...r, displayDate: formatDate(r.date) })),
    contents: buildContents(hb.chapters, hb.appendices, pages, showPages) satisfies TocItem[],
    placeholder: PAGE_PLACEHOLDER,
  };
}
