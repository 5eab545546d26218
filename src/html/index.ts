/**
 * HTML renderer: Handbook → one self-contained HTML document (fonts, CSS and images inlined,
 * no script, no external request), for the screen or for printing to PDF with Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handbook, HtmlDocument } from '../model.js';
import { fontFaces, stylesheet, type RenderMode } from './assets.js';
import { collectIds, type IdCache } from './ids.js';
import { packageRoot } from '../package-root.js';
import { pageCss } from './page-css.js';
import { profileCss } from './profile-css.js';
import { STANDARD_PROFILE, type PrintProfile } from '../large-print.js';
import { handbookLayout } from './templates.js';
import { chapterViews, frontMatter, landmarkIds, type BodyCache } from './view.js';
import { editionHtml } from '../editions/html.js';

export interface RenderHtmlOptions {
  mode: RenderMode;
  /** Print mode: contents page numbers by target id (from a previous print pass). */
  pageNumbers?: Record<string, number>;
  /** The source directory: relative and site-root image sources are resolved against it. */
  assetsRoot?: string;
  /** Sizes, spacing and emphasis (src/large-print.ts); default: the standard handbook's. */
  profile?: PrintProfile;
  /**
   * What is kept by the body tree it was made from (`handbook serve` passes the same maps on
   * each rebuild; a body tree is never changed after the transform): rendered screen bodies
   * and each body's ids.
   */
  cache?: RenderCache;
}

export interface RenderCache {
  bodies: BodyCache;
  ids: IdCache;
}

export type { RenderMode } from './assets.js';
export type { LinkNote } from './link-notes.js';
export type { BodyCache } from './view.js';

export async function renderHtml(hb: Handbook, opts: RenderHtmlOptions): Promise<HtmlDocument> {
  const { mode } = opts;
  const ids = collectIds(hb, opts.cache?.ids);
  const landmarks = landmarkIds(ids);
  const [layout, fonts, sheet, chapters, edition] = await Promise.all([
    handbookLayout(),
    fontFaces(),
    stylesheet(mode),
    chapterViews(hb, mode, ids, opts.assetsRoot, opts.profile, opts.cache?.bodies),
    editionHtml(hb.meta, opts.assetsRoot),
  ]);
  const named = chapters.map((c) => ({ name: c.pageName, head: c.heading }));
  const parts = [fonts, sheet, mode === 'print' ? pageCss(hb.meta, named) : ''];
  if (edition?.css) parts.push(edition.css);
  // Last, so that it wins; the standard profile adds nothing (and not even a line break).
  const profiled = profileCss(opts.profile ?? STANDARD_PROFILE, mode);
  if (profiled) parts.push(profiled);
  const css = parts.join('\n');
  const html = layout({
    mode,
    meta: hb.meta,
    css,
    ids: landmarks,
    ...frontMatter(hb, mode, opts.pageNumbers),
    chapters: chapters.filter((c) => c.kind === 'chapter'),
    appendices: chapters.filter((c) => c.kind === 'appendix'),
    generator: generator(),
    edition,
  });
  return { html };
}

let generatorName: string | undefined;

/** "handbook-press 0.1.0": the colophon names the tool that set the document. */
function generator(): string {
  if (!generatorName) {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    generatorName = `${pkg.name ?? 'handbook-press'} ${pkg.version ?? ''}`.trim();
  }
  return generatorName;
}
