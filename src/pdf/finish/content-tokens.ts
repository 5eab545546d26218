/**
 * A small tokenizer for PDF content streams (ISO 32000-1 §7.2, §8.9.7): enough to split a
 * stream into operations (operands + operator) with their byte ranges, so that marked-content
 * operators can be inserted between operations without re-serialising anything.
 * Strings (with escapes and nested parentheses), hex strings, names, arrays, dictionaries,
 * comments and inline images (BI … ID <binary> EI) are handled.
 *
 * Speed: the finishing scans megabytes of content once per build, so this code runs cold, and
 * a byte loop in JavaScript spends most of such a run in the interpreter. Tokens are matched
 * by sticky regexes instead, which V8 compiles to native code at once; `operatorScanner` even
 * skips the operations it is not asked about inside the regex, so that JavaScript only sees
 * the few operators the caller wants (one in twenty-five, for the artifact pass).
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
/** Regular tokens that are operands, not operators. */
const OPERAND_KEYWORDS = ['true', 'false', 'null'];

/**
 * Token patterns (regex sources). Every token is matched whole, `(?![^…])` asserting that no
 * regular byte follows, so that no backtracking can split one (which would make the
 * operator-skipping pattern exponential).
 */
const NOT_REGULAR = String.raw`\0\t\n\f\r ()<>[\]{}/%`;
const WHOLE = `(?![^${NOT_REGULAR}])`;
const SPACE = String.raw`[\0\t\n\f\r ]|%[^\r\n]*(?![^\r\n])`;
/** An operand other than a literal string (those nest, which a regex cannot follow). */
const OPERAND = String.raw`[+\-.\d][^${NOT_REGULAR}]*${WHOLE}|\/[^${NOT_REGULAR}]*${WHOLE}|<<|>>|<[^>]*>|[[\]{}]`;
const NEXT_OPERAND = new RegExp(`(?:${SPACE})*(${OPERAND})`, 'y');
const OPERANDS = new RegExp(`(?:${SPACE}|${OPERAND})*`, 'y');

function latin1(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
}

/**
 * Operator names are few and short: intern them by their bytes, so that a content stream of
 * a million operations does not build a million strings.
 */
const interned = new Map<number, string>();
function word(src: string, buf: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n > 3) return src.slice(from, to);
  let key = n;
  for (let i = from; i < to; i++) key = key * 256 + buf[i]!;
  let w = interned.get(key);
  if (w === undefined) {
    w = src.slice(from, to);
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

/** First byte at or after `i` that is neither white space nor in a comment. */
function skipSpace(buf: Uint8Array, i: number): number {
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x25) {
      const eol = buf.indexOf(0x0a, i);
      i = eol < 0 ? buf.length : eol + 1;
    } else if (isWs(b)) i++;
    else break;
  }
  return i;
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

/** Offset of the keyword `kw` as a whole token at or after `from`, skipping strings. */
function findKeyword(src: string, buf: Uint8Array, from: number, kw: string): number {
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
      if (src.slice(s, i) === kw) return s;
      continue;
    }
    i++;
  }
  return -1;
}

/** End of the inline image whose `BI` ends at `i`: the image dictionary, ID, the data, EI. */
function inlineImageEnd(src: string, buf: Uint8Array, i: number): number {
  const id = findKeyword(src, buf, i, 'ID');
  return id < 0 ? buf.length : skipInlineImage(buf, id + 2);
}

/** Splits a decoded content stream into operations, with their operands. */
export function parseOperations(buf: Uint8Array): Operation[] {
  const src = latin1(buf);
  const ops: Operation[] = [];
  let operands: string[] = [];
  let opStart = -1;
  let i = 0;
  while (i < buf.length) {
    NEXT_OPERAND.lastIndex = i;
    const m = NEXT_OPERAND.exec(src);
    let start: number;
    if (m) {
      i = NEXT_OPERAND.lastIndex;
      start = i - m[1]!.length;
    } else {
      start = i = skipSpace(buf, i);
      if (i >= buf.length) break;
      if (isRegular(buf[i]!)) {
        while (i < buf.length && isRegular(buf[i]!)) i++;
        const op = word(src, buf, start, i);
        if (!OPERAND_KEYWORDS.includes(op)) {
          const end = op === 'BI' ? inlineImageEnd(src, buf, i) : i;
          ops.push({ op, start: opStart < 0 ? start : opStart, end, operands });
          operands = [];
          opStart = -1;
          i = end;
          continue;
        }
      } else i = buf[i] === 0x28 ? skipString(buf, i) : i + 1; // a literal string, or a stray delimiter
    }
    if (opStart < 0) opStart = start;
    operands.push(src.slice(start, i));
  }
  return ops;
}

/**
 * Called for a wanted operation: operator, byte range, and where the operation before it
 * ended. It returns whether the `sometimes` operators are wanted from there on.
 */
export type OperatorVisitor = (op: string, start: number, end: number, prevEnd: number) => boolean;

/** Operands and operations other than `stops`, ending after the last such operator. */
function skipper(stops: readonly string[]): RegExp {
  // Inline images and operand keywords always stop it: their data is skipped in JavaScript.
  const words = [...new Set([...stops, 'BI', ...OPERAND_KEYWORDS])];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const other = `(?!(?:${escaped.join('|')})${WHOLE})[^${NOT_REGULAR}+\\-.\\d][^${NOT_REGULAR}]*${WHOLE}`;
  return new RegExp(`(?:(?:${SPACE}|${OPERAND})*(?:${other}))*`, 'y');
}

/**
 * A scanner that reports only the operations whose operator is in `always`, or in
 * `sometimes` while the visitor asks for those (it starts asking), each with the end of the
 * operation before it (whatever its operator). It returns the end of the last operation in
 * the stream. Stray operands at the end are ignored.
 */
export function operatorScanner(
  always: readonly string[],
  sometimes: readonly string[] = [],
): (buf: Uint8Array, visit: OperatorVisitor) => number {
  const withSometimes = skipper([...always, ...sometimes]);
  const withoutSometimes = skipper(always);
  return (buf, visit) => {
    const src = latin1(buf);
    let wantSometimes = true;
    let prevEnd = 0;
    let i = 0;
    while (i < buf.length) {
      const skip = wantSometimes ? withSometimes : withoutSometimes;
      skip.lastIndex = i;
      skip.test(src);
      if (skip.lastIndex > i) prevEnd = skip.lastIndex;
      OPERANDS.lastIndex = skip.lastIndex;
      OPERANDS.test(src);
      i = OPERANDS.lastIndex;
      if (i >= buf.length) break;
      const start = i;
      if (!isRegular(buf[i]!)) {
        i = buf[i] === 0x28 ? skipString(buf, i) : i + 1; // a literal string, or a stray delimiter
        continue;
      }
      while (i < buf.length && isRegular(buf[i]!)) i++;
      const op = word(src, buf, start, i);
      if (OPERAND_KEYWORDS.includes(op)) continue;
      const first = skipSpace(buf, prevEnd);
      if (op === 'BI') i = inlineImageEnd(src, buf, i);
      // Only BI can stop the regex without being wanted.
      if (always.includes(op) || (wantSometimes && sometimes.includes(op))) {
        wantSometimes = visit(op, first, i, prevEnd);
      }
      prevEnd = i;
    }
    return prevEnd;
  };
}

export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
export const PATH_START = new Set(['m', 're']);
export const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
