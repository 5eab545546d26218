/**
 * The package document (package.opf): metadata, including the EPUB Accessibility 1.1
 * conformance claim and the schema.org accessibility properties, the manifest and the spine.
 * Everything in it comes from the tree and the release date: the identifier is a name-based
 * UUID of what distinguishes one handbook from another, `dcterms:modified` is the date.
 */
import { createHash } from 'node:crypto';
import type { HandbookMeta } from '../model.js';
import { escapeAttribute, escapeText } from './xhtml.js';

export interface ManifestItem {
  href: string;
  mediaType: string;
  /** `nav`, `svg`, `mathml`: what the item holds beyond plain XHTML. */
  properties?: string[];
  /** In the spine, in this order (content documents only). */
  spine?: boolean;
}

export interface Accessibility {
  /** Images (or inline SVG) the reader sees: adds `visual` and `alternativeText`. */
  visual: boolean;
  /** The page list of the print edition is in the navigation document. */
  pageList: boolean;
}

/** Fixed namespace for the identifiers (RFC 4122 name-based UUIDs, version 5). */
const NAMESPACE = 'b3c0c6c4-5e1f-4f0a-9d59-3a8e2f1c7d42';

export function publicationId(meta: HandbookMeta): string {
  // An edition is a publication of its own (two editions may share every other field).
  const name = [meta.title, meta.subtitle, meta.organisation, meta.language, meta.version]
    .concat(meta.edition ? [meta.edition.id] : [])
    .map((v) => v ?? '')
    .join('\0');
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function accessibilitySummary(meta: HandbookMeta, a11y: Accessibility): string {
  const parts = [
    'This publication meets EPUB Accessibility 1.1 at WCAG 2.1 Level AA.',
    'Chapters, sections and appendices are marked up as headings in reading order, and the contents and landmarks lead to each of them.',
    'Care cards, insets and steps are marked up as asides, notes and numbered lists; tables have header cells.',
  ];
  if (a11y.visual) parts.push('Every image has a text alternative, or is marked as decorative.');
  if (a11y.pageList)
    parts.push(
      `The page list gives the pages of the print (PDF) edition, version ${meta.version}, at each chapter, section and link target that begins on a page.`,
    );
  parts.push('It has no scripts, no sound, no video and no flashing content.');
  return parts.join(' ');
}

function meta(property: string, value: string): string {
  return `    <meta property="${property}">${escapeText(value)}</meta>`;
}

function metadata(m: HandbookMeta, a11y: Accessibility): string[] {
  const dc = (name: string, value: string | undefined, id = '') =>
    value ? [`    <dc:${name}${id ? ` id="${id}"` : ''}>${escapeText(value)}</dc:${name}>`] : [];
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder'];
  if (a11y.visual) features.push('alternativeText');
  if (a11y.pageList) features.push('printPageNumbers', 'pageBreakMarkers');
  return [
    ...dc('identifier', publicationId(m), 'pub-id'),
    ...dc('title', m.title),
    ...dc('language', m.language),
    ...dc('creator', m.author ?? m.organisation),
    ...dc('publisher', m.organisation),
    ...dc('date', m.date),
    ...dc('description', m.description ?? m.subtitle),
    // The page list's source (EPUB 3.2's way, which Ace and epubcheck both read).
    ...(a11y.pageList
      ? [
          ...dc('source', `${m.title}, version ${m.version}, print (PDF) edition`, 'print-source'),
          '    <meta refines="#print-source" property="source-of">pagination</meta>',
        ]
      : []),
    meta('dcterms:modified', `${m.date}T00:00:00Z`),
    meta('schema:accessMode', 'textual'),
    ...(a11y.visual ? [meta('schema:accessMode', 'visual')] : []),
    meta('schema:accessModeSufficient', 'textual'),
    ...features.map((f) => meta('schema:accessibilityFeature', f)),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', accessibilitySummary(m, a11y)),
    meta('dcterms:conformsTo', 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'),
  ];
}

/** The manifest id of a file: its path with every other character made an XML name one. */
export function itemId(href: string): string {
  return `item-${href.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function packageDocument(
  m: HandbookMeta,
  items: readonly ManifestItem[],
  a11y: Accessibility,
): string {
  const manifest = items.map((i) => {
    const props = i.properties?.length ? ` properties="${i.properties.join(' ')}"` : '';
    return `    <item id="${itemId(i.href)}" href="${escapeAttribute(i.href)}" media-type="${i.mediaType}"${props}/>`;
  });
  const spine = items.filter((i) => i.spine).map((i) => `    <itemref idref="${itemId(i.href)}"/>`);
  const lang = escapeAttribute(m.language);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${lang}">`,
    '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    ...metadata(m, a11y),
    '  </metadata>',
    '  <manifest>',
    ...manifest,
    '  </manifest>',
    '  <spine>',
    ...spine,
    '  </spine>',
    '</package>',
    '',
  ].join('\n');
}
