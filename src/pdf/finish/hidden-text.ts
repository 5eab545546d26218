/**
 * Screen-reader labels off the page. print.css draws the hidden labels ("Recommendation: ",
 * "Lesson learnt: ") as real, tagged text in transparent ink, so that the structure tree
 * holds them; but text extraction (pdftotext, copy and paste, search) ignores ink and showed
 * each as a stray line in the middle of its box. Text drawn with a fill alpha of 0 is
 * invisible by definition, so moving it off the page changes nothing anyone sees and takes
 * it out of extraction (which drops glyphs outside the page). It stays real text in its
 * marked content and structure element, and that element also gets the words as /ActualText
 * (PDF/UA's replacement text): a reader that also skips off-page glyphs (pdf.js) still has
 * them from the tags, and the others read the replacement once instead of the glyphs.
 */
import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { pageContent } from './artifacts.js';
import { operatorScanner, parseOperations, type Operation } from './content-tokens.js';
import { structTreeRoot } from './struct-tree.js';
import { decodeHex, pageFontMaps, type CodeMap } from './to-unicode.js';

/** Text-space units the hidden text moves left: far beyond any page at any scale Chromium uses. */
export const OFF_PAGE_SHIFT = 100_000;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Names (with slash) of the page's ExtGStates whose fill alpha (/ca) is 0. */
function clearStates(page: PDFPage): Set<string> {
  const out = new Set<string>();
  const states = page.node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  for (const [key, value] of states?.entries() ?? []) {
    const gs = page.doc.context.lookup(value);
    const ca = gs instanceof PDFDict ? gs.lookupMaybe(PDFName.of('ca'), PDFNumber) : undefined;
    if (ca?.asNumber() === 0) out.add(key.asString());
  }
  return out;
}

function shiftedTm(o: Operation): string | undefined {
  const e = Number(o.operands[4]);
  if (o.operands.length !== 6 || !Number.isFinite(e)) return undefined;
  // Only e changes; the others keep their source text (a JavaScript number may print as 1e-7).
  const moved = (e - OFF_PAGE_SHIFT).toFixed(4).replace(/\.?0+$/, '');
  return [...o.operands.slice(0, 4), moved, o.operands[5]].join(' ') + ' Tm';
}

const mcidOf = (o: Operation): number | undefined => {
  const i = o.operands.indexOf('/MCID');
  const n = i < 0 ? NaN : Number(o.operands[i + 1]);
  return Number.isInteger(n) ? n : undefined;
};

export interface HiddenText {
  edits: Edit[];
  /** MCID → the words its invisible text shows (undefined: some glyph could not be read). */
  words: Map<number, string | undefined>;
}

/**
 * Speed: Chromium's pages are tens of kilobytes of content; only the graphics-state and
 * marked-content operators are heard everywhere, the text operators only inside an invisible
 * text object, and operands are parsed only for the operations that need them.
 */
const scan = operatorScanner(
  ['q', 'Q', 'gs', 'BDC', 'BMC', 'EMC', 'BT', 'ET'],
  ['Tf', 'Tm', 'Tj', 'TJ', "'", '"'],
);

/** The one operation in `buf` from `start` to `end`, with its operands. */
function operation(buf: Uint8Array, start: number, end: number): Operation {
  const [o] = parseOperations(buf.subarray(start, end));
  return { ...(o ?? { op: '', operands: [] }), start, end };
}

