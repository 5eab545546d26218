/**
 * A small tokenizer for PDF content streams (ISO 32000-1 §7.2, §8.9.7): enough to split a
 * stream into operations (operands + operator) with their byte ranges, so that marked-content
 * operators can be inserted between operations without re-serialising anything.
 * Strings (with escapes and nested parentheses), hex strings, names, arrays, dictionaries,
 * comments and inline images (BI … ID <binary> EI) are handled.
 */

export interface Operation {
  /** The operator keyword (`BT`, `Tj`, `BDC` …); `BI` stands for a whole inline image. */
  op: string;
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator (after `EI` for an inline image). */
  end: number;
  /** Operand tokens as source text (names keep their slash); used for BDC tags and Do names. */
  operands: string[];
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (b: number): boolean => !WS.has(b) && !DELIM.has(b);
const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);

function text(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/** End (exclusive) of the literal string starting at `i` (which holds `(`). */
function skipString(buf: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x5c)
      i++; // backslash: the next byte is escaped, whatever it is
    else if (b === 0x28) depth++;
    else if (b === 0x29 && --depth === 0) return i + 1;
  }
  return buf.length;
}

function skipUntil(buf: Uint8Array, i: number, byte: number): number {
  while (i < buf.length && buf[i] !== byte) i++;
  return Math.min(i + 1, buf.length);
}

/** After `ID` and one white-space byte: the binary data runs to an `EI` between white space. */
function skipInlineImage(buf: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < buf.length; j++) {
    if (
      buf[j] === 0x45 &&
      buf[j + 1] === 0x49 &&
      WS.has(buf[j - 1]!) &&
      (j + 2 >= buf.length || WS.has(buf[j + 2]!) || DELIM.has(buf[j + 2]!))
    ) {
      return j + 2;
    }
  }
  return buf.length;
}

/** Splits a decoded content stream into operations. Stray operands at the end are dropped. */
export function parseOperations(buf: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let operands: string[] = [];
  let opStart = -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (WS.has(b)) {
      i++;
      continue;
    }
    if (b === 0x25) {
      i = skipUntil(buf, i, 0x0a); // comment to end of line
      continue;
    }
    const start = i;
    if (b === 0x28) i = skipString(buf, i);
    else if (b === 0x3c && buf[i + 1] === 0x3c) i += 2;
    else if (b === 0x3e && buf[i + 1] === 0x3e) i += 2;
    else if (b === 0x3c) i = skipUntil(buf, i, 0x3e);
    else if (b === 0x2f) {
      i++;
      while (i < buf.length && isRegular(buf[i]!)) i++;
    } else if (DELIM.has(b))
      i++; // [ ] { } and a stray ) or >
    else {
      while (i < buf.length && isRegular(buf[i]!)) i++;
      const word = text(buf, start, i);
      const numeric = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word);
      if (!numeric && !OPERAND_KEYWORDS.has(word)) {
        const first = opStart < 0 ? start : opStart;
        if (word === 'BI') {
          // The image dictionary follows BI; ID starts the data, EI ends it.
          const id = findKeyword(buf, i, 'ID');
          const end = id < 0 ? buf.length : skipInlineImage(buf, id + 2);
          ops.push({ op: 'BI', start: first, end, operands });
          i = end;
        } else {
          ops.push({ op: word, start: first, end: i, operands });
        }
        operands = [];
        opStart = -1;
        continue;
      }
    }
    if (opStart < 0) opStart = start;
    operands.push(text(buf, start, i));
  }
  return ops;
}

/** Offset of the keyword `kw` as a whole token at or after `from`, skipping strings. */
function findKeyword(buf: Uint8Array, from: number, kw: string): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x28) {
      i = skipString(buf, i);
      continue;
    }
    if (isRegular(b)) {
      const s = i;
      while (i < buf.length && isRegular(buf[i]!)) i++;
      if (text(buf, s, i) === kw) return s;
      continue;
    }
    i++;
  }
  return -1;
}

export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
export const PATH_START = new Set(['m', 're']);
export const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
