/**
 * One print, even cold: the contents is printed with placeholder numbers of the widest width
 * (three digits), which are real, tagged text like any number; the print then tells where
 * every heading landed, and the placeholders' glyphs are replaced in the page content by the
 * glyphs of the real numbers, right-aligned in the same box. Nothing else on the page moves,
 * so the destinations of that one print are final.
 *
 * Why this is safe:
 * - the number cells are `tabular-nums` (styles/print-front.css): every digit has the width of
 *   the placeholder's digits, so a number is the placeholder's last k glyphs' positions;
 * - the fonts are subsets: a digit can only be written when its glyph is in the subset of the
 *   cell's font. The placeholders cycle through 120, 345, 678, 901 per contents level (one
 *   face per level), so a contents of four entries a level puts all ten digits in;
 * - a cell is found only in exactly the form Chromium (Skia) writes a three-glyph run in its own
 *   marked-content sequence, its glyphs read back through the font's ToUnicode map, and the
 *   cells must be the placeholders in contents order, none skipped and none extra.
 * Anything else (another browser's output, a missing digit, a number of four digits) leaves
 * the document untouched and returns false: the caller prints again with the numbers.
 */
import {
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import type { Handbook, OutlineEntry } from '../model.js';
import { pageContent } from './finish/artifacts.js';

/** The digits every placeholder has: the widest page number a contents can show in one print. */
export const PLACEHOLDER_DIGITS = 3;
/** Together the ten digits, so that each contents level's font subset holds them all. */
const CYCLE = [120, 345, 678, 901];

export interface ContentsCell {
  id: string;
  placeholder: number;
}

/** Every contents entry in contents order (chapters, their outlines, appendices), with its placeholder. */
export function contentsCells(hb: Handbook): ContentsCell[] {
  const cells: ContentsCell[] = [];
  const seen = new Map<number, number>();
  const add = (id: string, level: number): void => {
    const i = seen.get(level) ?? 0;
    seen.set(level, i + 1);
    cells.push({ id, placeholder: CYCLE[i % CYCLE.length]! });
  };
  const walk = (entries: OutlineEntry[]): void => {
    for (const e of entries) {
      add(e.id, e.level);
      walk(e.children);
    }
  };
  for (const c of [...hb.chapters, ...hb.appendices]) {
    add(c.id, 1);
    walk(c.outline);
  }
  return cells;
}

/** The numbers the first print shows: every contents entry its placeholder. */
export function placeholderNumbers(hb: Handbook): Record<string, number> {
  return Object.fromEntries(contentsCells(hb).map((c) => [c.id, c.placeholder]));
}

const NUM = String.raw`(-?[\d.]+)`;
/**
 * One marked-content sequence holding one text object of three glyphs in one font, as Skia
 * writes a run: `BT /F5 15.12 Tf 1 0 0 -1 x y Tm <g> Tj w 0 Td <g> Tj w 0 Td <g> Tj ET EMC`;
 * between ET and EMC Skia may set the colour or graphics state for what follows (kept as is).
 */
const STATE_OP = String.raw`(?:\s+(?:-?[\d.]+|\/[^\s/<>[\]()]+|RG|rg|G|g|K|k|CS|cs|SC|sc|SCN|scn|gs))*`;
const CELL = new RegExp(
  String.raw`BDC\s*BT\s*(\/[^\s/<>[\]()]+)\s+${NUM}\s+Tf\s+` +
    String.raw`${NUM}\s+${NUM}\s+${NUM}\s+${NUM}\s+${NUM}\s+${NUM}\s+Tm\s*` +
    String.raw`<([0-9A-Fa-f]{4})>\s*Tj\s*${NUM}\s+0\s+Td\s*<([0-9A-Fa-f]{4})>\s*Tj\s*` +
    String.raw`${NUM}\s+0\s+Td\s*<([0-9A-Fa-f]{4})>\s*Tj\s*ET(${STATE_OP})\s*EMC`,
  'g',
);

/** Glyph code ↔ digit of one font, from its ToUnicode map (bfchar and simple bfrange). */
interface Digits {
  digitOf: Map<string, string>;
  codeOf: Map<string, string>;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function readDigits(cmap: string): Digits {
  const digitOf = new Map<string, string>();
  const codeOf = new Map<string, string>();
  const put = (code: number, unicode: number): void => {
    if (unicode < 0x30 || unicode > 0x39) return;
    const d = String.fromCharCode(unicode);
    digitOf.set(hex4(code), d);
    if (!codeOf.has(d)) codeOf.set(d, hex4(code));
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>/g))
      put(parseInt(m[1]!, 16), parseInt(m[2]!, 16));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>/g,
    )) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const dst = parseInt(m[3]!, 16);
      for (let c = lo; c <= hi && c - lo < 256; c++) put(c, dst + c - lo);
    }
  }
  return { digitOf, codeOf };
}