/** The edits that move every invisible text object off the page, and what those objects say. */
export function hiddenText(
  buf: Uint8Array,
  clear: Set<string>,
  fonts: Map<string, CodeMap>,
): HiddenText {
  const edits: Edit[] = [];
  const words = new Map<number, string | undefined>();
  const gsStack: boolean[] = [];
  /** Open marked content: the BDC's byte range (its MCID read only if hidden text needs it). */
  const marks: ([number, number] | undefined)[] = [];
  let invisible = false;
  let hiding = false;
  let font: CodeMap | undefined;
  const show = (hexes: string[]): void => {
    const at = marks.findLast((m) => m !== undefined && mcidOf(operation(buf, ...m)) !== undefined);
    const mcid = at && mcidOf(operation(buf, ...at));
    if (mcid === undefined) return;
    const parts = hexes.map((h) => (font && h.startsWith('<') ? decodeHex(h, font) : undefined));
    const known = words.has(mcid) ? words.get(mcid) : '';
    words.set(
      mcid,
      known === undefined || parts.includes(undefined) ? undefined : known + parts.join(''),
    );
  };
  scan(buf, (op, start, end) => {
    if (op === 'q') gsStack.push(invisible);
    else if (op === 'Q') invisible = gsStack.pop() ?? false;
    else if (op === 'gs') invisible = clear.has(operation(buf, start, end).operands[0] ?? '');
    else if (op === 'BDC') marks.push([start, end]);
    else if (op === 'BMC') marks.push(undefined);
    else if (op === 'EMC') marks.pop();
    else if (op === 'BT' && invisible) {
      hiding = true;
      // A Td right after BT is relative to the identity: start that one off the page too.
      edits.push({ start: end, end, text: `\n1 0 0 1 -${OFF_PAGE_SHIFT} 0 Tm` });
    } else if (op === 'ET') hiding = false;
    else if (hiding) {
      const o = operation(buf, start, end);
      if (op === 'Tf') font = fonts.get(o.operands[0] ?? '');
      else if (op === 'Tm') {
        const text = shiftedTm(o);
        if (text) edits.push({ start, end, text });
      } else if (op === 'TJ') show(o.operands.filter((t) => /^[<(]/.test(t)));
      else show(o.operands.slice(-1));
    }
    return hiding;
  });
  return { edits, words };
}

function applyEdits(buf: Uint8Array, edits: Edit[]): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (const e of edits) {
    parts.push(Buffer.from(buf.subarray(from, e.start)), Buffer.from(e.text, 'latin1'));
    from = e.end;
  }
  parts.push(Buffer.from(buf.subarray(from)));
  return Buffer.concat(parts);
}

/** A number tree's value for a key (ISO 32000-1 §7.9.7), walking /Kids by their /Limits. */
function numberTreeGet(doc: PDFDocument, node: PDFDict, key: number): unknown {
  for (let depth = 0; depth < 32; depth++) {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) {
      for (let i = 0; i + 1 < nums.size(); i += 2)
        if ((nums.lookup(i) as PDFNumber | undefined)?.asNumber?.() === key)
          return nums.lookup(i + 1);
      return undefined;
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    const next = kids
      ?.asArray()
      .map((k) => doc.context.lookup(k))
      .find((k) => {
        const lim =
          k instanceof PDFDict ? k.lookupMaybe(PDFName.of('Limits'), PDFArray) : undefined;
        const [lo, hi] = [lim?.lookup(0), lim?.lookup(1)] as (PDFNumber | undefined)[];
        return lo && hi && lo.asNumber() <= key && key <= hi.asNumber();
      });
    if (!(next instanceof PDFDict)) return undefined;
    node = next;
  }
  return undefined;
}

/** Only marked content of its own (the label's span): /ActualText would replace anything else. */
function holdsOnly(doc: PDFDocument, elem: PDFDict, mcids: Set<number>): boolean {
  const k = elem.get(PDFName.of('K'));
  const list = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  return list.every((x) => {
    const v = doc.context.lookup(x);
    const n = v instanceof PDFDict ? v.lookup(PDFName.of('MCID')) : v;
    return n instanceof PDFNumber && mcids.has(n.asNumber());
  });
}

function setActualTexts(
  doc: PDFDocument,
  page: PDFPage,
  words: Map<number, string | undefined>,
): void {
  const root = structTreeRoot(doc);
  const tree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber);
  const parents = tree && key ? numberTreeGet(doc, tree, key.asNumber()) : undefined;
  if (!(parents instanceof PDFArray)) return;
  const mine = new Set(words.keys());
  for (const [mcid, text] of words) {
    const elem = parents.lookup(mcid);
    if (text === undefined || !(elem instanceof PDFDict) || !holdsOnly(doc, elem, mine)) continue;
    elem.set(PDFName.of('ActualText'), PDFHexString.fromText(text));
  }
}

/** Moves invisible text off every page that has a transparent graphics state; pages changed. */
export function hideInvisibleText(doc: PDFDocument): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const clear = clearStates(page);
    if (clear.size === 0) continue;
    const content = pageContent(doc, page);
    if (!content) continue;
    const found = hiddenText(content.bytes, clear, pageFontMaps(doc, page.node.Resources()));
    if (found.edits.length === 0) continue;
    const [first] = content.refs;
    const dict = doc.context.obj({ Filter: 'FlateDecode' });
    const bytes = deflateSync(applyEdits(content.bytes, found.edits));
    doc.context.assign(first!, PDFRawStream.of(dict, bytes));
    if (content.refs.length > 1) page.node.set(PDFName.of('Contents'), first!);
    setActualTexts(doc, page, found.words);
    changed++;
  }
  return changed;
}
