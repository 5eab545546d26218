/** What the block and inline renderers share while walking one handbook. */
import type { ImageStore } from './images.js';
import { NumberingPool } from './numbering.js';

export interface TocEntry {
  title: string;
  level: number;
  bookmark: string;
}

export interface RenderContext {
  /** Tree id → Word bookmark name. */
  bookmarks: Map<string, string>;
  /** Bookmarks already placed (each id is bookmarked once, at its first element). */
  placed: Set<string>;
  numbering: NumberingPool;
  images: ImageStore;
  /** Ids of containers (div id=…) waiting for the next paragraph to carry their bookmark. */
  pendingIds: string[];
  /** Headings as rendered, for the pre-filled contents field. */
  toc: TocEntry[];
  /** Deepest heading level listed in the contents (TOC \o "1-N"). */
  tocDepth: number;
}

export function createContext(bookmarks: Map<string, string>, images: ImageStore): RenderContext {
  return {
    bookmarks,
    placed: new Set(),
    pendingIds: [],
    numbering: new NumberingPool(),
    images,
    toc: [],
    tocDepth: 3,
  };
}

/** Paragraph settings a container passes down to the blocks inside it. */
export interface BlockEnv {
  /** Paragraph style for body paragraphs (care card, inset …); default Normal. */
  style?: string;
  /** Indent (twips) of continuation paragraphs: a list item's or step's content. */
  indent?: number;
  /** List nesting depth (0 = not in a list). */
  listDepth: number;
  /** Keep every paragraph with the next one (boxes that must not split). */
  keepTogether?: boolean;
  /** Visible lead-in (a screen-reader label), put before the first paragraph's text once. */
  leadIn?: { text: string; used: boolean };
}

export const ROOT_ENV: BlockEnv = { listDepth: 0 };
