/**
 * DOCX renderer: the transformed Handbook tree → a Word document (docx v9), read from the
 * same tree as the HTML (no Markdown, no HTML scraping). Deterministic: the same tree gives
 * the same bytes (see package.ts).
 */
import { Document, type FileChild } from 'docx';
import type { Handbook, WordDocument } from '../model.js';
import { bookmarkNames } from './bookmarks.js';
import { renderBlocks } from './blocks.js';
import type { Diagnostics } from '../diagnostics.js';
import { ROOT_ENV, createContext, type RenderContext, type Report } from './context.js';
import {
  DOC_CONTROL_ID,
  VERSION_HISTORY_ID,
  chapterOpening,
  cover,
  emptyFooter,
  emptyHeader,
  documentControlAndContents,
  partDivider,
  runningFooter,
  runningHeader,
} from './frontmatter.js';
import { resolveImages } from './images.js';
import { brandStyles } from '../editions/docx.js';
import { handbookNumbering } from './numbering.js';
import { compileParts, finishParts } from './package.js';
import { handbookStyles } from './styles.js';
import { tocXml } from './toc.js';
import { STANDARD_PROFILE, type PrintProfile } from '../large-print.js';
import { wordProfile } from './profile.js';

export interface RenderDocxOptions {
  /** Directory that site paths of images (`/assets/…`) are resolved against. */
  assetsRoot?: string;
  /** Where to report what the Word handbook could not include (missing images, dead links). */
  diagnostics?: Diagnostics;
  /** Sizes, spacing and emphasis (src/large-print.ts); default: the standard handbook's. */
  profile?: PrintProfile;
}

/** A reporter that names the chapter being rendered and says each thing once. */
function reporter(diag: Diagnostics | undefined, current: () => string): Report {
  const said = new Set<string>();
  return (code, message, hint) => {
    const key = `${current()}\0${code}\0${message}`;
    if (!diag || said.has(key)) return;
    said.add(key);
    diag.warning(current(), undefined, code, message, hint);
  };
}

function body(hb: Handbook, ctx: RenderContext, at: { source: string }): FileChild[] {
  const out: FileChild[] = [...cover(hb, ctx), ...documentControlAndContents(hb, ctx)];
  let part: string | undefined;
  for (const chapter of [...hb.chapters, ...hb.appendices]) {
    at.source = chapter.source;
    if (chapter.part && chapter.part !== part) out.push(partDivider(chapter.part));
    part = chapter.part;
    out.push(
      ...chapterOpening(chapter, ctx),
      ...renderBlocks(chapter.body.children, ctx, ROOT_ENV),
    );
    ctx.pendingIds.length = 0;
  }
  return out;
}

function coreProperties(hb: Handbook) {
  const { meta } = hb;
  return {
    title: meta.title,
    subject: meta.subtitle ?? meta.title,
    // Who wrote it: the handbook's author or organisation, never the guide's title. With
    // neither, package.ts drops docx's "Un-named" placeholder rather than inventing one.
    creator: meta.author ?? meta.organisation ?? '',
    lastModifiedBy: meta.author ?? meta.organisation ?? '',
    description: meta.description ?? meta.subtitle ?? meta.title,
    keywords: [meta.organisation, 'handbook', `version ${meta.version}`].filter(Boolean).join('; '),
    revision: 1,
  };
}

export async function renderDocx(
  hb: Handbook,
  opts: RenderDocxOptions = {},
): Promise<WordDocument> {
  const images = await resolveImages(hb, opts.assetsRoot);
  const at = { source: '' };
  const profile = wordProfile(opts.profile ?? STANDARD_PROFILE);
  const ctx = createContext(
    bookmarkNames(hb, [DOC_CONTROL_ID, VERSION_HISTORY_ID]),
    images,
    reporter(opts.diagnostics, () => at.source),
    profile,
  );
  const children = body(hb, ctx, at);
  const doc = new Document({
    ...coreProperties(hb),
    customProperties: [
      { name: 'Version', value: hb.meta.version },
      { name: 'ReleaseDate', value: hb.meta.date },
    ],
    // Word recomputes the contents' page references when it opens the file (toc.ts).
    features: { updateFields: true },
    styles: brandStyles(handbookStyles(hb.meta.language, profile), hb),
    numbering: handbookNumbering(),
    sections: [
      {
        // titlePage: the cover (page 1) takes the empty first-page header and footer, so it
        // carries no running head and no "Page 1 of N"; every later page has both.
        properties: { titlePage: true, page: { size: { width: 11906, height: 16838 } } },
        headers: { default: runningHeader(hb), first: emptyHeader() },
        footers: { default: runningFooter(hb), first: emptyFooter() },
        children,
      },
    ],
  });
  const bytes = finishParts(await compileParts(doc), {
    tocXml: tocXml(ctx.toc),
    date: hb.meta.date,
    language: hb.meta.language,
    company: hb.meta.organisation,
  });
  return { bytes };
}
