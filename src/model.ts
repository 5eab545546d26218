/**
 * The data that flows between the pipeline's stages:
 *
 *   SourceTree → ExpandedPage[] → ParsedPage[] → Handbook → HtmlDocument → PrintedPdf → FinishedPdf
 *                                                 Handbook → WordDocument
 *
 * Each stage is a module under src/ with a typed input and output; only the edges touch
 * the disk, the browser or the clock.
 */
import type { Root as HastRoot } from 'hast';
import type { HandbookConfig, ReleaseEntry } from './config/schema.js';
import type { EditionMeta, LeftOut } from './editions/model.js';

/** A Markdown file with YAML front matter, as read from the source tree. */
export interface SourceFile {
  /** Relative to the source root, POSIX separators: `guide/01-get-started.md`. */
  path: string;
  /** The whole file as read (used to locate findings). */
  raw: string;
  frontMatter: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** 1-based line in `raw` on which `body` starts. */
  bodyLine: number;
}

/** A page of the site (has a permalink, or one derived as Jekyll would). */
export interface Page extends SourceFile {
  permalink: string;
  title: string;
  subtitle?: string;
  nextpage?: string;
  previouspage?: string;
}

/** A document of a Jekyll collection (`_steps/<group>/NN-name.md`). */
export interface CollectionDoc extends SourceFile {
  collection: string;
  /** The front matter plus `content` (the body), as Liquid's `site.<collection>` sees it. */
  data: Record<string, unknown>;
}

/** A navigation list from `_data/*.yml`. */
export interface NavigationList {
  /** Data file path relative to the source root (`_data/navigation.yml`). */
  file: string;
  /** Key path inside the file, when the list is nested (`guide`, `sections[0].items`). */
  key: string;
  entries: { title: string; url: string; line?: number }[];
}

export interface SourceTree {
  /** Absolute path of the source directory. */
  root: string;
  /** `_config.yml` as parsed. */
  site: Record<string, unknown>;
  /** `_data/*.yml` by file stem. */
  data: Record<string, unknown>;
  /** Every page, sorted by path. */
  pages: Page[];
  /** Collection documents by collection name. */
  collections: Record<string, CollectionDoc[]>;
  /** `_includes/**` by relative name (`carecard.html`, `steps/step.html`). */
  includes: Record<string, string>;
  navigation: NavigationList[];
  config: HandbookConfig;
  /** Document-control history, oldest first (empty when the sources keep none). */
  releases: ReleaseEntry[];
  /** The pages of the handbook in reading order, grouped into parts when configured. */
  order: { part?: string; page: Page }[];
  /** Set by an edition (src/editions/): text it leaves out, which links must not reach. */
  leftOut?: LeftOut;
}

/** A page after Liquid: Markdown (with embedded HTML from includes). */
export interface ExpandedPage {
  page: Page;
  markdown: string;
}

/** A page after Markdown parsing: an HTML tree (raw HTML already parsed into it). */
export interface ParsedPage {
  page: Page;
  tree: HastRoot;
}

export interface OutlineEntry {
  id: string;
  title: string;
  /** Heading level in the handbook (chapter title = 1). */
  level: number;
  children: OutlineEntry[];
}

/**
 * A chapter or appendix of the handbook. `body` holds everything below the chapter title
 * (headings h2–h6 with unique ids, paragraphs, lists, tables, components). Components are
 * normalised elements with `hb-` classes (see src/transform/components.ts):
 *   aside.hb-card        care card (h-heading.hb-card__heading, span.hb-label label)
 *   div.hb-inset[role=note]  inset (span.hb-label label first)
 *   span.hb-label[data-hb-label=hidden|shown]: the label rule's decision (transform/labels.ts);
 *   no span = dropped
 *   ol.hb-steps > li.hb-step (hN.hb-step__title, p.hb-step__subtitle, content)
 *   p.hb-action > a      button / action link
 *   ol.hb-references > li.hb-ref  appendix entries (a, span.hb-ref__url, .hb-ref__missing)
 * Internal links are `href="#id"`; external ones are absolute URLs; links that resolved to
 * nothing have become `span.hb-broken-link`.
 */
export interface Chapter {
  id: string;
  kind: 'chapter' | 'appendix';
  /** "Appendix A" for appendices. */
  label?: string;
  title: string;
  subtitle?: string;
  /** The part this chapter opens or belongs to, when the handbook has parts. */
  part?: string;
  /** Source file of the page (for reports). */
  source: string;
  permalink: string;
  body: HastRoot;
  outline: OutlineEntry[];
}

export interface HandbookMeta {
  title: string;
  subtitle?: string;
  organisation?: string;
  author?: string;
  description?: string;
  language: string;
  /** Release version stamped on the outputs ("draft" outside a release). */
  version: string;
  /** ISO date (YYYY-MM-DD) of the release or build. */
  date: string;
  /** The edition built (absent for the main guide): organisation, colour, what it changes. */
  edition?: EditionMeta;
}

/** The one transformed tree from which HTML, PDF and Word are all rendered. */
export interface Handbook {
  meta: HandbookMeta;
  /** Version history for the document control page, newest last. */
  releases: ReleaseEntry[];
  chapters: Chapter[];
  appendices: Chapter[];
}

export interface HtmlDocument {
  html: string;
}

export interface PrintedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

export interface WordDocument {
  bytes: Uint8Array;
}
