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

/** Byte classes: 1 white space, 2 delimiter, 0 regular (PDF 32000-1 §7.2.2). */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;
const isWs = (b: number): boolean => CLASS[b] === 1;
const isRegular = (b: number): boolean => CLASS[b] === 0;
/** A regular token starting with a digit, sign or point is a number, never an operator. */
const startsNumber = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2d || b === 0x2e;
const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);

function text(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/**
 * Operator names are few and short: intern them by their bytes, so that a content stream of
 * a million operations does not build a million strings.
 */
const interned = new Map<number, string>();
function word(buf: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n > 3) return text(buf, from, to);
  let key = n;
  for (let i = from; i < to; i++) key = key * 256 + buf[i]!;
  let w = interned.get(key);
  if (w === undefined) {
    w = text(buf, from, to);
    interned.set(key, w);
  }
  return w;
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
  const j = buf.indexOf(byte, i);
  return j < 0 ? buf.length : j + 1;
}

/** After `ID` and one white-space byte: the binary data runs to an `EI` between white space. */
function skipInlineImage(buf: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < buf.length; j++) {
    if (
      buf[j] === 0x45 &&
      buf[j + 1] === 0x49 &&
      isWs(buf[j - 1]!) &&
      (j + 2 >= buf.length || !isRegular(buf[j + 2]!))
    ) {
      return j + 2;
    }
  }
  return buf.length;
}

/** Called for every operation: operator, byte range, and the operand texts when collected. */
export type OperationVisitor = (
  op: string,
  start: number,
  end: number,
  operands: string[] | undefined,
) => void;

/**
 * Walks a decoded content stream operation by operation, in one pass and without building
 * strings for operands unless `withOperands` (the finishing only needs operators and
 * offsets; tests and diagnostics want the operands too). Stray operands at the end are dropped.
 */
export function scanOperations(
  buf: Uint8Array,
  visit: OperationVisitor,
  withOperands = false,
): void {
  let operands: string[] | undefined = withOperands ? [] : undefined;
  let opStart = -1;
  let i = 0;
  const len = buf.length;
  while (i < len) {
    const b = buf[i]!;
    const cls = CLASS[b];
    if (cls === 1) {
      i++;
      continue;
    }
    if (b === 0x25) {
      i = skipUntil(buf, i, 0x0a); // comment to end of line
      continue;
    }
    const start = i;
    if (cls === 2) {
      if (b === 0x28) i = skipString(buf, i);
      else if (b === 0x3c) i = buf[i + 1] === 0x3c ? i + 2 : skipUntil(buf, i, 0x3e);
      else if (b === 0x3e) i += buf[i + 1] === 0x3e ? 2 : 1;
      else if (b === 0x2f) {
        i++;
        while (i < len && CLASS[buf[i]!] === 0) i++;
      } else i++; // [ ] { } and a stray )
    } else {
      while (i < len && CLASS[buf[i]!] === 0) i++;
      if (!startsNumber(b)) {
        const op = word(buf, start, i);
        if (!OPERAND_KEYWORDS.has(op)) {
          const first = opStart < 0 ? start : opStart;
          if (op === 'BI') {
            // The image dictionary follows BI; ID starts the data, EI ends it.
            const id = findKeyword(buf, i, 'ID');
            const end = id < 0 ? len : skipInlineImage(buf, id + 2);
            visit('BI', first, end, operands);
            i = end;
          } else {
            visit(op, first, i, operands);
          }
          if (operands) operands = [];
          opStart = -1;
          continue;
        }
      }
    }
    if (opStart < 0) opStart = start;
    operands?.push(text(buf, start, i));
  }
}

/** Splits a decoded content stream into operations, with their operands. */
export function parseOperations(buf: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  scanOperations(
    buf,
    (op, start, end, operands) => ops.push({ op, start, end, operands: operands! }),
    true,
  );
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
