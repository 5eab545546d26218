/**
 * PDF/A-2 level A (and U) text mapping, read back from the bytes: every glyph code a
 * composite font shows in a content stream maps, through the font's ToUnicode CMap, to real Unicode (not U+0000,
 * U+FEFF, U+FFFE or U+FFFD). No Type 3 font (Chromium's synthesised faces are Type 3).
 */
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { listOf, resolve, str } from './inspect.js';
import type { CheckResult } from './ua-check.js';

const name = (s: string): PDFName => PDFName.of(s);
const BAD = new Set([0x0000, 0xfeff, 0xfffe, 0xfffd]);

/** CID → first UTF-16 code unit of its mapping, from bfchar and bfrange sections. */
export function toUnicodeMap(cmap: string): Map<number, number> {
  const out = new Map<number, number>();
  const hex = (h: string): number => parseInt(h, 16);
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      out.set(hex(src!), hex(dst!.slice(0, 4)));
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of body!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g,
    )) {
      const [lo, hi] = [hex(m[1]!), hex(m[2]!)];
      const dsts = m[3]!.startsWith('[')
        ? [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => hex(d[1]!.slice(0, 4)))
        : undefined;
      const base = dsts ? 0 : hex(m[3]!.slice(1, 5));
      for (let c = lo; c <= hi; c++) out.set(c, dsts ? (dsts[c - lo] ?? 0) : base + c - lo);
    }
  }
  return out;
}

type Used = Map<PDFDict, Set<number>>;

function streamBytes(s: PDFRawStream): Uint8Array {
  return str(s.dict.get(name('Filter'))) === 'FlateDecode' ? inflateSync(s.contents) : s.contents;
}

/**
 * The glyph codes each composite font shows, from the content streams themselves: the page's
 * and those of the form XObjects it draws (SVG images), with `Tf` choosing the font and the
 * hex strings of `Tj`/`TJ` (2-byte codes under Identity-H) giving the glyphs.
 */
function collectUsed(
  doc: PDFDocument,
  content: Uint8Array,
  resources: PDFDict | undefined,
  used: Used,
  seen: Set<PDFRawStream>,
): void {
  const fonts = resources ? resolve(doc, resources.get(name('Font'))) : undefined;
  const xobjects = resources ? resolve(doc, resources.get(name('XObject'))) : undefined;
  const text = new TextDecoder('latin1').decode(content);
  let font: PDFDict | undefined;
  const tokens =
    /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|\/([^\s/<>[\]()]+)\s+Do|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F\s]*>\s*Tj)/g;
  for (const m of text.matchAll(tokens)) {
    if (m[1]) {
      const f = fonts instanceof PDFDict ? resolve(doc, fonts.get(name(m[1]))) : undefined;
      font = f instanceof PDFDict && str(f.get(name('Subtype'))) === 'Type0' ? f : undefined;
    } else if (m[2]) {
      const x = xobjects instanceof PDFDict ? resolve(doc, xobjects.get(name(m[2]))) : undefined;
      if (
        x instanceof PDFRawStream &&
        str(x.dict.get(name('Subtype'))) === 'Form' &&
        !seen.has(x)
      ) {
        seen.add(x);
        const res = resolve(doc, x.dict.get(name('Resources')));
        collectUsed(doc, streamBytes(x), res instanceof PDFDict ? res : resources, used, seen);
      }
    } else if (m[3] && font) {
      const set = used.get(font) ?? new Set<number>();
      used.set(font, set);
      for (const [, hex] of m[3].matchAll(/<([0-9a-fA-F\s]*)>/g)) {
        const h = hex!.replace(/\s/g, '');
        for (let i = 0; i + 4 <= h.length; i += 4) set.add(parseInt(h.slice(i, i + 4), 16));
      }
    }
  }
}

function usedGlyphs(doc: PDFDocument): Used {
  const used: Used = new Map();
  const seen = new Set<PDFRawStream>();
  for (const page of doc.getPages()) {
    const parts = listOf(doc, page.node.get(name('Contents'))).filter(
      (c): c is PDFRawStream => c instanceof PDFRawStream,
    );
    const bytes = parts.map((p) => new TextDecoder('latin1').decode(streamBytes(p))).join('\n');
    collectUsed(doc, new TextEncoder().encode(bytes), page.node.Resources(), used, seen);
  }
  return used;
}

export function unicodeChecks(doc: PDFDocument): CheckResult[] {
  const unmapped: string[] = [];
  const type3: string[] = [];
  let glyphs = 0;
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || str(obj.get(name('Type'))) !== 'Font') continue;
    if (str(obj.get(name('Subtype'))) === 'Type3')
      type3.push(`${str(obj.get(name('Name'))) ?? 'Type3'} (${ref.toString()})`);
  }
  for (const [font, codes] of usedGlyphs(doc)) {
    const label = str(font.get(name('BaseFont'))) ?? 'Type0';
    const tu = resolve(doc, font.get(name('ToUnicode')));
    if (!(tu instanceof PDFRawStream)) continue; // "every font has a ToUnicode map" reports it
    const map = toUnicodeMap(new TextDecoder('latin1').decode(streamBytes(tu)));
    for (const c of codes) {
      glyphs++;
      const u = map.get(c);
      if (u === undefined || BAD.has(u)) unmapped.push(`${label} glyph ${c}`);
    }
  }
  return [
    {
      condition: 'every glyph used maps to Unicode (PDF/A-2 level A/U text mapping)',
      ok: unmapped.length === 0 && glyphs > 0,
      detail: unmapped.length ? unmapped.slice(0, 5).join('; ') : `${glyphs} glyphs`,
    },
    {
      condition: 'no Type 3 font (no synthesised face)',
      ok: type3.length === 0,
      ...(type3.length ? { detail: type3.join('; ') } : {}),
    },
  ];
}
