/**
 * Finishing the package docx wrote: put the contents field in, and make the bytes a pure
 * function of the handbook. docx takes bookmark and drawing ids from process-wide counters,
 * names hyperlink relationships randomly and stamps core dates with the clock; all of that
 * is rewritten here, and the zip is written once, with a fixed entry order and timestamps.
 *
 * Speed: docx's own `Packer` zips the package (JavaScript deflate), which we would only unzip
 * again to finish it. Its compiler, which gives the parts before zipping, is reached directly
 * when present (docx 9), with Packer + unzip as the fallback; each fix is one pass (or an
 * indexOf) over a part, never a regex per paragraph.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { finishStyles } from './styles-xml.js';
import { TOC_PLACEHOLDER, xmlEscape } from './toc.js';
import { zipEntries } from './zip.js';

export interface FinishOptions {
  /** The contents field XML, replacing the placeholder paragraph. */
  tocXml: string;
  /** ISO date (YYYY-MM-DD) for the core created/modified dates. */
  date: string;
  /** BCP 47 language for the core properties (dc:language), e.g. en-GB. */
  language?: string;
  /** The organisation, for the extended properties' Company (docProps/app.xml). */
  company?: string;
}

/** The package's parts by path: XML as strings, media as bytes. */
export type Parts = Map<string, string | Uint8Array>;

type Compile = (file: Document) => Parts;

/** The parts of `doc`, without zipping them. */
export async function compileParts(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: { compile?: Compile } }).compiler;
  if (compiler && typeof compiler.compile === 'function') {
    const parts = compiler.compile(doc);
    if (parts instanceof Map) return parts;
  }
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  return new Map(Object.entries(files));
}

/** Replaces each distinct value matched by `re` (group 2) with `rename(n)`, n in order of appearance. */
function renumber(
  xml: string,
  re: RegExp,
  rename: (n: number) => string,
  map = new Map<string, string>(),
): string {
  return xml.replace(re, (_m, pre: string, value: string, post: string) => {
    if (!map.has(value)) map.set(value, rename(map.size + 1));
    return `${pre}${map.get(value)}${post}`;
  });
}

export function replaceToc(documentXml: string, tocXml: string): string {
  const at = documentXml.indexOf(TOC_PLACEHOLDER);
  const start = at < 0 ? -1 : documentXml.lastIndexOf('<w:p>', at);
  const end = at < 0 ? -1 : documentXml.indexOf('</w:p>', at);
  if (start < 0 || end < 0) throw new Error('docx: contents placeholder not found in document.xml');
  return documentXml.slice(0, start) + tocXml + documentXml.slice(end + '</w:p>'.length);
}

/** Stable relationship ids: random ones (hyperlinks) become rIdL1, rIdL2 … in rels order. */
function stableRelIds(rels: string, xml: string): { rels: string; xml: string } {
  const map = new Map<string, string>();
  const newRels = renumber(rels, /(Id=")((?!rId\d+")[^"]+)(")/g, (n) => `rIdL${n}`, map);
  if (map.size === 0) return { rels, xml };
  const newXml = xml.replace(
    /(r:(?:id|embed|link)=")([^"]+)(")/g,
    (m, pre: string, id: string, post: string) => (map.has(id) ? `${pre}${map.get(id)}${post}` : m),
  );
  return { rels: newRels, xml: newXml };
}

/** Bookmark and drawing ids in document order, one pass. */
function stableIds(xml: string): string {
  const bookmarks = new Map<string, string>();
  const drawings = new Map<string, string>();
  return xml.replace(
    /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id="|<wp:docPr\b[^>]*?\bid=")(\d+)(")/g,
    (_m, pre: string, value: string, post: string) => {
      const map = pre.startsWith('<wp') ? drawings : bookmarks;
      if (!map.has(value)) map.set(value, String(map.size + 1));
      return `${pre}${map.get(value)}${post}`;
    },
  );
}

/**
 * An image without alternative text (the source gave none; the transform reported it) is
 * marked decorative, as Word's "Mark as decorative" does, so a screen reader skips it rather
 * than announcing a file name.
 */
export function markDecorative(xml: string): string {
  return xml.replace(
    /<wp:docPr\b((?:(?!descr=)[^>])*?)\/>/g,
    (_m, attrs: string) =>
      `<wp:docPr${attrs} descr=""><a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      `<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">` +
      `<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>` +
      `</a:ext></a:extLst></wp:docPr>`,
  );
}

function fixCore(core: string, date: string, language: string | undefined): string {
  const stamp = `${date}T00:00:00Z`;
  let out = core
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
  // docx writes "Un-named" when there is no creator; no author is better than a made-up one.
  out = out
    .replace('<dc:creator>Un-named</dc:creator>', '')
    .replace('<cp:lastModifiedBy>Un-named</cp:lastModifiedBy>', '');
  // python-docx and Word's document information panel read the language from dc:language.
  if (language && !out.includes('<dc:language>'))
    out = out.replace(
      '</cp:coreProperties>',
      `<dc:language>${language}</dc:language></cp:coreProperties>`,
    );
  return out;
}

/** Extended properties: the producing application and, when known, the company. */
export function appXml(company: string | undefined): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    (company ? `<Company>${xmlEscape(company)}</Company>` : '') +
    '<Application>handbook-press</Application></Properties>'
  );
}

/** Entry order: content types first, then package rels, then everything else sorted. */
export function entryOrder(names: string[]): string[] {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function finishParts(parts: Parts, opts: FinishOptions): Uint8Array {
  const text = (name: string): string => {
    const v = parts.get(name);
    return v === undefined ? '' : typeof v === 'string' ? v : strFromU8(v);
  };
  let documentXml = markDecorative(stableIds(replaceToc(text('word/document.xml'), opts.tocXml)));
  const relsName = 'word/_rels/document.xml.rels';
  if (parts.has(relsName)) {
    const fixed = stableRelIds(text(relsName), documentXml);
    parts.set(relsName, fixed.rels);
    documentXml = fixed.xml;
  }
  parts.set('word/document.xml', documentXml);
  parts.set('word/styles.xml', finishStyles(text('word/styles.xml')));
  if (parts.has('docProps/core.xml'))
    parts.set('docProps/core.xml', fixCore(text('docProps/core.xml'), opts.date, opts.language));
  if (parts.has('docProps/app.xml')) parts.set('docProps/app.xml', appXml(opts.company));
  return zipEntries(
    entryOrder([...parts.keys()]).map((name) => {
      const v = parts.get(name) ?? '';
      return { name, data: typeof v === 'string' ? Buffer.from(v, 'utf8') : v };
    }),
  );
}

/** Finishes an already zipped package (kept for callers holding bytes). */
export function finishPackage(bytes: Uint8Array, opts: FinishOptions): Uint8Array {
  return finishParts(new Map(Object.entries(unzipSync(bytes))), opts);
}
