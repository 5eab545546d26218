/**
 * DOCX renderer: the transformed Handbook tree → a Word document (docx v9), read from the
 * same tree as the HTML (no Markdown, no HTML scraping). Deterministic: the same tree gives
 * the same bytes (see package.ts).
 */
import { Document, Packer, type FileChild } from 'docx';
import type { Handbook, WordDocument } from '../model.js';
import { bookmarkNames } from './bookmarks.js';
import { renderBlocks } from './blocks.js';
import { ROOT_ENV, createContext, type RenderContext } from './context.js';
import {
  DOC_CONTROL_ID,
  chapterOpening,
  cover,
  documentControlAndContents,
  partDivider,
  runningFooter,
  runningHeader,
} from './frontmatter.js';
import { resolveImages } from './images.js';
import { handbookNumbering } from './numbering.js';
import { finishPackage } from './package.js';
import { handbookStyles } from './styles.js';
import { tocXml } from './toc.js';

export interface RenderDocxOptions {
  /** Directory that site paths of images (`/assets/…`) are resolved against. */
  assetsRoot?: string;
}

function body(hb: Handbook, ctx: RenderContext): FileChild[] {
  const out: FileChild[] = [...cover(hb), ...documentControlAndContents(hb, ctx)];
  let part: string | undefined;
  for (const chapter of [...hb.chapters, ...hb.appendices]) {
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
    creator: meta.author ?? meta.organisation ?? meta.title,
    lastModifiedBy: meta.author ?? meta.organisation ?? meta.title,
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
  const ctx = createContext(bookmarkNames(hb, [DOC_CONTROL_ID]), images);
  const children = body(hb, ctx);
  const doc = new Document({
    ...coreProperties(hb),
    customProperties: [
      { name: 'Version', value: hb.meta.version },
      { name: 'ReleaseDate', value: hb.meta.date },
    ],
    features: { updateFields: false },
    styles: handbookStyles(hb.meta.language),
    numbering: handbookNumbering(),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        headers: { default: runningHeader(hb) },
        footers: { default: runningFooter(hb) },
        children,
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  const bytes = finishPackage(new Uint8Array(packed), {
    tocXml: tocXml(ctx.toc, ctx.tocDepth),
    date: hb.meta.date,
  });
  return { bytes };
}
