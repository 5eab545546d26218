/**
 * EPUB renderer: the transformed Handbook tree → an accessible EPUB 3 (EPUB Accessibility 1.1,
 * WCAG 2.1 AA), read from the same tree as the HTML and Word handbooks. One XHTML file per
 * chapter, a navigation document made from the outline, the print edition's page list when
 * the PDF's page numbers are given, images as files with their alt text, no script.
 * Deterministic: the same tree, page numbers and date give the same bytes (fixed file order,
 * fixed zip timestamps from the date, an identifier derived from the handbook's metadata).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../diagnostics.js';
import { zipEntries, type ZipEntry } from '../docx/zip.js';
import type { Handbook } from '../model.js';
import { packageRoot } from '../package-root.js';
import { PRODUCER } from '../version.js';
import { colophonDoc, contentDocuments, NAV_HREF, type ContentDoc } from './documents.js';
import { packageImages } from './images.js';
import { fileOfId, relinkDocuments } from './links.js';
import { navBody } from './nav.js';
import { packageDocument, type ManifestItem } from './package-document.js';
import { addPageBreaks } from './pages.js';
import { escapeAttribute, escapeText, toXhtml } from './xhtml.js';

export interface RenderEpubOptions {
  /** The source directory: image sources are resolved against it. */
  assetsRoot?: string;
  /**
   * Page of the print (PDF) edition by element id, from the same build's final print: makes
   * the page list. Without it the EPUB has no page list (it never guesses pages).
   */
  pageNumbers?: Readonly<Record<string, number>>;
  /** Where to report images the EPUB cannot hold. */
  diagnostics?: Diagnostics;
}

export interface EpubDocument {
  bytes: Uint8Array;
  /** Pages listed in the page list (0: none). */
  pageListEntries: number;
}

/** Folder of the publication inside the container. */
const ROOT = 'EPUB';
const CSS_HREF = 'styles/handbook.css';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${ROOT}/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

export async function renderEpub(
  hb: Handbook,
  opts: RenderEpubOptions = {},
): Promise<EpubDocument> {
  const { docs, ids } = await contentDocuments(hb);
  docs.push(await colophonDoc(hb, ids, PRODUCER));
  relinkDocuments(docs, fileOfId(docs));
  const images = await packageImages(docs, opts.assetsRoot, (src, problem, source) =>
    opts.diagnostics?.warning(
      source ?? '',
      undefined,
      'epub-image',
      `the EPUB shows the alt text of image ${src}: it ${problem}`,
      'use a PNG, JPEG, GIF or SVG image',
    ),
  );
  const pages = opts.pageNumbers ? addPageBreaks(docs, opts.pageNumbers) : undefined;
  const nav = docs.find((d) => d.href === NAV_HREF);
  if (nav) nav.body = { type: 'root', children: navBody(hb, docs, pages) };

  const items: ManifestItem[] = [];
  const files: ZipEntry[] = [];
  for (const doc of docs) {
    items.push({
      href: doc.href,
      mediaType: 'application/xhtml+xml',
      properties: [...(doc === nav ? ['nav'] : []), ...inlineKinds(doc.body)],
      spine: true,
    });
    files.push(text(doc.href, page(doc, hb.meta.language)));
  }
  items.push({ href: CSS_HREF, mediaType: 'text/css' });
  files.push({ name: `${ROOT}/${CSS_HREF}`, data: await stylesheet() });
  for (const img of images) {
    items.push({ href: img.href, mediaType: img.mediaType });
    files.push({ name: `${ROOT}/${img.href}`, data: img.bytes });
  }
  const a11y = {
    visual: images.length > 0 || items.some((i) => i.properties?.includes('svg')),
    pageList: (pages?.length ?? 0) > 0,
  };
  const opf = packageDocument(hb.meta, items, a11y);
  const bytes = zipEntries(
    [
      { name: 'mimetype', data: Buffer.from('application/epub+zip', 'ascii') },
      { name: 'META-INF/container.xml', data: Buffer.from(CONTAINER, 'utf8') },
      text('package.opf', opf),
      ...files,
    ],
    { date: hb.meta.date, stored: (name) => name === 'mimetype' },
  );
  return { bytes, pageListEntries: pages?.length ?? 0 };
}

function text(href: string, content: string): ZipEntry {
  return { name: `${ROOT}/${href}`, data: Buffer.from(content, 'utf8') };
}

/** Manifest properties for what a document holds inline: `svg`, `mathml`. */
function inlineKinds(tree: Root): string[] {
  const kinds = new Set<string>();
  visit(tree, 'element', (node) => {
    if (node.tagName === 'svg') kinds.add('svg');
    if (node.tagName === 'math') kinds.add('mathml');
  });
  return [...kinds].sort();
}

function page(doc: ContentDoc, lang: string): string {
  const l = escapeAttribute(lang);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${l}" xml:lang="${l}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    `<title>${escapeText(doc.title)}</title>`,
    `<link rel="stylesheet" type="text/css" href="${CSS_HREF}"/>`,
    '</head>',
    `<body class="hb-epub hb-epub--${doc.role}">`,
    toXhtml(doc.body),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

let css: Promise<Uint8Array> | undefined;

function stylesheet(): Promise<Uint8Array> {
  css ??= readFile(join(packageRoot(), 'styles', 'epub.css')).then((b) => new Uint8Array(b));
  return css;
}
