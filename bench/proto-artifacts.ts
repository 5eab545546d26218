/**
 * A measured proposal, not used by the build: a faster tokenizer for the artifact pass of the
 * PDF finishing (src/pdf/finish/content-tokens.ts). Same operations (op, start, end) as
 * `parseOperations`, but a byte-class table instead of two Set lookups per byte, numbers told
 * apart by their first byte instead of a regex, and no operand strings (the artifact pass
 * never reads them). bench/anatomy.ts checks that it inserts at exactly the same offsets.
 */

/** 0 regular, 1 white space, 2 delimiter (ISO 32000-1 §7.2.2). */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;

export interface FastOperation {
  op: string;
  start: number;
  end: number;
}

function skipString(buf: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x5c) i++;
    else if (b === 0x28) depth++;
    else if (b === 0x29 && --depth === 0) return i + 1;
  }
  return buf.length;
}

function skipUntil(buf: Uint8Array, i: number, byte: number): number {
  const j = buf.indexOf(byte, i);
  return j < 0 ? buf.length : j + 1;
}

function skipInlineImage(buf: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < buf.length; j++) {
    if (
      buf[j] === 0x45 &&
      buf[j + 1] === 0x49 &&
      CLASS[buf[j - 1]!] === 1 &&
      (j + 2 >= buf.length || CLASS[buf[j + 2]!] !== 0)
    )
      return j + 2;
  }
  return buf.length;
}

function findKeyword(buf: Uint8Array, from: number, kw: string): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x28) {
      i = skipString(buf, i);
      continue;
    }
    if (CLASS[b] === 0) {
      const s = i;
      while (i < buf.length && CLASS[buf[i]!] === 0) i++;
      if (i - s === kw.length && String.fromCharCode(...buf.subarray(s, i)) === kw) return s;
      continue;
    }
    i++;
  }
  return -1;
}

const isNumberStart = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2d || b === 0x2e;

export function parseOperationsFast(buf: Uint8Array): FastOperation[] {
  const ops: FastOperation[] = [];
  let opStart = -1;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    const cls = CLASS[b]!;
    if (cls === 1) {
      i++;
      continue;
    }
    if (b === 0x25) {
      i = skipUntil(buf, i, 0x0a);
      continue;
    }
    const start = i;
    if (cls === 2) {
      if (b === 0x28) i = skipString(buf, i);
      else if ((b === 0x3c || b === 0x3e) && buf[i + 1] === b) i += 2;
      else if (b === 0x3c) i = skipUntil(buf, i, 0x3e);
      else if (b === 0x2f) {
        i++;
        while (i < n && CLASS[buf[i]!] === 0) i++;
      } else i++;
    } else {
      while (i < n && CLASS[buf[i]!] === 0) i++;
      // A regex-checked number in the original; malformed numbers ("1.2.3") never occur in
      // Chromium's output, and no operator starts with a digit, sign or dot.
      if (!isNumberStart(b)) {
        const word =
          i - start <= 3
            ? String.fromCharCode(...buf.subarray(start, i))
            : Buffer.from(buf.buffer, buf.byteOffset + start, i - start).toString('latin1');
        if (word !== 'true' && word !== 'false' && word !== 'null') {
          const first = opStart < 0 ? start : opStart;
          if (word === 'BI') {
            const id = findKeyword(buf, i, 'ID');
            const end = id < 0 ? n : skipInlineImage(buf, id + 2);
            ops.push({ op: 'BI', start: first, end });
            i = end;
          } else ops.push({ op: word, start: first, end: i });
          opStart = -1;
          continue;
        }
      }
    }
    if (opStart < 0) opStart = start;
  }
  return ops;
}
