/** What the block and inline renderers share while walking one handbook. */
import type { ImageStore } from './images.js';
import { NumberingPool } from './numbering.js';
import { STANDARD_PROFILE } from '../large-print.js';
import { wordProfile, type WordProfile } from './profile.js';

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
  /** What the Word handbook had to leave out (missing image, dead link): never silent. */
  report: Report;
  /** Sizes and emphasis of the print profile (src/docx/profile.ts). */
  profile: WordProfile;
}

/** Reports a finding about the chapter being rendered (file = its source). */
export type Report = (code: string, message: string, hint?: string) => void;

export function createContext(
  bookmarks: Map<string, string>,
  images: ImageStore,
  report: Report = () => undefined,
  profile: WordProfile = wordProfile(STANDARD_PROFILE),
): RenderContext {
  return {
    report,
    profile,
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
  /**
   * Inside a care card or inset: the box's left indent. Word and LibreOffice join paragraph
   * borders into one box only when the paragraphs have the same indents, so lists and
   * continuation paragraphs in a box keep it (bullets then sit at the box's edge, their text
   * at a tab stop) instead of opening a second, shifted box.
   */
  boxIndent?: number;
  /** Visible lead-in (a screen-reader label), put before the first paragraph's text once. */
  leadIn?: { text: string; used: boolean };
}

export const ROOT_ENV: BlockEnv = { listDepth: 0 };
