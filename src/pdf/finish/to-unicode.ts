/**
 * Reading a font's ToUnicode CMap (ISO 32000-1 §9.10.3), the part Chromium writes: 2-byte
 * codes, `bfchar` pairs and `bfrange` ranges with a hex destination. Enough to turn the
 * glyph codes of a hidden label back into its words for /ActualText.
 */
import { PDFDict, PDFName, PDFRawStream, decodePDFRawStream, type PDFDocument } from 'pdf-lib';

export type CodeMap = Map<number, string>;

const utf16 = (hex: string): string => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

/** The code → text map of a CMap program. */
export function parseToUnicode(cmap: string): CodeMap {
  const map: CodeMap = new Map();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g))
      map.set(parseInt(src!, 16), utf16(dst!));
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of body!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      // The last UTF-16 unit counts up through the range (§9.10.3).
      const base = utf16(dst!);
      const head = base.slice(0, -1);
      const last = base.charCodeAt(base.length - 1);
      for (let c = parseInt(lo!, 16), i = 0; c <= parseInt(hi!, 16); c++, i++)
        map.set(c, head + String.fromCharCode(last + i));
    }
  return map;
}

/** The ToUnicode map of each font resource of a page (by resource name, with its slash). */
export function pageFontMaps(
  doc: PDFDocument,
  resources: PDFDict | undefined,
): Map<string, CodeMap> {
  const out = new Map<string, CodeMap>();
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [key, ref] of fonts?.entries() ?? []) {
    const font = doc.context.lookup(ref);
    const stream = font instanceof PDFDict ? font.lookup(PDFName.of('ToUnicode')) : undefined;
    if (!(stream instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    out.set(key.asString(), parseToUnicode(text));
  }
  return out;
}

/** The text of a hex string of 2-byte codes, or undefined when a code has no mapping. */
export function decodeHex(hex: string, map: CodeMap): string | undefined {
  const digits = hex.replace(/[<>\s]/g, '');
  let s = '';
  for (let i = 0; i + 4 <= digits.length; i += 4) {
    const t = map.get(parseInt(digits.slice(i, i + 4), 16));
    if (t === undefined) return undefined;
    s += t;
  }
  return s;
}
