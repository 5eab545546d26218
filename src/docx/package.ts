/**
 * Finishing the package docx wrote: put the contents field in, and make the bytes a pure
 * function of the handbook. docx takes bookmark and drawing ids from process-wide counters,
 * names hyperlink relationships randomly and stamps core dates with the clock; all of that
 * is rewritten here, and the zip is rebuilt with a fixed entry order and fixed timestamps.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { TABLE_STYLE_XML } from './styles.js';
import { TOC_PLACEHOLDER } from './toc.js';

export interface FinishOptions {
  /** The contents field XML, replacing the placeholder paragraph. */
  tocXml: string;
  /** ISO date (YYYY-MM-DD) for the core created/modified dates. */
  date: string;
}

/** Zip entry time: DOS dates start in 1980; local time, because DOS times are local. */
const FIXED_MTIME = new Date(1980, 0, 1, 12, 0, 0);

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
  const re = new RegExp(`<w:p>(?:(?!</w:p>).)*?${TOC_PLACEHOLDER}(?:(?!</w:p>).)*?</w:p>`, 's');
  if (!re.test(documentXml))
    throw new Error('docx: contents placeholder not found in document.xml');
  return documentXml.replace(re, () => tocXml);
}

/** Stable relationship ids: random ones (hyperlinks) become rIdL1, rIdL2 … in rels order. */
function stableRelIds(rels: string, parts: string[]): { rels: string; parts: string[] } {
  const map = new Map<string, string>();
  const newRels = renumber(rels, /(Id=")((?!rId\d+")[^"]+)(")/g, (n) => `rIdL${n}`, map);
  const newParts = parts.map((xml) =>
    xml.replace(/(r:(?:id|embed|link)=")([^"]+)(")/g, (m, pre: string, id: string, post: string) =>
      map.has(id) ? `${pre}${map.get(id)}${post}` : m,
    ),
  );
  return { rels: newRels, parts: newParts };
}

function stableIds(xml: string): string {
  let out = renumber(xml, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (n) => String(n));
  const drawings = new Map<string, string>();
  out = renumber(out, /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (n) => String(n), drawings);
  return out;
}

function fixCoreDates(core: string, date: string): string {
  const stamp = `${date}T00:00:00Z`;
  return core
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
}

/** Entry order: content types first, then package rels, then everything else sorted. */
export function entryOrder(names: string[]): string[] {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function finishPackage(bytes: Uint8Array, opts: FinishOptions): Uint8Array {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  let documentXml = stableIds(replaceToc(text('word/document.xml'), opts.tocXml));
  const relsName = 'word/_rels/document.xml.rels';
  if (files[relsName]) {
    const fixed = stableRelIds(text(relsName), [documentXml]);
    files[relsName] = strToU8(fixed.rels);
    documentXml = fixed.parts[0] ?? documentXml;
  }
  files['word/document.xml'] = strToU8(documentXml);
  files['word/styles.xml'] = strToU8(
    text('word/styles.xml').replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`),
  );
  if (files['docProps/core.xml'])
    files['docProps/core.xml'] = strToU8(fixCoreDates(text('docProps/core.xml'), opts.date));
  const zippable: Zippable = {};
  for (const name of entryOrder(Object.keys(files))) {
    zippable[name] = [files[name] ?? new Uint8Array(), { mtime: FIXED_MTIME, level: 6 }];
  }
  return zipSync(zippable);
}