/** The digit maps of a page's fonts, by resource name (`/F5`); cached per font object. */
function pageFonts(
  doc: PDFDocument,
  page: PDFPage,
  cache: Map<string, Digits>,
): Map<string, Digits> {
  const out = new Map<string, Digits>();
  const resources = page.node.Resources();
  const fonts = resources?.lookup(PDFName.of('Font'));
  if (!(fonts instanceof PDFDict)) return out;
  for (const [name, value] of fonts.entries()) {
    const key = value instanceof PDFRef ? value.toString() : name.asString();
    let digits = cache.get(key);
    if (!digits) {
      const font = value instanceof PDFRef ? doc.context.lookup(value) : value;
      const tu = font instanceof PDFDict ? font.lookup(PDFName.of('ToUnicode')) : undefined;
      const text =
        tu instanceof PDFRawStream
          ? Buffer.from(decodePDFRawStream(tu).decode()).toString('latin1')
          : '';
      digits = readDigits(text);
      cache.set(key, digits);
    }
    out.set(name.decodeText(), digits);
  }
  return out;
}

const fmt = (n: number): string => String(Number(n.toFixed(5)));

/**
 * How far right a number of `k` digits starts from where the placeholder started. Blink lays
 * text out in LayoutUnits (1/64 CSS px, rounding a run's width up), and Chromium's text space
 * is CSS px (`1 0 0 -1 x y Tm`): a right-aligned run starts at the right edge minus its width
 * rounded up to that grid, which this reproduces, so the glyphs stand exactly where a print of
 * the number itself puts them.
 */
function shiftFor(w: number, k: number, scale: number): number {
  if (scale !== 1) return scale * w * (PLACEHOLDER_DIGITS - k);
  const units = (n: number): number => Math.ceil(n * w * 64 - 1e-6);
  return (units(PLACEHOLDER_DIGITS) - units(k)) / 64;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The cell's new text for `n`, or undefined when it cannot be written in this font. */
function rewriteCell(m: RegExpExecArray, digits: Digits, n: number): string | undefined {
  const [, font, size, a, b, c, d, e, f, , w1, , w2, , state] = m;
  const text = String(n);
  if (!Number.isInteger(n) || n < 1 || text.length > PLACEHOLDER_DIGITS) return undefined;
  const w = Number(w1);
  // Equal advances: tabular digits (a proportional face would put the number off its place).
  if (Math.abs(w - Number(w2)) > 1e-3 || Number(b) !== 0 || Number(c) !== 0) return undefined;
  const codes = [...text].map((ch) => digits.codeOf.get(ch));
  if (codes.some((g) => g === undefined)) return undefined;
  const x = Number(e) + shiftFor(w, text.length, Number(a));
  const glyphs = codes.map((g, i) => (i === 0 ? `<${g}> Tj` : `${w1} 0 Td <${g}> Tj`));
  return `BDC\nBT\n${font} ${size} Tf\n${a} ${b} ${c} ${d} ${fmt(x)} ${f} Tm\n${glyphs.join('\n')}\nET${state}\nEMC`;
}

/**
 * Replaces the placeholders of `cells` (in contents order) by `numbers[id]` in the page content
 * of `doc`, in place. All or nothing: returns false, with `doc` unchanged, unless every cell
 * was found in order and written.
 */
export function fillContentsNumbers(
  doc: PDFDocument,
  cells: ContentsCell[],
  numbers: Record<string, number>,
): boolean {
  if (cells.length === 0) return true;
  const placeholders = new Set(cells.map((c) => String(c.placeholder)));
  const fontCache = new Map<string, Digits>();
  const pending: { page: PDFPage; refs: PDFRef[]; bytes: Uint8Array; edits: Edit[] }[] = [];
  let next = 0;
  for (const page of doc.getPages()) {
    if (next === cells.length) break;
    const content = pageContent(doc, page);
    if (!content) continue;
    const src = Buffer.from(content.bytes).toString('latin1');
    const fonts = pageFonts(doc, page, fontCache);
    const edits: Edit[] = [];
    for (const m of src.matchAll(CELL)) {
      const digits = fonts.get(m[1]!.slice(1));
      if (!digits) continue;
      const shown = [m[9], m[11], m[13]].map((g) => digits.digitOf.get(g!.toUpperCase()));
      const value = shown.join('');
      if (shown.some((s) => s === undefined) || !placeholders.has(value)) continue;
      const cell = cells[next];
      // A placeholder out of order, or after the last: not the contents as rendered.
      if (!cell || value !== String(cell.placeholder)) return false;
      const text = rewriteCell(m as RegExpExecArray, digits, numbers[cell.id] ?? NaN);
      if (text === undefined) return false;
      edits.push({ start: m.index, end: m.index + m[0].length, text });
      next++;
    }
    if (edits.length) pending.push({ page, ...content, edits });
  }
  if (next !== cells.length) return false;
  for (const p of pending) writeContent(doc, p.page, p.refs, applyEdits(p.bytes, p.edits));
  return true;
}

function applyEdits(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const parts: Buffer[] = [];
  let from = 0;
  for (const e of edits) {
    parts.push(Buffer.from(bytes.subarray(from, e.start)), Buffer.from(e.text, 'latin1'));
    from = e.end;
  }
  parts.push(Buffer.from(bytes.subarray(from)));
  return Buffer.concat(parts);
}

/** The page's content replaced by `bytes` in its first stream object (as artifacts.ts does). */
function writeContent(doc: PDFDocument, page: PDFPage, refs: PDFRef[], bytes: Uint8Array): void {
  const [first] = refs;
  const dict = doc.context.obj({ Filter: 'FlateDecode' });
  doc.context.assign(first!, PDFRawStream.of(dict, deflateSync(bytes)));
  if (refs.length > 1) page.node.set(PDFName.of('Contents'), first!);
}
